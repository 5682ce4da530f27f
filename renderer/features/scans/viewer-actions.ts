// What each viewer action does, whether it came from a key in the form, a key in the viewer
// or a toolbar button: one place, so all three always agree.
import i18next from 'i18next';
import { repo } from '../../db';
import type { Page } from '../../db/types';
import { isWorkflowError } from '../../db/workflow-error';
import { useUiStore, viewOf } from '../../store/ui-store';
import { normalizeRotation } from './viewer-geometry';
import type { ViewerAction } from './viewer-keymap';
import { moveRuler, setFit, zoomStep } from './viewer-settings';
import { pageReads } from '../../db/reads';

export interface ViewerContext {
  bookId: string;
  pages: Page[];
}

/** The page the viewer shows for the book: the remembered one, or the first. */
export function shownPage(ctx: ViewerContext): Page | undefined {
  const shownId = useUiStore.getState().pageByBook[ctx.bookId];
  return ctx.pages.find((page) => page.id === shownId) ?? ctx.pages[0];
}

// Turns are read-modify-write on the stored page: queue them so two quick presses of Alt+R
// make two turns, not one.
let rotations: Promise<void> = Promise.resolve();

export function rotatePage(pageId: string, delta: 90 | -90): void {
  rotations = rotations.then(async () => {
    try {
      const page = await pageReads.pageById(pageId);
      if (!page) return;
      await repo.setPageDetails(pageId, { rotation: normalizeRotation(page.rotation + delta) });
    } catch (error) {
      useUiStore
        .getState()
        .notify(
          'error',
          isWorkflowError(error)
            ? i18next.t(`workflow.errors.${error.code}`)
            : i18next.t('viewer.rotateFailed', { detail: String(error) }),
        );
    }
  });
}

export function runViewerAction(action: ViewerAction, ctx: ViewerContext): void {
  const store = useUiStore.getState();
  const { bookId } = ctx;
  switch (action.type) {
    case 'turnPage': {
      const current = shownPage(ctx);
      const index = current ? ctx.pages.indexOf(current) : 0;
      const target = ctx.pages[index + action.delta];
      if (target) store.showPage(bookId, target.id);
      return;
    }
    case 'zoom': {
      const shownZoom = store.shownZoomByBook[bookId] ?? viewOf(store, bookId).zoom;
      store.updateView(bookId, (view) => zoomStep(view, action.direction, shownZoom));
      return;
    }
    case 'fit':
      store.updateView(bookId, (view) => setFit(view, action.mode));
      return;
    case 'rotate': {
      const page = shownPage(ctx);
      if (page) rotatePage(page.id, action.delta);
      return;
    }
    case 'moveRuler':
      store.updateView(bookId, (view) => moveRuler(view, action.direction));
      return;
    case 'invert':
      store.updateView(bookId, (view) => ({ ...view, invert: !view.invert }));
      return;
  }
}
