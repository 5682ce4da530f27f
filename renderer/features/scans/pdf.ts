// pdfjs in its own worker; documents cached per scan so turning pages never re-parses a file.
import {
  GlobalWorkerOptions,
  getDocument,
  InvalidPDFException,
  type PDFDocumentProxy,
} from 'pdfjs-dist';
import workerUrl from 'pdfjs-dist/build/pdf.worker.min.mjs?url';

GlobalWorkerOptions.workerSrc = workerUrl;

export type ScanProblem = 'emptyFile' | 'notPdf' | 'corruptPdf' | 'passwordProtected';

export type InspectResult = { ok: true; pageCount: number } | { ok: false; problem: ScanProblem };

const PDF_MAGIC = '%PDF-';

async function openPdf(bytes: Uint8Array): Promise<PDFDocumentProxy> {
  // pdfjs takes ownership of the buffer it is given: hand it a copy.
  return getDocument({
    data: bytes.slice(),
    isEvalSupported: false,
    stopAtErrors: false,
    useSystemFonts: true,
  }).promise;
}

/** Decides whether a picked file can become a scan, without writing anything. */
export async function inspectPdf(file: Blob): Promise<InspectResult> {
  if (file.size === 0) return { ok: false, problem: 'emptyFile' };
  const bytes = new Uint8Array(await file.arrayBuffer());
  // Some scanners put junk before the header; the spec allows it within the first 1 KB.
  const head = new TextDecoder('latin1').decode(bytes.subarray(0, 1024));
  if (!head.includes(PDF_MAGIC)) return { ok: false, problem: 'notPdf' };
  try {
    const doc = await openPdf(bytes);
    const pageCount = doc.numPages;
    // Parse the first page too: a broken page tree often only shows there.
    await doc.getPage(1);
    await doc.destroy();
    return pageCount > 0 ? { ok: true, pageCount } : { ok: false, problem: 'corruptPdf' };
  } catch (error) {
    // pdfjs does not export its PasswordException class; its name is stable.
    if (error instanceof Error && error.name === 'PasswordException') {
      return { ok: false, problem: 'passwordProtected' };
    }
    if (!(error instanceof InvalidPDFException)) console.warn('PDF could not be read', error);
    return { ok: false, problem: 'corruptPdf' };
  }
}

const documents = new Map<string, Promise<PDFDocumentProxy>>();

export function loadScanDocument(scanId: string, blob: Blob): Promise<PDFDocumentProxy> {
  let loading = documents.get(scanId);
  if (!loading) {
    loading = blob.arrayBuffer().then((buffer) => openPdf(new Uint8Array(buffer)));
    loading.catch(() => documents.delete(scanId));
    documents.set(scanId, loading);
  }
  return loading;
}
