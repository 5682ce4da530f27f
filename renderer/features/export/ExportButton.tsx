import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleProblem } from '../../../shared/bundle/plan';
import { getTemplate } from '../../../shared/registers';
import { navigate } from '../../store/router';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { platform, type BundleDestination } from '../../platform/platform';
import { useUiStore } from '../../store/ui-store';
import type { BundleOutline, Verification, WrittenBundle } from '../../workers/export-protocol';
import { collectExport } from './collect';
import { ExportJob } from './export-job';
import {
  canLeaveOut,
  gateReadyEntries,
  inBookOrder,
  isVoidedOnly,
  type ExportScope,
  type HeldBack,
} from './export-rule';
import { ExportDone, ExportMismatch, ExportProgress } from './ExportOutcome';
import { ExportHistory } from './ExportHistory';
import { HeldBackList, ScopeChoice, useProblemText } from './ExportScope';
import { NamingReport } from './NamingReport';
import { holdPreparation, PreparationNote } from '../prepare';
import { bridgeErrorText } from '../../locales/bridge-error';

/** What the check found writable, and what it left out and why. */
interface Ready {
  scope: ExportScope;
  outline: BundleOutline;
  entryIds: string[];
  revisions: Record<string, number>;
  held: HeldBack[];
  alreadyExported: number;
  hasEarlierExports: boolean;
}

type Phase =
  | { name: 'idle' }
  | { name: 'checking' }
  | { name: 'problems'; scope: ExportScope; problems: BundleProblem[]; held: HeldBack[] }
  | ({ name: 'ready' } & Ready)
  | { name: 'opening' }
  | { name: 'running'; step: 'write' | 'verify'; done: number; total: number }
  | {
      name: 'done';
      written: WrittenBundle;
      verification: Verification;
      folder: string;
      held: HeldBack[];
    }
  | { name: 'mismatch'; verification: Verification };

/** `only`: export just these entries of the book, under the button's own label. */
export function ExportButton({
  book,
  only,
}: {
  book: Book;
  only?: { ids: ReadonlySet<string>; label: string };
}) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  // Whether the last check came from the scope choice: the choice keeps the focus then.
  const [isScopeFocused, setIsScopeFocused] = useState(false);
  // A closed panel hands the keyboard back to "Xuất sổ", once it is enabled again.
  const shouldRefocusRef = useRef(false);
  const buttonRef = useRef<HTMLButtonElement>(null);
  const jobRef = useRef<ExportJob | null>(null);
  // Lets page preparation go on once the export ends, however it ends (a cancelled run never
  // settles).
  const releaseRef = useRef<() => void>(() => undefined);
  const template = getTemplate(book.templateVersion);
  // Leaving the book mid-export is a cancel: the worker stops and its temp files go.
  useEffect(
    () => () => {
      void jobRef.current?.cancel();
      jobRef.current = null;
      releaseRef.current();
    },
    [],
  );
  useEffect(() => {
    if (!shouldRefocusRef.current || phase.name !== 'idle') return;
    shouldRefocusRef.current = false;
    buttonRef.current?.focus();
  }, [phase.name]);

  const closePanel = () => {
    shouldRefocusRef.current = true;
    setPhase({ name: 'idle' });
  };

  const fail = (error: unknown) => {
    releaseRef.current();
    void jobRef.current?.cancel();
    jobRef.current = null;
    setPhase({ name: 'idle' });
    notify(
      'error',
      t('export.failed', { detail: error instanceof Error ? error.message : String(error) }),
    );
  };

  const check = async (scope: ExportScope, fromScopeChoice = false) => {
    setIsScopeFocused(fromScopeChoice);
    setPhase({ name: 'checking' });
    const collected = await collectExport(book, scope, only?.ids);
    const { request } = collected;
    if (request.entries.length === 0) {
      setPhase({ name: 'idle' });
      // Voided entries are not the book's: named apart, and not counted as waiting.
      const voided = collected.held.filter(isVoidedOnly).length;
      const leftOut = collected.held.length - voided;
      if (voided > 0) notify('info', t('exportScope.voidedLeftOut', { n: voided }));
      const notInLog = collected.held.filter((entry) =>
        entry.reasons.some((reason) => reason.kind === 'approvalNotInLog'),
      );
      if (notInLog.length > 0) {
        notify(
          'error',
          t('exporter.approvalsNotInLog', {
            n: notInLog.length,
            entries: notInLog.map((entry) => entry.so || '?').join(', '),
          }),
        );
      }
      // Entries typed but not yet approved (or submitted) are not "no entries": say so.
      notify(
        'error',
        scope === 'notExported' && collected.alreadyExported > 0
          ? t('exportScope.nothingNew', { n: leftOut })
          : leftOut === 0
            ? t('export.noEntries')
            : t(book.exportSubmitted ? 'exporter.noneSubmitted' : 'exporter.noneApproved', {
                n: leftOut,
              }),
      );
      return;
    }
    const job = new ExportJob();
    jobRef.current = job;
    const stop = async (problems: BundleProblem[], held: HeldBack[]) => {
      await job.cancel();
      jobRef.current = null;
      setPhase({ name: 'problems', scope, problems, held: inBookOrder(held) });
    };
    let ready: Omit<Ready, 'scope' | 'alreadyExported' | 'hasEarlierExports' | 'revisions'>;
    if (scope === 'whole') {
      // All or nothing: an entry not ready stops the book as surely as a wrong field.
      const gate = await job.gate(request);
      if (jobRef.current !== job) return;
      // A voided entry is not part of the book: it is listed as left out, and stops nothing.
      const voided = collected.held.filter(isVoidedOnly);
      if (!gate.ok || collected.held.length > voided.length) {
        await stop(gate.ok ? [] : gate.problems, collected.held);
        return;
      }
      ready = {
        outline: gate.outline,
        entryIds: request.entries.map((e) => e.id),
        held: inBookOrder(voided),
      };
    } else {
      const gated = await gateReadyEntries(request.entries, (entries) =>
        job.gate({ ...request, entries }),
      );
      if (jobRef.current !== job) return;
      const held = [...collected.held, ...gated.held];
      if (!gated.ok) {
        await stop(gated.problems, held);
        return;
      }
      ready = { outline: gated.result.outline, entryIds: gated.entryIds, held: inBookOrder(held) };
    }
    setPhase({
      name: 'ready',
      scope,
      ...ready,
      revisions: Object.fromEntries(ready.entryIds.map((id) => [id, collected.revisions[id] ?? 0])),
      alreadyExported: collected.alreadyExported,
      hasEarlierExports: collected.hasEarlierExports,
    });
  };

  const write = async (ready: Ready, destination: BundleDestination) => {
    const job = jobRef.current;
    if (!job) return;
    const { outline } = ready;
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
      if (opened.error.code !== 'cancelled') {
        notify('error', bridgeErrorText(opened.error));
      }
      setIsScopeFocused(false);
      setPhase({ name: 'ready', ...ready });
      return;
    }
    setPhase({ name: 'running', step: 'write', done: 0, total: outline.entryCount + 1 });
    // The export has the CPU to itself: preparing pauses between pages until it ends.
    const release = holdPreparation();
    releaseRef.current = release;
    const outcome = await job
      .run(opened.value, outline, (step, done, total) => {
        if (jobRef.current === job) setPhase({ name: 'running', step, done, total });
      })
      .finally(release);
    if (jobRef.current !== job) return;
    jobRef.current = null;
    if (outcome.kind === 'refused') {
      setPhase({ name: 'idle' });
      notify('error', bridgeErrorText(outcome.error));
      return;
    }
    if (outcome.kind === 'mismatch') {
      setPhase({ name: 'mismatch', verification: outcome.verification });
      return;
    }
    const { written, verification, saved } = outcome;
    await repo.recordExport({
      bookId: book.id,
      entryIds: ready.entryIds,
      revisions: ready.revisions,
      // A chosen set of entries is never the whole book.
      scope: only && ready.scope === 'whole' ? 'ready' : ready.scope,
      heldBack: ready.held.map((entry) => entry.entryId),
      files: written.files.map(({ name, bytes, sha256 }) => ({ name, bytes, sha256 })),
      folder: saved.folder,
      verified: { rows: verification.rows, pdfs: verification.pdfs, pages: verification.pages },
    });
    setPhase({ name: 'done', written, verification, folder: saved.folder, held: ready.held });
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
    releaseRef.current();
    const job = jobRef.current;
    jobRef.current = null;
    const wasWriting = phase.name === 'running' || phase.name === 'opening';
    shouldRefocusRef.current = true;
    setPhase({ name: 'idle' });
    void job?.cancel().then(() => {
      if (wasWriting) notify('info', t('export.cancelled'));
    });
  };

  const problemText = useProblemText(template);
  const destinations = platform.bundleDestinations();
  const isBusy = phase.name === 'checking' || phase.name === 'opening' || phase.name === 'running';

  return (
    <>
      <button
        ref={buttonRef}
        type="button"
        className="primary"
        onClick={() => void check('whole').catch(fail)}
        disabled={isBusy || phase.name === 'ready'}
      >
        {only?.label ?? t('export.button')}
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
          <PreparationNote bookId={book.id} />
          <ScopeChoice
            scope={phase.scope}
            hasEarlierExports={phase.hasEarlierExports}
            isFocused={isScopeFocused}
            onChoose={(scope) => void check(scope, true).catch(fail)}
          />
          {phase.alreadyExported > 0 && (
            <p>{t('exportScope.alreadyExported', { n: phase.alreadyExported })}</p>
          )}
          {phase.held.length > 0 && (
            <>
              <p id="export-held-title">{t('exportScope.heldTitle', { n: phase.held.length })}</p>
              <HeldBackList
                bookId={book.id}
                held={phase.held}
                template={template}
                exportSubmitted={book.exportSubmitted === true}
                label={t('exportScope.heldTitle', { n: phase.held.length })}
              />
            </>
          )}
          <div className="dialog-actions">
            {destinations.map((destination, index) => (
              <button
                key={destination}
                type="button"
                className={index === 0 ? 'primary' : undefined}
                // The officer pressed "Xuất sổ" to get here: the next key press is the choice.
                autoFocus={index === 0 && !isScopeFocused}
                onClick={() => void write(phase, destination).catch(fail)}
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
      {phase.name === 'opening' && <ExportProgress onCancel={cancel} />}
      {phase.name === 'running' && <ExportProgress running={phase} onCancel={cancel} />}
      {phase.name === 'done' && (
        <ExportDone
          book={book}
          written={phase.written}
          verification={phase.verification}
          folder={phase.folder}
          held={phase.held}
          onClose={closePanel}
        />
      )}
      {phase.name === 'mismatch' && (
        <ExportMismatch verification={phase.verification} onClose={closePanel} />
      )}
      {phase.name === 'problems' && (
        <section className="export-problems" role="alert" aria-labelledby="export-problems-title">
          <h2 id="export-problems-title">
            {t('export.blocked', { n: phase.problems.length + phase.held.length })}
          </h2>
          {phase.problems.length > 0 && (
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
                  {problemText(problem)}
                </li>
              ))}
            </ul>
          )}
          <HeldBackList
            bookId={book.id}
            held={phase.held}
            template={template}
            exportSubmitted={book.exportSubmitted === true}
            isFirstFocused={phase.problems.length === 0}
          />
          {phase.scope !== 'ready' && canLeaveOut(phase) && <p>{t('exportScope.readyHint')}</p>}
          <div className="dialog-actions">
            {phase.scope !== 'ready' && canLeaveOut(phase) && (
              <button type="button" onClick={() => void check('ready').catch(fail)}>
                {t('exportScope.exportReady')}
              </button>
            )}
            <button type="button" onClick={closePanel}>
              {t('common.close')}
            </button>
          </div>
        </section>
      )}
    </>
  );
}
