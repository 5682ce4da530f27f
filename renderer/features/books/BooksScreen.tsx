import { useLiveQuery } from 'dexie-react-hooks';
import { useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { navigate } from '../../app/router';
import { db } from '../../db';
import { BackupTools } from '../backup/BackupTools';
import { NewBookDialog } from './NewBookDialog';

export function BooksScreen() {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const books = useLiveQuery(() => db.books.orderBy('createdAt').reverse().toArray(), []);
  const counts = useLiveQuery(async () => {
    const result: Record<string, number> = {};
    for (const book of books ?? []) {
      result[book.id] = await db.records.where('bookId').equals(book.id).count();
    }
    return result;
  }, [books]);

  return (
    <section className="books-screen" aria-labelledby="books-heading">
      <div className="toolbar">
        <h1 id="books-heading">{t('books.heading')}</h1>
        <button type="button" className="primary" onClick={() => dialogRef.current?.showModal()}>
          {t('books.create')}
        </button>
        <BackupTools />
      </div>
      {books && books.length === 0 && <p className="empty">{t('books.empty')}</p>}
      {books && books.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('books.type')}</th>
              <th scope="col">{t('books.quyenSo')}</th>
              <th scope="col">{t('books.year')}</th>
              <th scope="col">{t('books.noiDangKy')}</th>
              <th scope="col">{t('books.entries')}</th>
            </tr>
          </thead>
          <tbody>
            {books.map((book) => (
              <tr key={book.id}>
                <td>
                  {getTemplate(book.templateVersion).name}
                  {!getTemplate(book.templateVersion).importable && (
                    <span className="badge">{t('books.notImportable')}</span>
                  )}
                </td>
                <td>
                  <a
                    href={`#/books/${book.id}`}
                    onClick={(event) => {
                      event.preventDefault();
                      navigate({ name: 'book', bookId: book.id });
                    }}
                  >
                    {t('books.openBook', { quyenSo: book.quyenSo })}
                  </a>
                </td>
                <td>{book.year}</td>
                <td>{book.noiDangKy}</td>
                <td>
                  {t('books.entryCount', {
                    n: counts?.[book.id] ?? 0,
                    expected: book.expectedCount ?? '—',
                  })}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewBookDialog ref={dialogRef} onCreated={(bookId) => navigate({ name: 'book', bookId })} />
    </section>
  );
}
