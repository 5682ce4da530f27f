// View settings survive a reload: read from this PC's own settings when a book opens, written
// back shortly after the officer stops changing them (and at once when leaving the book).
import { useEffect } from 'react';
import { useUiStore } from '../../store/ui-store';
import {
  createSettingsSaver,
  parseViewSettings,
  serializeViewSettings,
  settingsKey,
  type ViewSettings,
} from './viewer-settings';
import { localSettings } from '../../db/reads';

const SAVE_DELAY_MS = 300;

const saver = createSettingsSaver<ViewSettings>((key, view) => {
  // View settings are a convenience: a failed write must never disturb typing.
  localSettings
    .rememberSetting(key, serializeViewSettings(view))
    .catch((error: unknown) => console.warn('Viewer settings not saved', error));
}, SAVE_DELAY_MS);

export async function loadViewSettings(bookId: string): Promise<ViewSettings | null> {
  const stored = await localSettings.setting(settingsKey(bookId));
  return stored ? parseViewSettings(stored.value) : null;
}

/** Keeps the store's settings for this book and the settings table in step while it is open. */
export function useViewerSettingsPersistence(bookId: string): void {
  useEffect(() => {
    let isActive = true;
    let restored: ViewSettings | null = null;
    loadViewSettings(bookId)
      .then((view) => {
        if (!isActive || !view) return;
        restored = view;
        useUiStore.getState().restoreView(bookId, view);
      })
      .catch((error: unknown) => console.warn('Viewer settings not read', error));
    const unsubscribe = useUiStore.subscribe((state, previous) => {
      const view = state.viewByBook[bookId];
      if (!view || view === previous.viewByBook[bookId] || view === restored) return;
      saver.schedule(settingsKey(bookId), view);
    });
    const flush = () => saver.flush();
    window.addEventListener('pagehide', flush);
    return () => {
      isActive = false;
      unsubscribe();
      window.removeEventListener('pagehide', flush);
      saver.flush();
    };
  }, [bookId]);
}
