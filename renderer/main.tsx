import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import './app/styles.css';
import './app/export-band.css';
import './app/form-fields.css';
import './app/officers.css';
import { App } from './app/App';
import { keepAuditHeadOnFile, requestPersistentStorage } from './db';
import { autoBackups } from './features/backup';

void requestPersistentStorage();
autoBackups?.start();
if (window.sohoa) {
  keepAuditHeadOnFile(window.sohoa);
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
