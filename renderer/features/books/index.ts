// The book list and the book's workspace, as the app shell shows them.
export { BooksScreen } from './BooksScreen';
export { BookWorkspace } from './BookWorkspace';
