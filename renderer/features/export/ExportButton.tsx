import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleProblem } from '../../../shared/bundle/plan';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import { navigate } from '../../app/router';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { platform, type BundleDestination } from '../../platform/platform';
import { useUiStore } from '../../store/ui-store';
import type { BundleOutline, Verification, WrittenBundle } from '../../workers/export-protocol';
import { collectExport } from './collect';
import { ExportJob } from './export-job';
import { ExportHistory } from './ExportHistory';
import { NamingReport } from './NamingReport';

type Phase =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'problems'; problems: BundleProblem[] }
  | { name: 'ready'; outline: BundleOutline; entryIds: string[]; leftOut: number }
  | { name: 'opening' }
  | { name: 'running'; step: 'write' | 'verify'; done: number; total: number }
  | { name: 'done'; written: WrittenBundle; verification: Verification; folder: string }
  | { name: 'mismatch'; verification: Verification };

const kB = (bytes: number) => Math.round(bytes / 100) / 10;

export function ExportButton({ book }: { book: Book }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const jobRef = useRef<ExportJob | null>(null);
  const template = getTemplate(book.templateVersion);
  // Leaving the book mid-export is a cancel: the worker stops and its temp files go.
  useEffect(
    () => () => {
      void jobRef.current?.cancel();
      jobRef.current = null;
    },
    [],
  );

  const fail = (error: unknown) => {
    void jobRef.current?.cancel();
    jobRef.current = null;
    setPhase({ name: 'idle' });
    notify(
      'error',
      t('export.failed', { detail: error instanceof Error ? error.message : String(error) }),
    );
  };

  const check = async () => {
    setPhase({ name: 'checking' });
    const { request, leftOut } = await collectExport(book);
    if (request.entries.length === 0) {
      setPhase({ name: 'idle' });
      // Entries typed but not yet approved (or submitted) are not "no entries": say so.
      notify(
        'error',
        leftOut === 0
          ? t('export.noEntries')
          : t(book.exportSubmitted ? 'exporter.noneSubmitted' : 'exporter.noneApproved', {
              n: leftOut,
            }),
      );
      return;
    }
    const job = new ExportJob();
    jobRef.current = job;
    const gate = await job.gate(request);
    if (jobRef.current !== job) return;
    if (!gate.ok) {
      await job.cancel();
      jobRef.current = null;
      setPhase({ name: 'problems', problems: gate.problems });
      return;
    }
    setPhase({
      name: 'ready',
      outline: gate.outline,
      entryIds: request.entries.map((entry) => entry.id),
      leftOut,
    });
  };

  const write = async (
    outline: BundleOutline,
    entryIds: string[],
    leftOut: number,
    destination: BundleDestination,
  ) => {
    const job = jobRef.current;
    if (!job) return;
    setPhase({ name: 'opening' });
    const opened = await platform.openBundle(
      { folderName: outline.stem, fileNames: [outline.files.xlsx, outline.files.zip] },
      destination,
    );
    if (jobRef.current !== job) {
      if (opened.ok) await opened.value.abort();
      return;
    }
    if (!opened.ok) {
      if (opened.error.code === 'cancelled') {
        setPhase({ name: 'ready', outline, entryIds, leftOut });
      } else {
        notify(
          'error',
          t(`export.saveErrors.${opened.error.code}`, { detail: opened.error.message }),
        );
        setPhase({ name: 'ready', outline, entryIds, leftOut });
      }
      return;
    }
    setPhase({ name: 'running', step: 'write', done: 0, total: outline.entryCount + 1 });
    const outcome = await job.run(opened.value, outline, (step, done, total) => {
      if (jobRef.current === job) setPhase({ name: 'running', step, done, total });
    });
    if (jobRef.current !== job) return;
    jobRef.current = null;
    if (outcome.kind === 'refused') {
      setPhase({ name: 'idle' });
      notify(
        'error',
        t(`export.saveErrors.${outcome.error.code}`, { detail: outcome.error.message }),
      );
      return;
    }
    if (outcome.kind === 'mismatch') {
      setPhase({ name: 'mismatch', verification: outcome.verification });
      return;
    }
    const { written, verification, saved } = outcome;
    await repo.recordExport({
      bookId: book.id,
      entryIds,
      files: written.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
      folder: saved.folder,
      verified: { rows: verification.rows, pdfs: verification.pdfs, pages: verification.pages },
    });
    setPhase({ name: 'done', written, verification, folder: saved.folder });
    if (!template.importable) notify('info', t('export.notImportable'));
    notify(
      'info',
      t('export.done', {
        files: saved.files.map((file) => file.name).join(', '),
        n: written.pdfs.length,
      }),
    );
  };

  const cancel = () => {
    const job = jobRef.current;
    jobRef.current = null;
    const wasWriting = phase.name === 'running' || phase.name === 'opening';
    setPhase({ name: 'idle' });
    void job?.cancel().then(() => {
      if (wasWriting) notify('info', t('export.cancelled'));
    });
  };

  const fieldLabel = (key: string | undefined) =>
    key ? t(`fieldLabels.${key}`, { defaultValue: fieldByKey(template, key)?.label ?? key }) : '';
  const destinations = platform.bundleDestinations();
  const isBusy = phase.name === 'checking' || phase.name === 'opening' || phase.name === 'running';

  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() => void check().catch(fail)}
        disabled={isBusy || phase.name === 'ready'}
      >
        {t('export.button')}
      </button>
      {phase.name === 'checking' && (
        <div className="export-progress" role="status">
          {t('exporter.checking')}
        </div>
      )}
      {phase.name === 'ready' && (
        <section className="export-problems" aria-labelledby="export-ready-title">
          <h2 id="export-ready-title">{t('exporter.readyTitle')}</h2>
          <p>
            {t('exporter.readySummary', {
              entries: phase.outline.entryCount,
              pages: phase.outline.pageCount,
              xlsx: phase.outline.files.xlsx,
              zip: phase.outline.files.zip,
            })}
          </p>
          <NamingReport outline={phase.outline} />
          {phase.leftOut > 0 && (
            <p>
              {t(book.exportSubmitted ? 'exporter.leftOutSubmitted' : 'exporter.leftOutApproved', {
                n: phase.leftOut,
              })}
            </p>
          )}
          <div className="dialog-actions">
            {destinations.map((destination, index) => (
              <button
                key={destination}
                type="button"
                className={index === 0 ? 'primary' : undefined}
                // The officer pressed "Xuất sổ" to get here: the next key press is the choice.
                autoFocus={index === 0}
                onClick={() =>
                  void write(phase.outline, phase.entryIds, phase.leftOut, destination).catch(fail)
                }
              >
                {t(destination === 'folder' ? 'exporter.toFolder' : 'exporter.toDownload')}
              </button>
            ))}
            <button type="button" onClick={cancel}>
              {t('common.cancel')}
            </button>
          </div>
          <ExportHistory bookId={book.id} />
        </section>
      )}
      {(phase.name === 'opening' || phase.name === 'running') && (
        <div className="export-progress" role="status">
          <label>
            {phase.name === 'opening'
              ? t('exporter.opening')
              : t(phase.step === 'write' ? 'exporter.writing' : 'exporter.verifying', {
                  done: phase.done,
                  total: phase.total,
                })}
            {phase.name === 'running' && <progress max={phase.total} value={phase.done} />}
          </label>
          <p>{t('exporter.cancelHint')}</p>
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
      )}
      {phase.name === 'done' && (
        <section className="export-problems" aria-labelledby="export-done-title">
          <h2 id="export-done-title">{t('exporter.doneTitle')}</h2>
          <p>
            {t('exporter.verified', {
              rows: phase.verification.rows,
              pdfs: phase.verification.pdfs,
              pages: phase.verification.pages,
            })}
          </p>
          <p>
            {phase.folder
              ? t('exporter.where', { folder: phase.folder })
              : t('exporter.whereDownloads')}
          </p>
          <p>
            {t('exporter.sizeReport', {
              mean: kB(phase.written.pageBytes.meanBytesPerPage),
              max: kB(phase.written.pageBytes.maxBytesPerPage),
              target: kB(phase.written.pageBytes.targetBytesPerPage),
            })}
          </p>
          {phase.written.pageBytes.imagePagesOverTarget > 0 && (
            <p>{t('exporter.overTarget', { n: phase.written.pageBytes.imagePagesOverTarget })}</p>
          )}
          {phase.written.pageBytes.pagesRebuilt > 0 && (
            <p>{t('exporter.rebuilt', { n: phase.written.pageBytes.pagesRebuilt })}</p>
          )}
          <ExportHistory bookId={book.id} isOpen />
          <button type="button" autoFocus onClick={() => setPhase({ name: 'idle' })}>
            {t('common.close')}
          </button>
        </section>
      )}
      {phase.name === 'mismatch' && (
        <section className="export-problems" role="alert" aria-labelledby="export-mismatch-title">
          <h2 id="export-mismatch-title">{t('exporter.verifyFailedTitle')}</h2>
          <ul>
            {phase.verification.problems.map((problem, index) => (
              <li key={`${problem.check}-${index}`}>
                {t(`exporter.verify.${problem.check}`, problem.params ?? {})}
              </li>
            ))}
          </ul>
          <p>{t('exporter.verifyFailed')}</p>
          <button type="button" autoFocus onClick={() => setPhase({ name: 'idle' })}>
            {t('common.close')}
          </button>
        </section>
      )}
      {phase.name === 'problems' && (
        <section className="export-problems" role="alert" aria-labelledby="export-problems-title">
          <h2 id="export-problems-title">{t('export.blocked', { n: phase.problems.length })}</h2>
          <ul>
            {phase.problems.map((problem, index) => (
              <li key={`${problem.entryId}-${problem.rule}-${problem.field ?? ''}-${index}`}>
                <button
                  type="button"
                  className="link"
                  autoFocus={index === 0}
                  onClick={() =>
                    navigate({ name: 'entry', bookId: book.id, entryId: problem.entryId })
                  }
                >
                  {t('export.problemEntry', { so: problem.so || '?' })}
                </button>{' '}
                {problem.field ? `${fieldLabel(problem.field)}: ` : ''}
                {t(`validation.${problem.rule}`, problem.params ?? {})}
                {problem.severity === 'warning' && ` ${t('export.unconfirmedWarning')}`}
              </li>
            ))}
          </ul>
          <button type="button" onClick={() => setPhase({ name: 'idle' })}>
            {t('common.close')}
          </button>
        </section>
      )}
    </>
  );
}
