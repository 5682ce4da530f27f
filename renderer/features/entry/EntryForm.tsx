import {
  useCallback,
  useEffect,
  useLayoutEffect,
  useMemo,
  useRef,
  useState,
  type FocusEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldGroup, RegisterTemplate } from '../../../shared/registers/types';
import { dateInWords, parseDateInput } from '../../../shared/text/dates';
import type { Issue } from '../../../shared/validation/types';
import { pendingWarnings } from '../../../shared/validation/acknowledgements';
import { needsReopen } from '../../../shared/workflow/roles';
import { isSetAside } from '../../../shared/workflow/workflow';
import { EntryVoidBar } from './EntryVoidBar';
import { isInDialog } from '../../app/focus';
import { navigate } from '../../app/router';
import { repo } from '../../db';
import { validateWithRelated } from '../../db/entry-context';
import { nameKeyOf } from '../../db/name-key';
import { newEntryRecord } from '../../db/repositories';
import type { Book, EntryRecord, Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { EntryReviewBar } from '../review';
import { handleViewerKey } from '../scans';
import { useFieldMemory } from '../storage';
import { FieldAnnouncer } from './FieldAnnouncer';
import { isBlankEntry } from './blank-entry';
import { EntryLockContext } from './entry-lock';
import { FieldRow } from './FieldRow';
import { loadBookValues, rememberBookValue } from './book-values';
import { entryWriter } from './entry-writer';
import { findInvisibleChars, normalizeOnCommit } from './normalize';
import { carrySuggestions, defaultCarryForward, type BookValues } from './suggestions';
import { useAutosave, type SaveState } from './use-autosave';
import { fieldLabel } from '../../locales/field-label';
import { entryReads, useLiveQuery } from '../../db/reads';

interface Props {
  book: Book;
  template: RegisterTemplate;
  entry: EntryRecord;
  pages: Page[];
}

const NO_ISSUES: readonly Issue[] = [];
const NO_ACKNOWLEDGEMENTS: EntryRecord['acknowledgements'] = [];

function wordsFor(value: string): string {
  const date = value ? parseDateInput(value) : null;
  return date ? dateInWords(date) : '';
}

/**
 * Controls in the order Enter/Shift+Enter walks them; folded fields count only when open.
 * Asks whether each is rendered, not where: that needs styles only, not a layout of the page
 * (the layout is left to the frame, or to the focus that follows).
 */
function visibleControls(form: HTMLFormElement): HTMLElement[] {
  return Array.from(form.querySelectorAll<HTMLElement>('[data-field]')).filter((element) =>
    element.checkVisibility(),
  );
}

/**
 * The open entry. It stays mounted from one entry to the next (Ctrl+Enter) and swaps values, so
 * only the rows that change are rendered again; the next entry is shown at once and stored
 * through the write queue, ahead of anything typed into it.
 */
export function EntryForm({ book, template, entry, pages }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, change, flush, saveState } = useAutosave(entry.id, entry.fields);
  const shownPageId = useUiStore((state) => state.pageByBook[book.id]);
  const showPage = useUiStore((state) => state.showPage);
  const notify = useUiStore((state) => state.notify);
  // Only entries sharing this number or this person's name matter to the cross-entry rules
  // (unique số, possible duplicates, also in the book's sister books): read just those.
  const soValue = values.so ?? '';
  const nameKey = nameKeyOf(template, values);
  const relatedResult = useLiveQuery(
    async () => ({
      entryId: entry.id,
      related: await entryReads.loadRelatedEntries(book, {
        so: soValue,
        nameKey,
        selfId: entry.id,
      }),
    }),
    [book.id, book.type, soValue, nameKey, entry.id],
  );
  // A result for the entry left behind says nothing about this one.
  const related = relatedResult?.entryId === entry.id ? relatedResult.related : undefined;

  // The entry typed just before this one: source of carried-forward values and of ditto. Right
  // after Ctrl+Enter it is the entry just left, as it was on screen, until the query catches up.
  const previousResult = useLiveQuery(
    async () => ({
      entryId: entry.id,
      record: await entryReads.entryTypedBefore(book.id, entry.createdAt),
    }),
    [book.id, entry.id, entry.createdAt],
  );
  const [handoff, setHandoff] = useState<{
    entryId: string;
    fields: Record<string, string>;
    at: number;
  }>();
  const queried = previousResult?.entryId === entry.id ? previousResult.record : undefined;
  const handedOver = handoff?.entryId === entry.id ? handoff : undefined;
  // A read may land before the last edits of the entry left behind: trust the copy handed over
  // until the stored one is at least as new.
  const previous =
    handedOver && !(queried && queried.updatedAt >= handedOver.at)
      ? handedOver.fields
      : queried?.fields;
  // The book's newest stored entry, whose number the next entry follows (null: still reading).
  const newest = useLiveQuery(() => entryReads.newestEntry(book.id), [book.id], null);
  const carryKeys = useMemo(
    () => book.carryForward ?? defaultCarryForward(template),
    [book.carryForward, template],
  );
  const suggestions = carrySuggestions(carryKeys, previous, values);
  const [bookValues, setBookValues] = useState<BookValues | undefined>(undefined);
  // Values this entry has already added to the book's suggestions.
  const remembered = useRef({ entryId: '', values: new Map<string, string>() });
  useEffect(() => {
    let current = true;
    // Reading a large book takes a few hundred ms: wait until the form is up and idle.
    const idle = requestIdleCallback(
      () => {
        void loadBookValues(book.id, template).then((loaded) => {
          if (current) setBookValues(loaded);
        });
      },
      { timeout: 1000 },
    );
    return () => {
      current = false;
      cancelIdleCallback(idle);
    };
  }, [book.id, template]);

  const result = useMemo(
    () => validateWithRelated(template, values, { book, selfId: entry.id, related }),
    [template, values, book, entry.id, related],
  );
  const pending = pendingWarnings(result, entry.acknowledgements);
  const issuesByField = useMemo(() => {
    const map = new Map<string, Issue[]>();
    for (const issue of [...result.errors, ...result.warnings]) {
      map.set(issue.field, [...(map.get(issue.field) ?? []), issue]);
    }
    return map;
  }, [result]);

  // Opening an entry shows its page, unless the viewer is already on one of its pages. Only
  // when it opens: later page turns belong to the officer.
  const openedRef = useRef<string | null>(null);
  useEffect(() => {
    if (openedRef.current === entry.id) return;
    openedRef.current = entry.id;
    const first = entry.pageIds[0];
    const current = useUiStore.getState().pageByBook[book.id];
    if (first && !(current && entry.pageIds.includes(current))) showPage(book.id, first);
  }, [entry.id, entry.pageIds, book.id, showPage]);

  // Start where typing is needed: the first empty field. Before the paint, so the new entry
  // never shows without a cursor.
  useLayoutEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const controls = visibleControls(form);
    const target =
      controls.find((control) => (control as HTMLInputElement).value === '') ?? controls[0];
    target?.focus();
  }, [entry.id]);
  useFieldMemory(entry.id, formRef);

  // Rarely used fields start folded in every entry.
  const [unfoldedIn, setUnfoldedIn] = useState<string | null>(null);

  // What the focused field held when the officer entered it: words made from that date follow
  // the date once it is changed, though the field's value changed with every key typed.
  const enteredWith = useRef<{ entryId: string; key: string; value: string } | null>(null);
  const onFocus = (event: FocusEvent<HTMLFormElement>) => {
    const target: EventTarget = event.target;
    if (!(target instanceof HTMLInputElement) || target.dataset.field === undefined) return;
    enteredWith.current = { entryId: entry.id, key: target.dataset.field, value: target.value };
  };

  // Submitted or approved: read-only until reopened with a reason (EntryReviewBar); voided:
  // read-only until a supervisor restores it (EntryVoidBar).
  const isLocked = needsReopen(entry.status) || isSetAside(entry.status);
  /** Back to the field the officer was in, or the first one, once the entry is reopened. */
  const backToField = () => {
    const entered = enteredWith.current;
    const form = formRef.current;
    const last = entered?.entryId === entry.id ? document.getElementById(`f-${entered.key}`) : null;
    (last ?? (form ? visibleControls(form)[0] : undefined))?.focus();
  };

  const commit = (field: FieldDef, raw: string) => {
    // Nothing reaches the store from a locked entry: no ditto, suggestion or words either.
    if (isLocked) return;
    const value = normalizeOnCommit(field, raw);
    const entered = enteredWith.current;
    const before =
      entered?.entryId === entry.id && entered.key === field.key
        ? entered.value
        : (values[field.key] ?? '');
    if (entered?.entryId === entry.id && entered.key === field.key) entered.value = value;
    // Removed characters cannot be seen, so the change would go unnoticed without a word.
    const hidden = findInvisibleChars(raw);
    if (hidden.length > 0) {
      notify(
        'info',
        t('entry.invisibleRemoved', {
          chars: hidden.join(', '),
          field: fieldLabel(t, field),
        }),
      );
    }
    if (value !== (values[field.key] ?? '') || raw !== value) change(field.key, value);
    // Offer it from now on in this book; once per value this entry contributes.
    if (remembered.current.entryId !== entry.id) {
      remembered.current = { entryId: entry.id, values: new Map(Object.entries(entry.fields)) };
    }
    if (value !== '' && remembered.current.values.get(field.key) !== value) {
      remembered.current.values.set(field.key, value);
      rememberBookValue(book.id, template, field.key, value);
    }
    for (const dependent of template.fields) {
      if (dependent.wordsOf !== field.key) continue;
      const current = values[dependent.key] ?? '';
      // Regenerate words only while they still match the old date: never overwrite an edit.
      if (current === '' || current === wordsFor(before)) {
        change(dependent.key, wordsFor(value));
      }
    }
    void flush();
  };

  /** Writes that need the entry stored wait for its creation, which may still be queued. */
  const whenStored = (write: () => Promise<unknown>) => {
    entryWriter
      .settle()
      .then(write)
      .catch((error: unknown) => notify('error', String(error)));
  };

  /**
   * Shows the next entry at once; its creation joins the write queue behind this entry's last
   * edits. Its number follows the newest entry, which may be this one as typed on screen.
   */
  const openNext = async () => {
    const onScreen = { fields: values, createdAt: entry.createdAt };
    const stored =
      newest === null
        ? await entryWriter.settle().then(() => entryReads.newestEntry(book.id))
        : newest;
    const before = stored && stored.createdAt > entry.createdAt ? stored : onScreen;
    const now = Date.now();
    const next = newEntryRecord(book, shownPageId ?? pages[0]?.id ?? null, before, now);
    setHandoff({ entryId: next.id, fields: before.fields, at: now });
    void entryWriter.create(next);
    navigate({ name: 'entry', bookId: book.id, entryId: next.id });
  };

  const acknowledge = (issue: Issue, reason: string) =>
    whenStored(() => repo.acknowledge(entry.id, issue, reason));

  // Rows get callbacks that never change, so a memoised row is not rendered again for them.
  const latest = useRef({ change, commit, acknowledge });
  useLayoutEffect(() => {
    latest.current = { change, commit, acknowledge };
  });
  const onFieldChange = useCallback(
    (key: string, value: string) => latest.current.change(key, value),
    [],
  );
  const onFieldCommit = useCallback(
    (field: FieldDef, value: string) => latest.current.commit(field, value),
    [],
  );
  const onAcknowledge = useCallback(
    (issue: Issue, reason: string) => latest.current.acknowledge(issue, reason),
    [],
  );

  const togglePage = (pageId: string | undefined) => {
    if (!pageId) return;
    const next = entry.pageIds.includes(pageId)
      ? entry.pageIds.filter((id) => id !== pageId)
      : [...entry.pageIds, pageId].sort(
          (a, b) =>
            (pages.find((p) => p.id === a)?.order ?? 0) -
            (pages.find((p) => p.id === b)?.order ?? 0),
        );
    whenStored(() => repo.setEntryPages(entry.id, next));
  };

  /** Ctrl+Enter: the entry typed is written and the next one opens. */
  const saveAndNext = (typing: HTMLElement | null) => {
    // Pressed again on an entry nothing was typed into, it would leave a trail of blank entries,
    // each numbered and counted: stay here, the keyboard where it was, and say so.
    if (isBlankEntry(template, values)) {
      notify('info', t('entry.blankNotNext', { so: values.so ?? '' }));
      return;
    }
    // Leaving via the keyboard skips blur: commit the field being typed first.
    typing?.blur();
    // A save that keeps failing holds the officer on this entry, the text still in the form.
    if (entryWriter.status().failed) {
      void flush();
      return;
    }
    void flush();
    openNext().catch((error: unknown) =>
      notify('error', t('entry.createFailed', { detail: String(error) })),
    );
  };
  // Ctrl+Enter also works with the keyboard outside the form (a toolbar button, or the page
  // after a dialog closed); the form's own keys handle it inside.
  const latestSaveAndNext = useRef(saveAndNext);
  useLayoutEffect(() => {
    latestSaveAndNext.current = saveAndNext;
  });
  useEffect(() => {
    const onKey = (event: globalThis.KeyboardEvent) => {
      if (event.defaultPrevented || event.key !== 'Enter' || !(event.ctrlKey || event.metaKey)) {
        return;
      }
      if (isInDialog(event.target)) return;
      event.preventDefault();
      latestSaveAndNext.current(null);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Page turning, zoom, ruler and rotation work without leaving the field.
    if (handleViewerKey(event, { bookId: book.id, pages })) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      saveAndNext(target);
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      // Ditto: the previous entry's value for the field being typed.
      event.preventDefault();
      const key = target.dataset.field;
      const field = key ? template.fields.find((candidate) => candidate.key === key) : undefined;
      const copied = key ? previous?.[key] : undefined;
      if (field && copied) commit(field, copied);
      return;
    }
    if (event.key === 'Enter' && target.dataset.field !== undefined) {
      event.preventDefault();
      const controls = visibleControls(event.currentTarget);
      const index = controls.indexOf(target);
      controls[index + (event.shiftKey ? -1 : 1)]?.focus();
      return;
    }
    if (event.altKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      togglePage(shownPageId ?? pages[0]?.id);
    }
  };

  const groups = useMemo(() => {
    const shown = new Map<FieldGroup, FieldDef[]>();
    const folded: FieldDef[] = [];
    for (const field of template.fields) {
      if (field.generated) continue;
      if (!field.shownByDefault) {
        folded.push(field);
        continue;
      }
      shown.set(field.group, [...(shown.get(field.group) ?? []), field]);
    }
    return { shown: [...shown.entries()], folded };
  }, [template]);

  const pageNumber = (pageId: string) => (pages.find((p) => p.id === pageId)?.order ?? -1) + 1;
  const shownIsLinked = shownPageId ? entry.pageIds.includes(shownPageId) : false;

  const codePlaceholder = t('entry.codePlaceholder');
  const renderField = (field: FieldDef) => {
    const issues = issuesByField.get(field.key) ?? NO_ISSUES;
    return (
      <FieldRow
        key={field.key}
        field={field}
        entryId={entry.id}
        value={values[field.key] ?? ''}
        issues={issues}
        // Only rows with issues show answers; the others keep one unchanging empty list.
        acknowledgements={issues.length > 0 ? entry.acknowledgements : NO_ACKNOWLEDGEMENTS}
        // A locked entry offers nothing to take.
        suggestion={isLocked ? undefined : suggestions[field.key]}
        bookValues={bookValues}
        codePlaceholder={codePlaceholder}
        onChange={onFieldChange}
        onCommit={onFieldCommit}
        onAcknowledge={onAcknowledge}
      />
    );
  };

  return (
    <form
      ref={formRef}
      data-entry-id={entry.id}
      className="entry-form"
      aria-label={t('entry.formLabel', { so: values.so ?? '' })}
      onKeyDown={onKeyDown}
      onFocus={onFocus}
      onSubmit={(event) => event.preventDefault()}
    >
      <div className="entry-header">
        <a
          href={`#/books/${book.id}`}
          onClick={(event) => {
            event.preventDefault();
            void flush().then((saved) => {
              if (saved) navigate({ name: 'book', bookId: book.id });
            });
          }}
        >
          {t('entry.backToList')}
        </a>
        <h2>{t('entry.heading', { so: values.so ?? '' })}</h2>
        <SaveIndicator state={saveState} />
      </div>
      <EntryReviewBar entry={entry} flush={flush} onReopened={backToField} />
      <EntryVoidBar entry={entry} flush={flush} onDone={backToField} />
      <div className="entry-pages">
        <span>{t('entry.pages')}: </span>
        {entry.pageIds.length === 0 && <span>{t('entry.noPages')}</span>}
        {entry.pageIds.map((pageId) => (
          <button
            key={pageId}
            type="button"
            className="chip"
            onClick={() => showPage(book.id, pageId)}
            aria-label={t('entry.showPage', { page: pageNumber(pageId) })}
          >
            {t('entry.pageChip', { page: pageNumber(pageId) })}
          </button>
        ))}
        {shownPageId && (
          <button type="button" onClick={() => togglePage(shownPageId)}>
            {shownIsLinked
              ? t('entry.unlinkPage', { page: pageNumber(shownPageId) })
              : t('entry.linkPage', { page: pageNumber(shownPageId) })}
          </button>
        )}
      </div>
      <p className="summary" role="status">
        {result.errors.length === 0 && pending.length === 0
          ? t('entry.noIssues')
          : t('entry.issueSummary', {
              errors: result.errors.length,
              warnings: pending.length,
            })}
      </p>
      <FieldAnnouncer formRef={formRef} />
      <EntryLockContext value={isLocked}>
        {groups.shown.map(([group, fields]) => (
          <fieldset key={group}>
            <legend>{t(`groups.${group}`)}</legend>
            <div className="fields">{fields.map(renderField)}</div>
          </fieldset>
        ))}
        <details
          open={unfoldedIn === entry.id}
          onToggle={(event) => setUnfoldedIn(event.currentTarget.open ? entry.id : null)}
        >
          <summary>{t('entry.moreFields', { n: groups.folded.length })}</summary>
          <div className="fields">{groups.folded.map(renderField)}</div>
        </details>
      </EntryLockContext>
      <p className="hint">{t('entry.keyboardHint')}</p>
    </form>
  );
}

function SaveIndicator({ state }: { state: SaveState }) {
  const { t } = useTranslation();
  return (
    <span className={`save-state save-${state}`} role="status" aria-live="polite">
      {t(`entry.save.${state}`)}
    </span>
  );
}
