// "Nhập từ Excel": a team's workbook becomes draft entries of the open book. The file is read
// in a worker, shown as a preview with every problem, and written only on the officer's word.
import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { isImportable } from '../../../shared/import/analyze';
import { matchPdfNames } from '../../../shared/import/pdf-names';
import type { FileProblem, ImportPreview, RowProblem } from '../../../shared/import/types';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import { repo } from '../../db';
import { ImportConflictError } from '../../db/repositories';
import { isWorkflowError } from '../../db/workflow-error';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { issueText } from '../../locales/issue-text';
import { analyzeFile, readZipFile, type Progress, type Running } from './analyze-file';
import { PreviewBody, ReadingProgress, ZipSummary, type AttachedZip } from './ImportPreview';
import './import.css';
import { fieldLabel as labelIn } from '../../locales/field-label';

const ACCEPT = '.xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

type Phase =
  | { name: 'idle' }
  | { name: 'reading'; fileName: string; progress: Progress | null }
  | {
      name: 'preview';
      fileName: string;
      preview: ImportPreview;
      isWriting: boolean;
      isReadingZip: boolean;
      zip: AttachedZip | null;
      /** Why the zip chosen was refused, shown in the dialog (notices sit behind it). */
      zipError: string | null;
    };

export function ImportExcelButton({ book }: { book: Book }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const inputRef = useRef<HTMLInputElement>(null);
  const running = useRef<Running<unknown> | null>(null);
  const zipInputRef = useRef<HTMLInputElement>(null);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const template = getTemplate(book.templateVersion);

  const fieldLabel = (key: string) => labelIn(t, fieldByKey(template, key) ?? { key, label: key });
  const fileProblem = (problem: FileProblem, file: string) =>
    t(`import.fileProblems.${problem.code}`, { ...problem, file });
  const rowProblem = (problem: RowProblem) =>
    t(`import.rowProblems.${problem.code}`, {
      ...problem,
      ...('column' in problem ? { column: fieldLabel(problem.column) } : {}),
    });

  const read = async (file: File) => {
    running.current?.cancel();
    setPhase({ name: 'reading', fileName: file.name, progress: null });
    const analysis = analyzeFile(file, book, (progress) =>
      setPhase((current) =>
        current.name === 'reading' && running.current === analysis
          ? { ...current, progress }
          : current,
      ),
    );
    running.current = analysis;
    try {
      const result = await analysis.result;
      if (running.current !== analysis) return;
      running.current = null;
      if (!result.ok) {
        setPhase({ name: 'idle' });
        notify('error', fileProblem(result.problem, file.name));
        return;
      }
      setPhase({
        name: 'preview',
        fileName: file.name,
        preview: result.preview,
        isWriting: false,
        isReadingZip: false,
        zip: null,
        zipError: null,
      });
    } catch (error) {
      if (running.current !== analysis) return;
      running.current = null;
      setPhase({ name: 'idle' });
      notify('error', t('import.failed', { file: file.name, detail: String(error) }));
    }
  };

  const close = () => {
    if (phase.name === 'reading' || phase.name === 'preview') notify('info', t('import.cancelled'));
    running.current?.cancel();
    running.current = null;
    setPhase({ name: 'idle' });
  };

  const readZip = async (file: File) => {
    if (phase.name !== 'preview') return;
    const base = { ...phase, zip: null, zipError: null };
    setPhase({ ...base, isReadingZip: true });
    const reading = readZipFile(file, () => undefined);
    running.current = reading;
    try {
      const result = await reading.result;
      if (running.current !== reading) return;
      running.current = null;
      if (!result.ok) {
        const zipError = t(`import.zipProblems.${result.problem.code}`, {
          file: file.name,
          files: 'files' in result.problem ? result.problem.files.join(', ') : '',
        });
        setPhase({ ...base, isReadingZip: false, zipError });
        return;
      }
      const match = matchPdfNames(
        result.pdfs.map((pdf) => pdf.fileName),
        base.preview.rows,
        book,
      );
      setPhase({
        ...base,
        isReadingZip: false,
        zip: { fileName: file.name, pdfs: result.pdfs, match },
      });
    } catch (error) {
      if (running.current !== reading) return;
      running.current = null;
      setPhase({
        ...base,
        isReadingZip: false,
        zipError: t('import.failed', { file: file.name, detail: String(error) }),
      });
    }
  };

  const write = async (fileName: string, preview: ImportPreview, zip: AttachedZip | null) => {
    setPhase({
      name: 'preview',
      fileName,
      preview,
      isWriting: true,
      isReadingZip: false,
      zip,
      zipError: null,
    });
    const pdfByName = new Map(zip?.pdfs.map((pdf) => [pdf.fileName, pdf]));
    const scans = (zip?.match.matched ?? []).flatMap(({ rowIndex, fileName: pdfName }) => {
      const pdf = pdfByName.get(pdfName);
      return pdf
        ? [
            {
              rowIndex,
              fileName: pdfName.split('/').pop() ?? pdfName,
              blob: new Blob([pdf.bytes], { type: 'application/pdf' }),
              pageCount: pdf.pageCount,
            },
          ]
        : [];
    });
    try {
      const added = await repo.importEntries(
        book.id,
        preview.rows.map((row) => row.fields),
        { fileName, scans },
      );
      notify(
        'info',
        scans.length > 0
          ? t('import.doneWithScans', { n: added.length, file: fileName, scans: scans.length })
          : t('import.done', { n: added.length, file: fileName }),
      );
    } catch (error) {
      notify(
        'error',
        error instanceof ImportConflictError
          ? t('import.conflict', { keys: error.keys.join(', ') })
          : isWorkflowError(error)
            ? t(`workflow.errors.${error.code}`)
            : t('import.failed', { file: fileName, detail: String(error) }),
      );
    }
    setPhase({ name: 'idle' });
  };

  return (
    <>
      <button
        type="button"
        onClick={() => inputRef.current?.click()}
        disabled={phase.name !== 'idle'}
      >
        {t('import.button')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept={ACCEPT}
        hidden
        aria-label={t('import.button')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void read(file);
        }}
      />
      {phase.name !== 'idle' && (
        <dialog
          ref={(dialog) => {
            if (dialog && !dialog.open) dialog.showModal();
          }}
          className="dialog import-dialog"
          aria-labelledby="import-title"
          onCancel={(event) => {
            event.preventDefault();
            if (!(phase.name === 'preview' && phase.isWriting)) close();
          }}
        >
          <h2 id="import-title">{t('import.title', { file: phase.fileName })}</h2>
          {phase.name === 'reading' ? (
            <ReadingProgress progress={phase.progress} />
          ) : (
            <PreviewBody
              preview={phase.preview}
              templateName={getTemplate(phase.preview.templateVersion).name}
              mainNameField={template.mainNameField}
              fieldLabel={fieldLabel}
              rowProblem={rowProblem}
              issueText={(issue) => issueText(t, issue)}
            />
          )}
          {phase.name === 'preview' && (
            <section aria-labelledby="import-zip-title">
              <h3 id="import-zip-title">{t('import.zipTitle')}</h3>
              <p className="hint">{t('import.zipHint')}</p>
              <button
                type="button"
                onClick={() => zipInputRef.current?.click()}
                disabled={phase.isWriting || phase.isReadingZip}
              >
                {phase.isReadingZip ? t('import.zipReading') : t('import.zipChoose')}
              </button>
              <input
                ref={zipInputRef}
                type="file"
                accept=".zip,application/zip"
                hidden
                aria-label={t('import.zipChoose')}
                onChange={(event) => {
                  const file = event.target.files?.[0];
                  event.target.value = '';
                  if (file) void readZip(file);
                }}
              />
              {phase.zip && <ZipSummary zip={phase.zip} />}
              {phase.zipError && (
                <p role="alert" className="issue-error">
                  {phase.zipError}
                </p>
              )}
            </section>
          )}
          <div className="dialog-actions">
            {phase.name === 'preview' && (
              <button
                type="button"
                className="primary"
                disabled={
                  phase.isWriting || phase.isReadingZip || !isImportable(phase.preview.rows)
                }
                onClick={() => void write(phase.fileName, phase.preview, phase.zip)}
              >
                {phase.isWriting
                  ? t('import.writing')
                  : t('import.confirm', { n: phase.preview.rows.length })}
              </button>
            )}
            <button
              type="button"
              onClick={close}
              disabled={phase.name === 'preview' && phase.isWriting}
            >
              {t('common.cancel')}
            </button>
          </div>
        </dialog>
      )}
    </>
  );
}
