import { useLiveQuery } from 'dexie-react-hooks';
import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import { navigate } from '../../app/router';
import { db } from '../../db';
import type { Book, Page } from '../../db/types';
import { sortBySo } from './entry-order';
import { findNumberingGaps } from '../../../shared/validation/numbering';

export function EntryList({
  book,
  template,
  pages,
}: {
  book: Book;
  template: RegisterTemplate;
  pages: Page[];
}) {
  const { t } = useTranslation();
  const entries = useLiveQuery(
    async () => sortBySo(await db.records.where('bookId').equals(book.id).toArray()),
    [book.id],
  );
  const pageNumber = new Map(pages.map((page) => [page.id, page.order + 1]));

  if (!entries) return null;
  if (entries.length === 0) return <p className="empty">{t('entry.listEmpty')}</p>;
  const gaps = findNumberingGaps(entries.map((entry) => entry.fields.so ?? ''));
  return (
    <>
      {gaps.length > 0 && (
        <p className="issue-warning" role="status">
          {t('entry.numberingGaps', {
            gaps: gaps
              .map((gap) => (gap.from === gap.to ? gap.from : `${gap.from}–${gap.to}`))
              .join(', '),
          })}
        </p>
      )}
      <table className="data-table" aria-label={t('entry.listLabel')}>
        <thead>
          <tr>
            <th scope="col">{t('entry.columns.so')}</th>
            <th scope="col">{t('entry.columns.name')}</th>
            <th scope="col">{t('entry.columns.ngayDangKy')}</th>
            <th scope="col">{t('entry.columns.pages')}</th>
            <th scope="col">{t('entry.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {entries.map((entry) => (
            <tr key={entry.id}>
              <td>{entry.fields.so}</td>
              <td>
                <a
                  href={`#/books/${book.id}/entries/${entry.id}`}
                  onClick={(event) => {
                    event.preventDefault();
                    navigate({ name: 'entry', bookId: book.id, entryId: entry.id });
                  }}
                >
                  {entry.fields[template.mainNameField] || t('entry.unnamed')}
                </a>
              </td>
              <td>{entry.fields.ngayDangKy}</td>
              <td>{entry.pageIds.map((id) => pageNumber.get(id) ?? '?').join(', ')}</td>
              <td>{t(`entry.status.${entry.status}`)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
