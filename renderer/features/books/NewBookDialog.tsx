import { useState, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { registerTypes } from '../../../shared/registers';
import { versionsOf } from '../../../shared/registers/template-migration';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { checkNewBook, type NewBookForm, type NewBookProblem } from './new-book';
import { useTemplateName } from './TemplateVersionDialog';
import { bookReads } from '../../db/reads';

const emptyForm: NewBookForm = {
  type: 'KS',
  quyenSo: '',
  year: '',
  noiDangKy: '',
  nguoiKy: '',
  chucVuNguoiKy: '',
  nguoiThucHien: '',
  expectedCount: '',
  templateVersion: '',
};

const textFields = [
  'quyenSo',
  'year',
  'noiDangKy',
  'nguoiKy',
  'chucVuNguoiKy',
  'nguoiThucHien',
  'expectedCount',
] as const;

export function NewBookDialog({
  ref,
  onCreated,
}: {
  ref: Ref<HTMLDialogElement>;
  onCreated: (bookId: string) => void;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [form, setForm] = useState<NewBookForm>(emptyForm);
  const [problems, setProblems] = useState<Partial<Record<keyof NewBookForm, NewBookProblem>>>({});
  const [busy, setBusy] = useState(false);
  /** A book already here with the same type, number and year, shown before a second is made. */
  const [twin, setTwin] = useState<Book | null>(null);
  const confirmedTwinOf = twin?.id;
  const templateName = useTemplateName();
  const versions = versionsOf(form.type);

  const update = <K extends keyof NewBookForm>(key: K, value: NewBookForm[K]) => {
    setTwin(null);
    setForm((previous) => {
      const next = { ...previous, [key]: value };
      // The book's year is almost always the year in its number: fill it when still empty.
      const match = /^\d{1,3}\/(\d{4})$/.exec(next.quyenSo.trim());
      if (key === 'quyenSo' && match?.[1] && previous.year === '') next.year = match[1];
      return next;
    });
  };

  const submit = async (dialog: HTMLDialogElement | null) => {
    const checked = checkNewBook(form);
    if (!checked.ok) {
      setProblems(checked.problems);
      return;
    }
    setBusy(true);
    try {
      // The same book twice splits its entries over two copies: ask first, once.
      const { type, quyenSo, year } = checked.input;
      const twin = await bookReads.sameBook({ type, quyenSo, year });
      if (twin && twin.id !== confirmedTwinOf) {
        setTwin(twin);
        return;
      }
      const book = await repo.createBook(checked.input);
      setForm(emptyForm);
      setProblems({});
      setTwin(null);
      dialog?.close();
      onCreated(book.id);
    } catch (error) {
      notify('error', t('books.createFailed', { detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <dialog ref={ref} className="dialog" aria-labelledby="new-book-title">
      <form
        method="dialog"
        onSubmit={(event) => {
          event.preventDefault();
          void submit(event.currentTarget.closest('dialog'));
        }}
      >
        <h2 id="new-book-title">{t('books.newTitle')}</h2>
        <div className="form-grid">
          <label htmlFor="nb-type">{t('books.form.type')}</label>
          <select
            id="nb-type"
            value={form.type}
            onChange={(event) => {
              const chosen = registerTypes.find((type) => type.type === event.target.value);
              if (!chosen) return;
              update('type', chosen.type);
              update('templateVersion', '');
            }}
          >
            {registerTypes.map((type) => (
              <option key={type.type} value={type.type}>
                {type.importable ? type.name : `${type.name} (${t('books.notImportable')})`}
              </option>
            ))}
          </select>
          {textFields.map((key) => (
            <FieldRow
              key={key}
              id={`nb-${key}`}
              label={t(`books.form.${key}`)}
              hint={key === 'quyenSo' ? t('books.form.quyenSoHint') : undefined}
              value={form[key]}
              inputMode={key === 'year' || key === 'expectedCount' ? 'numeric' : undefined}
              problem={problems[key] ? t(`books.problems.${problems[key]}`) : undefined}
              onChange={(value) => update(key, value)}
            />
          ))}
          {/* Last in the form: most books take the current template and never tab here. */}
          {versions.length > 1 && (
            <>
              <label htmlFor="nb-template">{t('templateMove.newBookLabel')}</label>
              <select
                id="nb-template"
                value={form.templateVersion || (versions[0]?.version ?? '')}
                onChange={(event) => update('templateVersion', event.target.value)}
              >
                {versions.map((version) => (
                  <option key={version.version} value={version.version}>
                    {templateName(version)}
                  </option>
                ))}
              </select>
            </>
          )}
        </div>
        <p className="hint">{t('books.form.defaultsHint')}</p>
        {twin && (
          <p role="alert" className="field-error">
            {t('books.twin', { quyenSo: twin.quyenSo, year: twin.year })}{' '}
            <button
              type="button"
              onClick={(event) => {
                const existing = twin;
                setTwin(null);
                setForm(emptyForm);
                event.currentTarget.closest('dialog')?.close();
                onCreated(existing.id);
              }}
            >
              {t('books.openTwin')}
            </button>
          </p>
        )}
        <div className="dialog-actions">
          <button type="submit" className="primary" disabled={busy}>
            {twin ? t('books.createAnyway') : t('books.form.submit')}
          </button>
          <button type="button" onClick={(event) => event.currentTarget.closest('dialog')?.close()}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}

function FieldRow(props: {
  id: string;
  label: string;
  hint: string | undefined;
  value: string;
  inputMode: 'numeric' | undefined;
  problem: string | undefined;
  onChange: (value: string) => void;
}) {
  const describedBy = [props.hint && `${props.id}-hint`, props.problem && `${props.id}-problem`]
    .filter(Boolean)
    .join(' ');
  return (
    <>
      <label htmlFor={props.id}>{props.label}</label>
      <div>
        <input
          id={props.id}
          value={props.value}
          inputMode={props.inputMode}
          aria-invalid={props.problem ? true : undefined}
          aria-describedby={describedBy || undefined}
          onChange={(event) => props.onChange(event.target.value)}
        />
        {props.hint && (
          <small id={`${props.id}-hint`} className="hint">
            {props.hint}
          </small>
        )}
        {props.problem && (
          <small id={`${props.id}-problem`} className="field-error">
            {props.problem}
          </small>
        )}
      </div>
    </>
  );
}
