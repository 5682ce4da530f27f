import { useTranslation } from 'react-i18next';
import { useOfficerNames } from '../officers';
import { entryReads, exportReads, useLiveQuery } from '../../db/reads';

const SHOWN_RUNS = 10;
/** Numbers listed per run; a 7,000-entry book's list would bury the files below it. */
const SHOWN_NUMBERS = 60;

function formatSize(bytes: number, language: string): string {
  const units = ['B', 'kB', 'MB', 'GB'];
  let value = bytes;
  let unit = 0;
  while (value >= 1000 && unit < units.length - 1) {
    value /= 1000;
    unit += 1;
  }
  return `${value.toLocaleString(language, { maximumFractionDigits: unit === 0 ? 0 : 1 })} ${units[unit] ?? ''}`;
}

/** The book's last exports: when, by whom, which files, their sizes and SHA-256. */
export function ExportHistory({ bookId, isOpen = false }: { bookId: string; isOpen?: boolean }) {
  const { t, i18n } = useTranslation();
  const runs = useLiveQuery(() => exportReads.exportRuns(bookId), [bookId]);
  // Which numbers went out in each bundle: what the officer matches against the paper book.
  const numbers = useLiveQuery(() => entryReads.entryNumbers(bookId), [bookId]);
  const names = useOfficerNames();
  if (!runs) return null;
  const numberList = (entryIds: string[]) => {
    const listed = entryIds.slice(0, SHOWN_NUMBERS).map((id) => numbers?.get(id) || '?');
    const more = entryIds.length - listed.length;
    return `${listed.join(', ')}${more > 0 ? `, … (+${more})` : ''}`;
  };
  return (
    <details className="export-history" open={isOpen}>
      <summary>{t('exporter.history.title', { n: runs.length })}</summary>
      {runs.length === 0 ? (
        <p>{t('exporter.history.empty')}</p>
      ) : (
        <ol aria-label={t('exporter.history.title', { n: runs.length })}>
          {runs.slice(0, SHOWN_RUNS).map((run) => (
            <li key={run.id}>
              {t('exporter.history.run', {
                when: new Date(run.at).toLocaleString(i18n.language),
                entries: run.entryIds.length,
              })}
              {` — ${t(`exportScope.history.${run.scope ?? 'whole'}`)}`}
              {run.by && ` (${t('exporter.history.by', { by: names?.get(run.by) ?? '…' })})`}
              {run.verified && ` — ${t('exporter.history.verified')}`}
              {run.heldBack && run.heldBack.length > 0 && (
                <>
                  <br />
                  {t('exportScope.history.heldBack', { n: run.heldBack.length })}
                </>
              )}
              <br />
              {t('exportScope.history.numbers', { list: numberList(run.entryIds) })}
              <ul>
                {run.files.map((file) => (
                  <li key={file.name}>
                    {t('exporter.history.file', {
                      name: file.name,
                      size: formatSize(file.bytes, i18n.language),
                    })}
                    {file.sha256 && (
                      <>
                        <br />
                        <code>{t('exporter.history.hash', { hash: file.sha256 })}</code>
                      </>
                    )}
                  </li>
                ))}
              </ul>
            </li>
          ))}
        </ol>
      )}
    </details>
  );
}
