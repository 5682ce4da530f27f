import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfNamingOf } from '../../../shared/bundle/names';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { DEFAULT_TARGET_BYTES_PER_PAGE } from '../../workers/pdf-images';
import { defaultCarryForward } from '../entry';
import { CheckingSettings, checkingOf } from './CheckingSettings';
import { KeyingSampleSection } from './KeyingSampleSection';
import { PdfNamingSettings } from './PdfNamingSettings';
import { TemplateSection } from './TemplateVersionDialog';
import { fieldLabel } from '../../locales/field-label';

/** Below ~20 kB an A4 page of handwriting is no longer readable; above 2 MB nothing shrinks. */
const MIN_TARGET_KB = 20;
const MAX_TARGET_KB = 2000;

const defaultKeys = ['noiDangKy', 'nguoiKy', 'chucVuNguoiKy', 'nguoiThucHien'] as const;

/** The book's defaults for new entries and which fields the next entry is offered. */
export function BookSettingsDialog({
  book,
  template,
  onClose,
}: {
  book: Book;
  template: RegisterTemplate;
  onClose: () => void;
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [defaults, setDefaults] = useState(() =>
    Object.fromEntries(defaultKeys.map((key) => [key, book[key]])),
  );
  const [carry, setCarry] = useState(
    () => new Set(book.carryForward ?? defaultCarryForward(template)),
  );
  const [targetKb, setTargetKb] = useState(() =>
    String(Math.round((book.exportTargetBytesPerPage ?? DEFAULT_TARGET_BYTES_PER_PAGE) / 1000)),
  );
  const [exportSubmitted, setExportSubmitted] = useState(book.exportSubmitted === true);
  const [pdfNaming, setPdfNaming] = useState(() => pdfNamingOf(book.pdfNaming));
  const [checking, setChecking] = useState(() => checkingOf(book));
  const candidates = template.fields.filter(
    (field) => field.shownByDefault && !field.bookDefault && field.key !== 'so',
  );

  const save = async () => {
    try {
      await repo.updateBook(book.id, {
        ...Object.fromEntries(defaultKeys.map((key) => [key, (defaults[key] ?? '').trim()])),
        carryForward: candidates.filter((field) => carry.has(field.key)).map((f) => f.key),
        exportTargetBytesPerPage: Number(targetKb) * 1000,
        exportSubmitted,
        pdfNaming,
        ...checking,
      });
      notify('info', t('bookSettings.saved'));
      onClose();
    } catch (error) {
      notify('error', t('bookSettings.failed', { detail: String(error) }));
    }
  };

  return (
    <dialog
      ref={(dialog) => {
        if (dialog && !dialog.open) dialog.showModal();
      }}
      className="dialog"
      aria-labelledby="book-settings-title"
      onClose={onClose}
    >
      <form
        onSubmit={(event) => {
          event.preventDefault();
          void save();
        }}
      >
        <h2 id="book-settings-title">{t('bookSettings.title')}</h2>
        <div className="form-grid">
          {defaultKeys.map((key) => (
            <label key={key} className="form-grid-row">
              <span>{t(`books.form.${key}`)}</span>
              <input
                value={defaults[key] ?? ''}
                onChange={(event) => setDefaults({ ...defaults, [key]: event.target.value })}
              />
            </label>
          ))}
        </div>
        <label className="form-grid-row">
          <span>{t('exporter.targetSetting')}</span>
          <input
            type="number"
            min={MIN_TARGET_KB}
            max={MAX_TARGET_KB}
            step={10}
            required
            value={targetKb}
            aria-describedby="export-target-hint"
            onChange={(event) => setTargetKb(event.target.value)}
          />
        </label>
        <p id="export-target-hint" className="hint">
          {t('exporter.targetHint')}
        </p>
        <PdfNamingSettings book={book} value={pdfNaming} onChange={setPdfNaming} />
        <fieldset className="carry-fields">
          <legend>{t('bookSettings.carryForward')}</legend>
          {candidates.map((field) => (
            <label key={field.key}>
              <input
                type="checkbox"
                checked={carry.has(field.key)}
                onChange={(event) => {
                  const next = new Set(carry);
                  if (event.target.checked) next.add(field.key);
                  else next.delete(field.key);
                  setCarry(next);
                }}
              />{' '}
              {fieldLabel(t, field)}
            </label>
          ))}
        </fieldset>
        <label>
          <input
            type="checkbox"
            checked={exportSubmitted}
            onChange={(event) => setExportSubmitted(event.target.checked)}
          />{' '}
          {t('review.exportSubmitted')}
        </label>
        <CheckingSettings value={checking} onChange={setChecking} />
        <KeyingSampleSection book={book} />
        {/* Moving to another template rewrites every entry: the settings form closes after it. */}
        <TemplateSection book={book} onMoved={onClose} />
        <div className="dialog-actions">
          <button type="submit" className="primary">
            {t('bookSettings.save')}
          </button>
          <button type="button" onClick={onClose}>
            {t('common.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
