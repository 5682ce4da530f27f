import { memo, useEffect, useId, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import type { Page } from '../../db/types';
import { isWorkflowError } from '../../db/workflow-error';
import { useUiStore } from '../../store/ui-store';
import { cleanPrintedNumber, moveTarget, parseStartNumber, planAutoNumber } from './pages-plan';
import { ExportPreview, PreparationStatus } from '../prepare';
import './pages-panel.css';
import { pageReads, useLiveQuery } from '../../db/reads';

/**
 * The book's pages in order: reorder, remove, and map them to the numbers printed in the book.
 * Rendered when the pages change, not with every entry the workspace opens.
 */
export const PagesPanel = memo(function PagesPanel({
  bookId,
  pages,
}: {
  bookId: string;
  pages: Page[];
}) {
  const { t } = useTranslation();
  const shownPageId = useUiStore((state) => state.pageByBook[bookId]);
  const showPage = useUiStore((state) => state.showPage);
  const notify = useUiStore((state) => state.notify);
  const [confirmingId, setConfirmingId] = useState<string | null>(null);
  const [isAutoOpen, setAutoOpen] = useState(false);
  const [previewId, setPreviewId] = useState<string | null>(null);
  // Folded, the list is not drawn: a page turn would redraw every row of a long book, and every
  // file imported would read all the book's scans again for their names.
  const [isOpen, setOpen] = useState(false);
  const scans = useLiveQuery(() => (isOpen ? pageReads.scansOfBook(bookId) : []), [bookId, isOpen]);
  const fileNames = useMemo(
    () => new Map((scans ?? []).map((scan) => [scan.id, scan.fileName])),
    [scans],
  );
  // Moving a row makes the browser drop focus from it; this is where focus goes back.
  const focusAfterChange = useRef<HTMLElement | null>(null);
  const rows = useRef(new Map<string, HTMLTableRowElement>());

  useEffect(() => {
    const target = focusAfterChange.current;
    if (!target) return;
    focusAfterChange.current = null;
    if (target.isConnected && document.activeElement !== target) target.focus();
  }, [pages]);

  // A refusal (an archived book is read-only) is worded as such; anything else with its detail.
  const fail = (error: unknown) =>
    notify(
      'error',
      isWorkflowError(error)
        ? t(`workflow.errors.${error.code}`)
        : t('scans.pages.failed', { detail: String(error) }),
    );
  const fileOf = (page: Page) => fileNames.get(page.scanId) ?? '';

  const move = (page: Page, delta: -1 | 1) => {
    const target = moveTarget(page.order, delta, pages.length);
    if (target === null) return;
    const active = document.activeElement;
    // A button that ends up disabled at either end cannot hold focus: fall back to its row.
    const row = rows.current.get(page.id) ?? null;
    focusAfterChange.current =
      active instanceof HTMLButtonElement && moveTarget(target, delta, pages.length) === null
        ? row
        : active instanceof HTMLElement
          ? active
          : row;
    repo.movePage(bookId, page.id, target).catch(fail);
  };

  const remove = (page: Page) => {
    setConfirmingId(null);
    const index = pages.indexOf(page);
    const neighbour = pages[index + 1] ?? pages[index - 1];
    focusAfterChange.current = neighbour ? (rows.current.get(neighbour.id) ?? null) : null;
    repo
      .deletePage(bookId, page.id)
      .then(() => {
        if (neighbour && shownPageId === page.id) showPage(bookId, neighbour.id);
        notify('info', t('scans.pages.deleted', { n: page.order + 1 }));
      })
      .catch(fail);
  };

  const onRowKeyDown = (event: KeyboardEvent<HTMLTableRowElement>, page: Page) => {
    if (!event.altKey || (event.key !== 'ArrowUp' && event.key !== 'ArrowDown')) return;
    event.preventDefault();
    move(page, event.key === 'ArrowUp' ? -1 : 1);
  };

  const confirming = pages.find((page) => page.id === confirmingId);
  const previewed = pages.find((page) => page.id === previewId);
  const shownOrder = pages.find((page) => page.id === shownPageId)?.order ?? 0;

  return (
    <details className="pages-panel" onToggle={(event) => setOpen(event.currentTarget.open)}>
      {/* Drawn in the click itself, before the browser unfolds the list. */}
      <summary
        onClick={(event) => setOpen(!event.currentTarget.parentElement?.hasAttribute('open'))}
      >
        {t('scans.pages.title', { n: pages.length })}
      </summary>
      <div className="pages-panel-body">
        {!isOpen ? null : pages.length === 0 ? (
          <p className="empty">{t('scans.pages.empty')}</p>
        ) : (
          <>
            <div className="pages-panel-tools">
              <button
                type="button"
                aria-expanded={isAutoOpen}
                onClick={() => setAutoOpen((open) => !open)}
              >
                {t('scans.pages.autoNumber')}
              </button>
              <span className="pages-panel-hint">{t('scans.pages.hint')}</span>
            </div>
            <PreparationStatus bookId={bookId} />
            {previewed && (
              <ExportPreview
                page={previewed}
                onClose={() => {
                  setPreviewId(null);
                  rows.current.get(previewed.id)?.focus();
                }}
              />
            )}
            {isAutoOpen && (
              <AutoNumberForm
                pages={pages}
                defaultFrom={shownOrder + 1}
                onDone={(count) => {
                  setAutoOpen(false);
                  notify('info', t('scans.pages.autoDone', { n: count }));
                }}
                onCancel={() => setAutoOpen(false)}
                onError={fail}
              />
            )}
            {confirming && (
              <DeleteConfirmation
                page={confirming}
                fileName={fileOf(confirming)}
                onConfirm={() => remove(confirming)}
                onCancel={() => {
                  focusAfterChange.current = null;
                  setConfirmingId(null);
                  rows.current.get(confirming.id)?.focus();
                }}
              />
            )}
            <table className="data-table" aria-label={t('scans.pages.listLabel')}>
              <thead>
                <tr>
                  <th scope="col">{t('scans.pages.columns.order')}</th>
                  <th scope="col">{t('scans.pages.columns.file')}</th>
                  <th scope="col">{t('scans.pages.columns.pageInFile')}</th>
                  <th scope="col">{t('scans.pages.columns.bookPageNumber')}</th>
                  <th scope="col">{t('scans.pages.columns.actions')}</th>
                </tr>
              </thead>
              <tbody>
                {pages.map((page) => {
                  const n = page.order + 1;
                  return (
                    <tr
                      key={page.id}
                      ref={(element) => {
                        if (element) rows.current.set(page.id, element);
                        else rows.current.delete(page.id);
                      }}
                      tabIndex={0}
                      aria-label={t('scans.pages.rowLabel', {
                        n,
                        file: fileOf(page),
                        page: page.indexInScan + 1,
                      })}
                      aria-current={page.id === shownPageId ? 'true' : undefined}
                      onKeyDown={(event) => onRowKeyDown(event, page)}
                    >
                      <td>
                        <button
                          type="button"
                          className="link"
                          aria-label={t('scans.pages.show', { n })}
                          onClick={() => showPage(bookId, page.id)}
                        >
                          {n}
                        </button>
                      </td>
                      <td className="pages-panel-file" title={fileOf(page)}>
                        {fileOf(page)}
                      </td>
                      <td>{page.indexInScan + 1}</td>
                      <td className="pages-panel-number">
                        <PrintedNumberInput
                          // Remounts when the stored number changes elsewhere (auto-numbering).
                          key={`${page.id}:${page.bookPageNumber ?? ''}`}
                          page={page}
                          label={t('scans.pages.bookPageNumberLabel', { n })}
                          onError={fail}
                        />
                      </td>
                      <td>
                        <div className="pages-panel-actions">
                          <button
                            type="button"
                            aria-label={t('scans.pages.moveUpLabel', { n })}
                            disabled={page.order === 0}
                            onClick={() => move(page, -1)}
                          >
                            {t('scans.pages.moveUp')}
                          </button>
                          <button
                            type="button"
                            aria-label={t('scans.pages.moveDownLabel', { n })}
                            disabled={page.order === pages.length - 1}
                            onClick={() => move(page, 1)}
                          >
                            {t('scans.pages.moveDown')}
                          </button>
                          <button
                            type="button"
                            aria-label={t('prepare.previewLabel', { n })}
                            onClick={() => setPreviewId(page.id)}
                          >
                            {t('prepare.previewButton')}
                          </button>
                          <button
                            type="button"
                            aria-label={t('scans.pages.deleteLabel', { n })}
                            onClick={() => setConfirmingId(page.id)}
                          >
                            {t('scans.pages.delete')}
                          </button>
                        </div>
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          </>
        )}
      </div>
    </details>
  );
});

function PrintedNumberInput({
  page,
  label,
  onError,
}: {
  page: Page;
  label: string;
  onError: (error: unknown) => void;
}) {
  const stored = page.bookPageNumber ?? '';
  const save = (input: HTMLInputElement) => {
    const value = cleanPrintedNumber(input.value);
    input.value = value;
    if (value === stored) return;
    repo.setPageDetails(page.id, { bookPageNumber: value }).catch(onError);
  };
  return (
    <input
      type="text"
      inputMode="numeric"
      defaultValue={stored}
      aria-label={label}
      onBlur={(event) => save(event.currentTarget)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          save(event.currentTarget);
        } else if (event.key === 'Escape') {
          event.currentTarget.value = stored;
        }
      }}
    />
  );
}

function DeleteConfirmation({
  page,
  fileName,
  onConfirm,
  onCancel,
}: {
  page: Page;
  fileName: string;
  onConfirm: () => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const n = page.order + 1;
  return (
    <div
      className="pages-panel-dialog"
      role="alertdialog"
      aria-labelledby={`${id}-title`}
      aria-describedby={`${id}-text`}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{t('scans.pages.confirmDeleteTitle', { n })}</h3>
      <p id={`${id}-text`}>
        {t('scans.pages.confirmDelete', { n, file: fileName, page: page.indexInScan + 1 })}
      </p>
      <button type="button" className="primary" onClick={onConfirm}>
        {t('scans.pages.confirmDeleteYes')}
      </button>{' '}
      {/* Cancel has focus: Enter by habit must not delete a page. */}
      <button type="button" onClick={onCancel} autoFocus>
        {t('common.cancel')}
      </button>
    </div>
  );
}

function AutoNumberForm({
  pages,
  defaultFrom,
  onDone,
  onCancel,
  onError,
}: {
  pages: Page[];
  defaultFrom: number;
  onDone: (count: number) => void;
  onCancel: () => void;
  onError: (error: unknown) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  const [fromText, setFromText] = useState(String(defaultFrom));
  const [startText, setStartText] = useState('1');
  const start = parseStartNumber(startText);
  const from = parseStartNumber(fromText);
  const plan = start !== null && from !== null ? planAutoNumber(pages, from, start) : null;

  return (
    <form
      className="pages-panel-auto"
      aria-labelledby={`${id}-title`}
      onSubmit={(event) => {
        event.preventDefault();
        if (!plan) return;
        repo
          .setPrintedNumbers(plan.changes)
          .then(() => onDone(plan.to - plan.from + 1))
          .catch(onError);
      }}
      onKeyDown={(event) => {
        if (event.key === 'Escape') onCancel();
      }}
    >
      <h3 id={`${id}-title`}>{t('scans.pages.autoNumberTitle')}</h3>
      <label>
        {t('scans.pages.autoFrom')}
        <input
          inputMode="numeric"
          value={fromText}
          onChange={(event) => setFromText(event.target.value)}
        />
      </label>
      <label>
        {t('scans.pages.autoStart')}
        <input
          inputMode="numeric"
          value={startText}
          onChange={(event) => setStartText(event.target.value)}
          autoFocus
        />
      </label>
      <p role="status">
        {plan
          ? t('scans.pages.autoPreview', {
              from: plan.from,
              to: plan.to,
              first: plan.first,
              last: plan.last,
            })
          : t('scans.pages.autoInvalid')}
      </p>
      <button type="submit" className="primary" disabled={!plan}>
        {t('scans.pages.autoApply')}
      </button>{' '}
      <button type="button" onClick={onCancel}>
        {t('common.cancel')}
      </button>
    </form>
  );
}
