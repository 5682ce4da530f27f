// Pages made ready for export ahead of time: their preview, status and the background run.
export { ExportPreview, PreparationNote, PreparationStatus } from './ExportPreview';
export { holdPreparation } from './preparation';
export { usePagePreparation } from './use-preparation';
