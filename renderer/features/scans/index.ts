// The scans of a book: importing them, the page panel and the viewer with its keys.
export { importFiles } from './import-files';
export { ImportScanButton } from './ImportScanButton';
export { PagesPanel } from './PagesPanel';
export { ScanViewer } from './ScanViewer';
export { handleViewerKey, viewerShortcuts } from './viewer-keys';
