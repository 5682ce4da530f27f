import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { pdfFileName, type PdfNaming } from '../../../shared/bundle/names';
import type { Book } from '../../db/types';

type Choice<K extends keyof PdfNaming> = { key: K; options: readonly PdfNaming[K][] };

const choices = [
  { key: 'so', options: ['pad3', 'asWritten'] },
  { key: 'partialDate', options: ['zeros', 'firstDay'] },
  { key: 'missingSo', options: ['zeros', 'null'] },
] as const satisfies readonly Choice<keyof PdfNaming>[];

/**
 * How the book's PDFs are named and its số written in the rows (rules in
 * shared/bundle/names.ts), with the names an irregular entry of this book would get.
 */
export function PdfNamingSettings({
  book,
  value,
  onChange,
}: {
  book: Pick<Book, 'type' | 'year' | 'quyenSo'>;
  value: PdfNaming;
  onChange: (next: PdfNaming) => void;
}) {
  const { t } = useTranslation();
  const hintId = useId();
  const example = (so: string, ngayDangKy: string): string => {
    const name = pdfFileName({ ...book, bookYear: book.year, so, ngayDangKy, naming: value });
    return name.ok ? name.name : '';
  };
  const year = String(book.year);
  return (
    <fieldset className="pdf-naming" aria-describedby={hintId}>
      <legend>{t('pdfNaming.title')}</legend>
      {choices.map(({ key, options }) => (
        <label key={key} className="form-grid-row">
          <span>{t(`pdfNaming.${key}.label`)}</span>
          <select
            value={value[key]}
            onChange={(event) => {
              const picked = options.find((option) => option === event.target.value);
              if (picked !== undefined) onChange({ ...value, [key]: picked });
            }}
          >
            {options.map((option) => (
              <option key={option} value={option}>
                {t(`pdfNaming.${key}.${option}`)}
              </option>
            ))}
          </select>
        </label>
      ))}
      <p id={hintId} className="hint">
        {t('pdfNaming.examples', {
          year,
          written: example(`01/${year}`, `15.01.${year}`),
          yearOnly: example('2', year),
          noNumber: example('', `20.01.${year}`),
        })}
      </p>
    </fieldset>
  );
}
