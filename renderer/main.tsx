import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './app/i18n';
import './app/styles.css';
import './app/export-band.css';
import './app/form-fields.css';
import './app/officers.css';
import { App } from './app/App';
import { db } from './db';
import { setAnchorFile } from './db/audit-anchors';
import { createAnchorFile, keepHeadOnFile } from './db/audit-head-file';
import { requestPersistentStorage } from './db/database';
import { autoBackups } from './features/backup/auto-backup';

void requestPersistentStorage();
autoBackups?.start();
if (window.sohoa) {
  // The desktop keeps the audit log's head in a file too, written after each change.
  setAnchorFile(createAnchorFile(window.sohoa));
  keepHeadOnFile(db, window.sohoa);
}

const container = document.getElementById('root');
if (!container) throw new Error('#root is missing from index.html');
createRoot(container).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
