import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { navigate } from '../../store/router';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { errorText, useOfficer } from '../officers';
import { BackupTools } from '../backup';
import { NewBookDialog } from './NewBookDialog';
import { bookReads, officerReads, useLiveQuery } from '../../db/reads';

export function BooksScreen() {
  const { t } = useTranslation();
  const dialogRef = useRef<HTMLDialogElement>(null);
  const notify = useUiStore((state) => state.notify);
  // Archived books are put away: listed only when asked for.
  const [showArchived, setShowArchived] = useState(false);
  const signedIn = useOfficer();
  const officer = useLiveQuery(() => officerReads.officerById(signedIn?.id), [signedIn]);
  const isAdmin = officer ? can(officer.role, 'administer') : false;
  const allBooks = useLiveQuery(() => bookReads.booksNewestFirst(), []);
  const archivedCount = allBooks?.filter((book) => book.archived).length ?? 0;
  const books = allBooks?.filter((book) => showArchived || !book.archived);
  const toggleArchive = async (book: Book) => {
    try {
      if (book.archived) {
        await repo.unarchiveBook(book.id);
        notify('info', t('archive.restored', { quyenSo: book.quyenSo }));
      } else {
        await repo.archiveBook(book.id);
        notify('info', t('archive.done', { quyenSo: book.quyenSo }));
      }
    } catch (error) {
      notify('error', errorText(t, error));
    }
  };
  // Voided entries are not the book's: left out of the counts.
  const counts = useLiveQuery(() => bookReads.entryCounts(books ?? []), [books]);

  return (
    <section className="books-screen" aria-labelledby="books-heading">
      <div className="toolbar">
        <h1 id="books-heading">{t('books.heading')}</h1>
        <button type="button" className="primary" onClick={() => dialogRef.current?.showModal()}>
          {t('books.create')}
        </button>
        <BackupTools />
        <label className="books-show-archived">
          <input
            type="checkbox"
            checked={showArchived}
            onChange={(event) => setShowArchived(event.target.checked)}
          />{' '}
          {t('archive.show', { n: archivedCount })}
        </label>
      </div>
      {books && books.length === 0 && (
        <p className="empty">{archivedCount > 0 ? t('archive.allArchived') : t('books.empty')}</p>
      )}
      {books && books.length > 0 && (
        <table className="data-table">
          <thead>
            <tr>
              <th scope="col">{t('books.type')}</th>
              <th scope="col">{t('books.quyenSo')}</th>
              <th scope="col">{t('books.year')}</th>
              <th scope="col">{t('books.noiDangKy')}</th>
              <th scope="col">{t('books.entries')}</th>
              {(isAdmin || showArchived) && <th scope="col">{t('archive.column')}</th>}
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
                  {book.archived && <span className="badge">{t('archive.badge')}</span>}
                </td>
                <td>{book.year}</td>
                <td>{book.noiDangKy}</td>
                <td>
                  {t('books.entryCount', {
                    n: counts?.[book.id] ?? 0,
                    expected: book.expectedCount ?? '—',
                  })}
                </td>
                {(isAdmin || showArchived) && (
                  <td>
                    {isAdmin && (
                      <button type="button" onClick={() => void toggleArchive(book)}>
                        {t(book.archived ? 'archive.unarchive' : 'archive.archive', {
                          quyenSo: book.quyenSo,
                        })}
                      </button>
                    )}
                  </td>
                )}
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <NewBookDialog ref={dialogRef} onCreated={(bookId) => navigate({ name: 'book', bookId })} />
    </section>
  );
}
