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
import type { FieldDef, RegisterTemplate } from '../../../shared/registers/types';
import { entryToFollow, wordsFollowingDate } from '../../../shared/registers/entry-form-rules';
import type { Issue } from '../../../shared/validation/types';
import { pendingWarnings } from '../../../shared/validation/acknowledgements';
import { needsReopen } from '../../../shared/workflow/roles';
import { isSetAside } from '../../../shared/workflow/workflow';
import { EntryVoidBar } from './EntryVoidBar';
import { isInDialog } from '../../ui/focus';
import { navigate } from '../../store/router';
import { repo } from '../../db';
import { validateWithRelated } from '../../db/entry-context';
import { newEntryRecord } from '../../db/repositories';
import type { Book, EntryRecord, Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { EntryReviewBar } from '../review';
import { handleViewerKey } from '../scans';
import { useFieldMemory } from '../storage';
import { FieldAnnouncer } from './FieldAnnouncer';
import { isBlankEntry } from '../../../shared/registers/blank-entry';
import { EntryLockContext } from './entry-lock';
import { FieldRow } from './FieldRow';
import { issueGrouper } from './issues-by-field';
import { rememberBookValue } from './book-values';
import { noteNumberChange } from './book-numbers';
import { entryWriter } from './entry-writer';
import { findInvisibleChars, normalizeOnCommit } from './normalize';
import { useAutosave } from './use-autosave';
import { useFormWords } from './form-words';
import { useKeyingCapture } from '../keying-time';
import { fieldLabel } from '../../locales/field-label';
import { EntryPages, SaveIndicator } from './EntryPages';
import { useBookContext } from './use-book-context';
import {
  firstControlToType,
  focusForTyping,
  neighbourControl,
  visibleControls,
} from './form-controls';
import { entryReads } from '../../db/reads';

interface Props {
  book: Book;
  template: RegisterTemplate;
  entry: EntryRecord;
  pages: Page[];
}

const NO_ISSUES: readonly Issue[] = [];
const NO_ACKNOWLEDGEMENTS: EntryRecord['acknowledgements'] = [];

/**
 * The open entry. It stays mounted from one entry to the next (Ctrl+Enter) and swaps values, so
 * only the rows that change are rendered again; the next entry is shown at once and stored
 * through the write queue, ahead of anything typed into it.
 */
export function EntryForm({ book, template, entry, pages }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, change, flush, hasUnflushed } = useAutosave(entry.id, entry.fields);
  useKeyingCapture(formRef, { bookId: book.id, entryId: entry.id, pass: 'first' });
  const shownPageId = useUiStore((state) => state.pageByBook[book.id]);
  const showPage = useUiStore((state) => state.showPage);
  const notify = useUiStore((state) => state.notify);
  const { related, previous, newest, handOver, suggestions, bookValues } = useBookContext({
    book,
    template,
    entry,
    values,
  });

  // Values this entry has already added to the book's suggestions.
  const remembered = useRef({ entryId: '', values: new Map<string, string>() });

  const result = useMemo(
    () => validateWithRelated(template, values, { book, selfId: entry.id, related }),
    [template, values, book, entry.id, related],
  );
  const pending = pendingWarnings(result, entry.acknowledgements);
  // A row keeps its list while its issues stay the same: a field committed renders that row, the
  // summary and the rows whose issues it changed, not every row with an issue.
  const [groupIssues] = useState(issueGrouper);
  const issuesOf = useMemo(() => groupIssues(result), [groupIssues, result]);

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
    firstControlToType(form)?.focus();
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
    if (field.key === 'so' && value !== (values.so ?? '')) {
      noteNumberChange(book.id, values.so ?? '', value);
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
    // Words made from a date follow it while they still match the old date.
    for (const [key, words] of Object.entries(
      wordsFollowingDate(template, values, field.key, before, value),
    )) {
      change(key, words);
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
    const before = entryToFollow(stored, onScreen);
    const now = Date.now();
    const next = newEntryRecord(book, shownPageId ?? pages[0]?.id ?? null, before, now);
    handOver({ entryId: next.id, fields: before.fields, at: now });
    void entryWriter.create(next);
    noteNumberChange(book.id, undefined, next.fields.so ?? '');
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
      const next = neighbourControl(event.currentTarget, target, event.shiftKey ? -1 : 1);
      if (next) focusForTyping(next);
      return;
    }
    if (event.altKey && event.key.toLowerCase() === 'l') {
      event.preventDefault();
      togglePage(shownPageId ?? pages[0]?.id);
    }
  };

  const words = useFormWords(template);
  const { groups, codePlaceholder } = words;
  const renderField = (field: FieldDef) => {
    const issues = issuesOf.get(field.key) ?? NO_ISSUES;
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
          {words.backToList}
        </a>
        <h2>{t('entry.heading', { so: values.so ?? '' })}</h2>
        <SaveIndicator hasUnflushed={hasUnflushed} />
      </div>
      <EntryReviewBar entry={entry} flush={flush} onReopened={backToField} />
      <EntryVoidBar entry={entry} flush={flush} onDone={backToField} />
      <EntryPages
        bookId={book.id}
        entryPageIds={entry.pageIds}
        pages={pages}
        shownPageId={shownPageId}
        onToggle={togglePage}
      />
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
            <legend>{words.legends.get(group)}</legend>
            <div className="fields">{fields.map(renderField)}</div>
          </fieldset>
        ))}
        <details
          open={unfoldedIn === entry.id}
          onToggle={(event) => setUnfoldedIn(event.currentTarget.open ? entry.id : null)}
        >
          <summary>{words.moreFields}</summary>
          <div className="fields">{groups.folded.map(renderField)}</div>
        </details>
      </EntryLockContext>
      <p className="hint">{words.keyboardHint}</p>
    </form>
  );
}
