// pdfjs in its own worker, reading the stored Blob in ranges: a 150 MB scan is never copied
// into the window to count its pages or show one of them. Documents are cached per scan.
import {
  GlobalWorkerOptions,
  getDocument,
  InvalidPDFException,
  PDFDataRangeTransport,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';
import { sniffFile } from './import-sniff';

GlobalWorkerOptions.workerSrc = workerUrl;

export type ScanProblem =
  | 'emptyFile'
  | 'unknownType'
  | 'heic'
  | 'tiff'
  | 'corruptPdf'
  | 'passwordProtected'
  | 'corruptImage';

export type InspectResult = { ok: true; pageCount: number } | { ok: false; problem: ScanProblem };

/** Hands pdfjs the slices of the file it asks for, read straight from the Blob. */
class BlobRangeTransport extends PDFDataRangeTransport {
  constructor(private readonly blob: Blob) {
    super(blob.size, null);
  }

  override requestDataRange(begin: number, end: number): void {
    this.blob
      .slice(begin, end)
      .arrayBuffer()
      .then(
        (buffer) => this.onDataRange(begin, new Uint8Array(buffer)),
        // pdfjs has no error path for a range; an empty answer makes it fail the page cleanly.
        () => this.onDataRange(begin, new Uint8Array(0)),
      );
  }
}

function openPdf(blob: Blob): Promise<PDFDocumentProxy> {
  return getDocument({
    range: new BlobRangeTransport(blob),
    // Only the ranges a page needs: no background read of the whole file.
    disableAutoFetch: true,
    disableStream: true,
    isEvalSupported: false,
    stopAtErrors: false,
    useSystemFonts: true,
  }).promise;
}

/** Decides whether a picked file can become a PDF scan, without writing anything. */
export async function inspectPdf(file: Blob): Promise<InspectResult> {
  if (file.size === 0) return { ok: false, problem: 'emptyFile' };
  if ((await sniffFile(file)) !== 'pdf') return { ok: false, problem: 'unknownType' };
  let doc: PDFDocumentProxy | undefined;
  try {
    doc = await openPdf(file);
    const pageCount = doc.numPages;
    // Parse the first page too: a broken page tree often only shows there.
    await doc.getPage(1);
    return pageCount > 0 ? { ok: true, pageCount } : { ok: false, problem: 'corruptPdf' };
  } catch (error) {
    // pdfjs does not export its PasswordException class; its name is stable.
    if (error instanceof Error && error.name === 'PasswordException') {
      return { ok: false, problem: 'passwordProtected' };
    }
    if (!(error instanceof InvalidPDFException)) console.warn('PDF could not be read', error);
    return { ok: false, problem: 'corruptPdf' };
  } finally {
    await doc?.destroy();
  }
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

export function loadScanDocument(scanId: string, blob: Blob): Promise<PDFDocumentProxy> {
  let loading = documents.get(scanId);
  if (!loading) {
    loading = openPdf(blob);
    loading.catch(() => documents.delete(scanId));
    documents.set(scanId, loading);
  }
  return loading;
}
