import { useLiveQuery } from 'dexie-react-hooks';
import { useEffect, useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { FieldDef, FieldGroup, RegisterTemplate } from '../../../shared/registers/types';
import { dateInWords, parseDateInput } from '../../../shared/text/dates';
import { validateEntry } from '../../../shared/validation/validate-entry';
import type { Issue } from '../../../shared/validation/types';
import { pendingWarnings } from '../../../shared/validation/acknowledgements';
import { navigate } from '../../app/router';
import { db, repo } from '../../db';
import { nameKeyOf } from '../../db/name-key';
import type { Book, EntryRecord, Page } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { EntryReviewBar } from '../review/EntryReviewBar';
import { handleViewerKey } from '../scans/viewer-keys';
import { useFieldMemory } from '../storage/use-session-memory';
import { FieldInput } from './FieldInput';
import { FieldIssues } from './FieldIssues';
import { loadBookValues, rememberBookValue } from './book-values';
import { normalizeOnCommit } from './normalize';
import { carrySuggestions, defaultCarryForward, type BookValues } from './suggestions';
import { useAutosave, type SaveState } from './use-autosave';

interface Props {
  book: Book;
  template: RegisterTemplate;
  entry: EntryRecord;
  pages: Page[];
  onNext: () => Promise<void>;
}

function wordsFor(value: string): string {
  const date = value ? parseDateInput(value) : null;
  return date ? dateInWords(date) : '';
}

/** Controls in the order Enter/Shift+Enter walks them; folded fields count only when open. */
function visibleControls(form: HTMLFormElement): HTMLElement[] {
  return Array.from(form.querySelectorAll<HTMLElement>('[data-field]')).filter(
    (element) => element.getClientRects().length > 0,
  );
}

export function EntryForm({ book, template, entry, pages, onNext }: Props) {
  const { t } = useTranslation();
  const formRef = useRef<HTMLFormElement>(null);
  const { values, change, flush, saveState } = useAutosave(entry.id, entry.fields);
  const shownPageId = useUiStore((state) => state.pageByBook[book.id]);
  const showPage = useUiStore((state) => state.showPage);
  const notify = useUiStore((state) => state.notify);
  // Only entries sharing this number or this person's name matter to the cross-entry rules
  // (unique số, possible duplicates): read just those, through indexes.
  const soValue = values.so ?? '';
  const nameKey = nameKeyOf(template, values);
  const related = useLiveQuery(async () => {
    const [sameSo, sameName] = await Promise.all([
      db.records.where('[bookId+fields.so]').equals([book.id, soValue]).toArray(),
      nameKey === ''
        ? []
        : db.records.where('[bookId+nameKey]').equals([book.id, nameKey]).toArray(),
    ]);
    const byId = new Map([...sameSo, ...sameName].map((record) => [record.id, record]));
    byId.delete(entry.id);
    return [...byId.values()];
  }, [book.id, soValue, nameKey, entry.id]);

  // The entry typed just before this one: source of carried-forward values and of ditto.
  const previous = useLiveQuery(
    () =>
      db.records
        .where('[bookId+createdAt]')
        .between([book.id, -Infinity], [book.id, entry.createdAt])
        .last(),
    [book.id, entry.createdAt],
  );
  const carryKeys = useMemo(
    () => book.carryForward ?? defaultCarryForward(template),
    [book.carryForward, template],
  );
  const suggestions = carrySuggestions(carryKeys, previous?.fields, values);
  const [bookValues, setBookValues] = useState<BookValues | undefined>(undefined);
  const remembered = useRef(new Map(Object.entries(entry.fields)));
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
    () =>
      validateEntry(template, values, {
        bookYear: book.year,
        selfId: entry.id,
        otherEntries: (related ?? []).map((other) => ({ id: other.id, fields: other.fields })),
      }),
    [template, values, book.year, entry.id, related],
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

  // Start where typing is needed: the first empty field.
  useEffect(() => {
    const form = formRef.current;
    if (!form) return;
    const controls = visibleControls(form);
    const target =
      controls.find((control) => (control as HTMLInputElement).value === '') ?? controls[0];
    target?.focus();
  }, [entry.id]);
  useFieldMemory(entry.id, formRef);

  const commit = (field: FieldDef, raw: string) => {
    const value = normalizeOnCommit(field, raw);
    if (value !== (values[field.key] ?? '') || raw !== value) change(field.key, value);
    // Offer it from now on in this book; once per value this entry contributes.
    if (value !== '' && remembered.current.get(field.key) !== value) {
      remembered.current.set(field.key, value);
      rememberBookValue(book.id, template, field.key, value);
    }
    for (const dependent of template.fields) {
      if (dependent.wordsOf !== field.key) continue;
      const current = values[dependent.key] ?? '';
      // Regenerate words only while they still match the old date: never overwrite an edit.
      if (current === '' || current === wordsFor(values[field.key] ?? '')) {
        change(dependent.key, wordsFor(value));
      }
    }
    void flush();
  };

  const togglePage = async (pageId: string | undefined) => {
    if (!pageId) return;
    const next = entry.pageIds.includes(pageId)
      ? entry.pageIds.filter((id) => id !== pageId)
      : [...entry.pageIds, pageId].sort(
          (a, b) =>
            (pages.find((p) => p.id === a)?.order ?? 0) -
            (pages.find((p) => p.id === b)?.order ?? 0),
        );
    await repo.setEntryPages(entry.id, next);
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    // Page turning, zoom, ruler and rotation work without leaving the field.
    if (handleViewerKey(event, { bookId: book.id, pages })) return;
    const target = event.target as HTMLElement;
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) {
      event.preventDefault();
      // Leaving via the keyboard skips blur: commit the field being typed first.
      target.blur();
      // A failed save keeps the officer on this entry with the text still in the form.
      void flush()
        .then((saved) => (saved ? onNext() : undefined))
        .catch((error: unknown) => notify('error', String(error)));
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      // Ditto: the previous entry's value for the field being typed.
      event.preventDefault();
      const key = target.dataset.field;
      const field = key ? template.fields.find((candidate) => candidate.key === key) : undefined;
      const copied = key ? previous?.fields[key] : undefined;
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
      void togglePage(shownPageId ?? pages[0]?.id);
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

  const renderField = (field: FieldDef) => {
    const id = `f-${field.key}`;
    const issues = issuesByField.get(field.key) ?? [];
    return (
      <div key={field.key} className="field">
        <div className="field-label">
          <label htmlFor={id}>{t(`fieldLabels.${field.key}`, { defaultValue: field.label })}</label>
          {/* Outside the label so the field's name is exactly its label; aria-required says it. */}
          {field.required && (
            <span className="required-mark" aria-hidden="true">
              *
            </span>
          )}
        </div>
        <FieldInput
          field={field}
          id={id}
          value={values[field.key] ?? ''}
          invalid={issues.some((issue) => issue.severity === 'error')}
          suggestion={suggestions[field.key]}
          bookValues={bookValues}
          describedBy={issues.length > 0 ? `${id}-issues` : undefined}
          onChange={(value) => change(field.key, value)}
          onCommit={(value) => commit(field, value)}
        />
        <FieldIssues
          id={`${id}-issues`}
          issues={issues}
          acknowledgements={entry.acknowledgements}
          onAcknowledge={(issue, reason) =>
            void repo
              .acknowledge(entry.id, issue, reason)
              .catch((error: unknown) => notify('error', String(error)))
          }
        />
      </div>
    );
  };

  return (
    <form
      ref={formRef}
      className="entry-form"
      aria-label={t('entry.formLabel', { so: values.so ?? '' })}
      onKeyDown={onKeyDown}
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
      <EntryReviewBar entry={entry} flush={flush} />
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
          <button type="button" onClick={() => void togglePage(shownPageId)}>
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
      {groups.shown.map(([group, fields]) => (
        <fieldset key={group}>
          <legend>{t(`groups.${group}`)}</legend>
          <div className="fields">{fields.map(renderField)}</div>
        </fieldset>
      ))}
      <details>
        <summary>{t('entry.moreFields', { n: groups.folded.length })}</summary>
        <div className="fields">{groups.folded.map(renderField)}</div>
      </details>
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
