import { useMemo, useRef, useState, type KeyboardEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { formLayout } from '../../../shared/registers/entry-form-rules';
import type { FieldDef, RegisterTemplate } from '../../../shared/registers/types';
import { repo } from '../../db';
import type { KeyingSlot } from '../../db/reads';
import type { Book, Keying } from '../../db/types';
import { fieldLabel } from '../../locales/field-label';
import { useUiStore } from '../../store/ui-store';
import {
  carrySuggestions,
  collectBookValues,
  defaultCarryForward,
  FieldInput,
  normalizeOnCommit,
  visibleControls,
} from '../entry';
import { useKeyingCapture } from '../keying-time';
import { errorText } from '../officers';
import { handleViewerKey } from '../scans';
import { secondKeyingStart } from './second-keying-start';
import type { Page } from '../../db/types';

interface Props {
  book: Book;
  template: RegisterTemplate;
  pages: Page[];
  slot: KeyingSlot;
  /** This officer's keyings of the book: their own carried values and suggestions. */
  own: Keying[];
  onFinished: () => void;
}

/**
 * The second keyer's form for an entry's slot: empty but for the book's defaults, its carried
 * values and suggestions drawn from this officer's own keyings. Each value is kept as it is
 * committed; "Xong" (Ctrl+Enter, Alt+G) sends the entry on to arbitration.
 */
export function SecondKeyingForm({ book, template, pages, slot, own, onFinished }: Props) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const formRef = useRef<HTMLFormElement>(null);
  // The verifier's keystrokes, for their keystrokes per hour and errors per 1,000 keystrokes.
  useKeyingCapture(formRef, { bookId: book.id, entryId: slot.entryId, pass: 'second' });
  const previousOwn = useMemo(
    () => own.filter((keying) => keying.entryId !== slot.entryId).at(-1),
    [own, slot.entryId],
  );
  const [values, setShown] = useState<Record<string, string>>(
    () => slot.mine?.fields ?? secondKeyingStart(book, template, previousOwn),
  );
  // The values as last typed or committed, for a finish that follows a commit at once.
  const latest = useRef(values);
  const setValues = (next: Record<string, string>) => {
    latest.current = next;
    setShown(next);
  };
  const saved = useRef<Record<string, string>>(slot.mine?.fields ?? {});
  const queue = useRef<Promise<void>>(Promise.resolve());
  const [busy, setBusy] = useState(false);
  const bookValues = useMemo(
    () =>
      collectBookValues(
        template,
        own.map((keying) => keying.fields),
      ),
    [template, own],
  );
  const suggestions = carrySuggestions(
    book.carryForward ?? defaultCarryForward(template),
    previousOwn?.fields,
    values,
  );
  const layout = useMemo(() => formLayout(template), [template]);

  /** Writes whatever differs from what is stored, after the writes before it. */
  const persist = (next: Record<string, string>): Promise<void> => {
    queue.current = queue.current.then(async () => {
      const changes = Object.fromEntries(
        Object.entries(next).filter(([key, value]) => (saved.current[key] ?? '') !== value),
      );
      if (Object.keys(changes).length === 0) return;
      const stored = await repo.saveSecondKeying(slot.entryId, changes);
      saved.current = stored.fields;
    });
    return queue.current.catch((error: unknown) => {
      queue.current = Promise.resolve();
      notify('error', errorText(t, error));
      throw error;
    });
  };

  const commit = (field: FieldDef, raw: string) => {
    const next = { ...latest.current, [field.key]: normalizeOnCommit(field, raw) };
    setValues(next);
    void persist(next).catch(() => undefined);
  };

  const finish = async () => {
    if (busy) return;
    setBusy(true);
    try {
      await persist(latest.current);
      await repo.finishSecondKeying(slot.entryId);
      notify('info', t('keying.second.finished', { n: slot.position }));
      onFinished();
    } catch (error) {
      notify('error', errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  const onKeyDown = (event: KeyboardEvent<HTMLFormElement>) => {
    if (handleViewerKey(event, { bookId: book.id, pages })) return;
    const target = event.target as HTMLElement;
    const isFinish =
      (event.key === 'Enter' && (event.ctrlKey || event.metaKey)) ||
      (event.altKey && event.key.toLowerCase() === 'g');
    if (isFinish) {
      event.preventDefault();
      target.blur();
      void finish();
      return;
    }
    if ((event.ctrlKey || event.metaKey) && event.key.toLowerCase() === 'd') {
      // Ditto from this officer's own previous keying.
      event.preventDefault();
      const key = target.dataset.field;
      const field = template.fields.find((candidate) => candidate.key === key);
      const copied = key ? previousOwn?.fields[key] : undefined;
      if (field && copied) commit(field, copied);
      return;
    }
    if (event.key === 'Enter' && target.dataset.field !== undefined) {
      event.preventDefault();
      const controls = visibleControls(event.currentTarget);
      controls[controls.indexOf(target) + (event.shiftKey ? -1 : 1)]?.focus();
    }
  };

  const codePlaceholder = t('entry.codePlaceholder');
  const renderField = (field: FieldDef) => {
    const id = `second-${field.key}`;
    return (
      <div key={field.key} className="field-row">
        <label htmlFor={id}>{fieldLabel(t, field)}</label>
        <FieldInput
          field={field}
          id={id}
          entryId={slot.entryId}
          value={values[field.key] ?? ''}
          invalid={false}
          suggestion={suggestions[field.key]}
          bookValues={bookValues}
          codePlaceholder={codePlaceholder}
          onChange={(value) => setValues({ ...latest.current, [field.key]: value })}
          onCommit={(value) => commit(field, value)}
        />
      </div>
    );
  };

  return (
    <form
      ref={formRef}
      className="entry-form second-keying-form"
      aria-label={t('keying.second.formLabel', { n: slot.position })}
      onKeyDown={onKeyDown}
      onSubmit={(event) => {
        event.preventDefault();
        void finish();
      }}
    >
      <p className="hint">{t('keying.second.hint')}</p>
      {layout.shown.map(([group, fields]) => (
        <fieldset key={group} className="field-group">
          {fields.map(renderField)}
        </fieldset>
      ))}
      {layout.folded.length > 0 && (
        <details>
          <summary>{t('entry.moreFields', { n: layout.folded.length })}</summary>
          {layout.folded.map(renderField)}
        </details>
      )}
      <div className="dialog-actions">
        <button
          type="submit"
          className="primary"
          aria-keyshortcuts="Control+Enter Alt+G"
          disabled={busy}
        >
          {t('keying.second.finish')}
        </button>
      </div>
    </form>
  );
}
