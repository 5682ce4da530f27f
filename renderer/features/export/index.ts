// The export button a book shows, and the rule of which entries an export takes.
export { ExportButton } from './ExportButton';
export { isExportable, selectForScope } from './export-rule';
