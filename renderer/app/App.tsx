import { useEffect } from 'react';
import { useTranslation } from 'react-i18next';
import { useUiStore } from '../store/ui-store';
import { BooksScreen } from '../features/books';
import { BookWorkspace } from '../features/books';
import { EntryHistory } from '../features/history';
import { OfficerBar } from '../features/officers';
import { OfficerGate } from '../features/officers';
import { StorageAlerts, StorageStatus } from '../features/storage';
import { useRouteMemory } from '../features/storage';
import { ReviewQueue } from '../features/review';
import { StatsScreen } from '../features/stats';
import { ReconcileScreen } from '../features/reconcile';
import { ArbitrationScreen, SecondKeyingScreen } from '../features/keying';
import { setLanguage } from './i18n';
import { Notices } from './Notices';
import { navigate, useRoute } from '../store/router';

export function App() {
  const { t, i18n } = useTranslation();
  useRouteMemory();
  const textSize = useUiStore((state) => state.textSize);
  const setTextSize = useUiStore((state) => state.setTextSize);
  useEffect(() => {
    document.documentElement.style.fontSize = `${textSize}px`;
  }, [textSize]);

  return (
    <div className="app">
      <header className="app-header">
        <a
          className="app-title"
          href="#/"
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'books' });
          }}
        >
          {t('app.title')}
        </a>
        <span className="app-subtitle">{t('app.subtitle')}</span>
        <StorageStatus />
        <a className="stats-link" href="#/stats">
          {t('stats.link')}
        </a>
        <a className="stats-link" href="#/reconcile">
          {t('reconcile.link')}
        </a>
        <div className="text-size" role="group" aria-label={t('layout.larger')}>
          <button
            type="button"
            aria-label={t('layout.smaller')}
            onClick={() => setTextSize(textSize - 1)}
          >
            A−
          </button>
          <button
            type="button"
            aria-label={t('layout.larger')}
            onClick={() => setTextSize(textSize + 1)}
          >
            A+
          </button>
        </div>
        <label className="language">
          <span className="visually-hidden">{t('app.language')}</span>
          <select
            aria-label={t('app.language')}
            value={i18n.language}
            onChange={(event) => setLanguage(event.target.value === 'en' ? 'en' : 'vi')}
          >
            <option value="vi">Tiếng Việt</option>
            <option value="en">English</option>
          </select>
        </label>
        <OfficerBar />
      </header>
      <StorageAlerts />
      <main className="app-main">
        <OfficerGate>
          <Screen />
        </OfficerGate>
      </main>
      <Notices />
    </div>
  );
}

/**
 * The screen the address names. Only it follows the route: moving from one entry to the next
 * renders the book's workspace, not the header, the officer's bar or the notices.
 */
function Screen() {
  const route = useRoute();
  return route.name === 'books' ? (
    <BooksScreen />
  ) : route.name === 'stats' ? (
    <StatsScreen />
  ) : route.name === 'reconcile' ? (
    <ReconcileScreen />
  ) : route.name === 'review' ? (
    <ReviewQueue key={route.bookId} bookId={route.bookId} />
  ) : route.name === 'keying' ? (
    <SecondKeyingScreen key={route.bookId} bookId={route.bookId} entryId={route.entryId} />
  ) : route.name === 'arbitration' ? (
    <ArbitrationScreen key={route.bookId} bookId={route.bookId} />
  ) : route.name === 'history' ? (
    <EntryHistory bookId={route.bookId} entryId={route.entryId} />
  ) : (
    <BookWorkspace
      key={route.bookId}
      bookId={route.bookId}
      entryId={route.name === 'entry' ? route.entryId : null}
    />
  );
}
