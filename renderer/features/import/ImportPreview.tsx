// What the Excel import shows before anything is written: the rows read, every problem and
// validation issue (the first few listed, the rest counted), and the bundle's matched PDFs.
import { useTranslation } from 'react-i18next';
import type { PdfMatch } from '../../../shared/import/pdf-names';
import type { ImportPreview, ImportRow, RowProblem, ZipPdf } from '../../../shared/import/types';
import type { Issue } from '../../../shared/validation/types';
import type { Progress } from './analyze-file';

/** Rows and messages listed in the dialog; the rest are counted. */
const SHOWN = 50;

/** A bundle's zip read and matched to the preview's rows. */
export interface AttachedZip {
  fileName: string;
  pdfs: ZipPdf[];
  match: PdfMatch;
}

export function ZipSummary({ zip }: { zip: AttachedZip }) {
  const { t } = useTranslation();
  return (
    <>
      <p role="status">
        {t('import.zipMatched', {
          file: zip.fileName,
          matched: zip.match.matched.length,
          total: zip.pdfs.length,
        })}
      </p>
      {zip.match.unmatched.length > 0 && (
        <p className="issue-warning">
          {t('import.zipUnmatched', {
            n: zip.match.unmatched.length,
            files: zip.match.unmatched.join(', '),
          })}
        </p>
      )}
    </>
  );
}

export function ReadingProgress({ progress }: { progress: Progress | null }) {
  const { t } = useTranslation();
  const text =
    progress?.phase === 'rows'
      ? t('import.readingRows', { done: progress.done, total: progress.total })
      : progress?.phase === 'check'
        ? t('import.checking')
        : t('import.opening');
  return (
    <label role="status">
      {text}
      {progress?.phase === 'rows' ? (
        <progress max={progress.total} value={progress.done} />
      ) : (
        <progress />
      )}
    </label>
  );
}

interface PreviewProps {
  preview: ImportPreview;
  templateName: string;
  mainNameField: string;
  fieldLabel: (key: string) => string;
  rowProblem: (problem: RowProblem) => string;
  issueText: (issue: Issue) => string;
}

function capped<T>(items: readonly T[]): { shown: readonly T[]; more: number } {
  return { shown: items.slice(0, SHOWN), more: Math.max(0, items.length - SHOWN) };
}

export function PreviewBody(props: PreviewProps) {
  const { preview, fieldLabel } = props;
  const { t } = useTranslation();
  const { rows } = preview;
  const withErrors = rows.filter((row) => row.errors.length > 0).length;
  const withWarnings = rows.filter((row) => row.warnings.length > 0).length;
  const blocked = rows.filter((row) => row.problems.length > 0);
  const problems = capped(
    blocked.flatMap((row) =>
      row.problems.map((problem) =>
        t('import.rowProblem', { row: row.row, message: props.rowProblem(problem) }),
      ),
    ),
  );
  const issues = capped(
    rows.flatMap((row) =>
      [...row.errors, ...row.warnings].map((issue) =>
        t('import.rowIssue', {
          row: row.row,
          field: fieldLabel(issue.field),
          message: props.issueText(issue),
        }),
      ),
    ),
  );
  const converted = preview.converted.tcvn3 + preview.converted.vni;
  return (
    <>
      <p>
        {t('import.summary', {
          template: props.templateName,
          sheet: preview.sheetName,
          n: rows.length,
        })}
      </p>
      {converted > 0 && <p>{t('import.converted', { n: converted })}</p>}
      {preview.missing.length > 0 && (
        <p className="hint">
          {t('import.missingColumns', {
            n: preview.missing.length,
            columns: preview.missing.join(', '),
          })}
        </p>
      )}
      {preview.unknown.length > 0 && (
        <p className="hint">
          {t('import.unknownColumns', {
            n: preview.unknown.length,
            columns: preview.unknown.join(', '),
          })}
        </p>
      )}
      {blocked.length > 0 && (
        <section role="alert" aria-labelledby="import-blocked">
          <p id="import-blocked" className="issue-error">
            {t('import.blocked', { n: blocked.length })}
          </p>
          <MessageList {...problems} />
        </section>
      )}
      <p>
        {withErrors + withWarnings > 0
          ? t('import.issuesSummary', { errors: withErrors, warnings: withWarnings })
          : t('import.noIssues')}
      </p>
      {issues.shown.length > 0 && <MessageList {...issues} />}
      <PreviewTable rows={rows} mainNameField={props.mainNameField} fieldLabel={fieldLabel} />
    </>
  );
}

function MessageList({ shown, more }: { shown: readonly string[]; more: number }) {
  const { t } = useTranslation();
  return (
    <ul className="import-list">
      {shown.map((text, index) => (
        <li key={index}>{text}</li>
      ))}
      {more > 0 && <li>{t('import.more', { n: more })}</li>}
    </ul>
  );
}

function PreviewTable({
  rows,
  mainNameField,
  fieldLabel,
}: {
  rows: readonly ImportRow[];
  mainNameField: string;
  fieldLabel: (key: string) => string;
}) {
  const { t } = useTranslation();
  const { shown } = capped(rows);
  return (
    <div className="import-table-wrap">
      <table className="data-table import-table">
        <caption>{t('import.previewCaption', { shown: shown.length, n: rows.length })}</caption>
        <thead>
          <tr>
            <th>{t('import.columns.row')}</th>
            <th>{t('import.columns.so')}</th>
            <th>{t('import.columns.ngayDangKy')}</th>
            <th>{fieldLabel(mainNameField)}</th>
            <th>{t('import.columns.check')}</th>
          </tr>
        </thead>
        <tbody>
          {shown.map((row) => (
            <tr key={row.row}>
              <td>{row.row}</td>
              <td>{row.fields.so}</td>
              <td>{row.fields.ngayDangKy}</td>
              <td>{row.fields[mainNameField]}</td>
              <td>
                {row.errors.length + row.warnings.length > 0
                  ? t('import.rowCheck', {
                      errors: row.errors.length,
                      warnings: row.warnings.length,
                    })
                  : t('import.rowOk')}
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
