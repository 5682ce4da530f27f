// Importing entries from an Excel workbook.
export { ImportExcelButton } from './ImportExcelButton';
