// "Đối chiếu": an extract of the Ministry's system read in a worker and previewed, then linked
// against every book of its register type on this PC, with progress and a stop button. Nothing
// is written until a reviewer decides a pair.
import { useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { registerTypes } from '../../../shared/registers';
import {
  readBooksOfType,
  readReconcileDecisions,
  type BookEntries,
} from '../../db/queries/reconcile';
import type { ExtractProblem, Extract } from '../../workers/reconcile-extract';
import { problemText } from './problem-text';
import { ReconcileResults } from './ReconcileResults';
import { runInWorker, type Progress } from './run-worker';
import { keepSession, keptSession, mainNameOf, type ReconcileSession } from './session';
import './reconcile.css';

type Phase =
  | { name: 'idle' }
  | { name: 'reading' }
  | { name: 'refused'; problem: ExtractProblem }
  | { name: 'preview'; extract: Extract; books: BookEntries[] }
  | { name: 'linking'; progress: Progress | null }
  | { name: 'done'; session: ReconcileSession };

export function ReconcileScreen() {
  const { t } = useTranslation();
  const [phase, setPhase] = useState<Phase>(() => {
    const session = keptSession();
    return session ? { name: 'done', session } : { name: 'idle' };
  });
  useEffect(() => keepSession(phase.name === 'done' ? phase.session : null), [phase]);
  const [error, setError] = useState<string | null>(null);
  const inputRef = useRef<HTMLInputElement>(null);
  const cancelRef = useRef<(() => void) | null>(null);
  useEffect(() => () => cancelRef.current?.(), []);

  const typeName = (type: string) => registerTypes.find((info) => info.type === type)?.name ?? type;

  const fail = (cause: unknown) => {
    cancelRef.current = null;
    setPhase({ name: 'idle' });
    setError(
      t('reconcile.failed', { detail: cause instanceof Error ? cause.message : String(cause) }),
    );
  };

  const read = async (file: File) => {
    setError(null);
    setPhase({ name: 'reading' });
    const bytes = await file.arrayBuffer();
    const job = runInWorker({ kind: 'read', bytes }, 'extract', undefined, [bytes]);
    cancelRef.current = job.cancel;
    const { result } = await job.result;
    cancelRef.current = null;
    if (!result.ok) {
      setPhase({ name: 'refused', problem: result.problem });
      return;
    }
    const books = await readBooksOfType(result.extract.type);
    setPhase({ name: 'preview', extract: result.extract, books });
  };

  const link = async (extract: Extract, books: BookEntries[]) => {
    setPhase({ name: 'linking', progress: null });
    const decisions = await readReconcileDecisions();
    const job = runInWorker(
      {
        kind: 'link',
        input: {
          type: extract.type,
          templateVersion: extract.templateVersion,
          sohoa: books.flatMap((item) => item.entries),
          extract: extract.rows.map(({ key, fields }) => ({ key, fields })),
          decisions: decisions.map((d) => [d.sohoaId, d.extractKey, d.verdict]),
        },
      },
      'linked',
      (progress) => setPhase({ name: 'linking', progress }),
    );
    cancelRef.current = job.cancel;
    const { result } = await job.result;
    cancelRef.current = null;
    setPhase({ name: 'done', session: { extract, books, result } });
  };

  const stop = () => {
    cancelRef.current?.();
    cancelRef.current = null;
    setPhase({ name: 'idle' });
    setError(t('reconcile.cancelled'));
  };

  const chooseButton = (label: string, autoFocus = false) => (
    <button type="button" autoFocus={autoFocus} onClick={() => inputRef.current?.click()}>
      {label}
    </button>
  );

  return (
    <div className="reconcile">
      <div className="workspace-toolbar">
        <a href="#/">{t('books.backToList')}</a>
        <h1>{t('reconcile.title')}</h1>
      </div>
      <input
        ref={inputRef}
        type="file"
        accept=".xlsx,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
        hidden
        aria-label={t('reconcile.choose')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) read(file).catch(fail);
        }}
      />
      {error && <p role="status">{error}</p>}
      {phase.name === 'idle' && (
        <section>
          <p>{t('reconcile.intro')}</p>
          {chooseButton(t('reconcile.choose'))}
        </section>
      )}
      {(phase.name === 'reading' || phase.name === 'linking') && (
        <section role="status" className="reconcile-progress">
          {phase.name === 'reading' ? (
            <p>{t('reconcile.reading')}</p>
          ) : phase.progress?.phase === 'duplicates' ? (
            <p>{t('reconcile.findingDuplicates')}</p>
          ) : (
            <>
              <p>
                {t('reconcile.linking', {
                  done: phase.progress?.done ?? 0,
                  total: phase.progress?.total ?? 0,
                })}
              </p>
              <progress max={phase.progress?.total ?? 1} value={phase.progress?.done ?? 0} />
            </>
          )}
          <button type="button" onClick={stop}>
            {t('reconcile.cancel')}
          </button>
        </section>
      )}
      {phase.name === 'refused' && (
        <section role="alert" className="reconcile-refused">
          <h2>{t('reconcile.problems.title')}</h2>
          <p>{problemText(phase.problem, t)}</p>
          {chooseButton(t('reconcile.preview.other'), true)}
        </section>
      )}
      {phase.name === 'preview' && (
        <ExtractPreview
          extract={phase.extract}
          books={phase.books}
          typeName={typeName(phase.extract.type)}
          onConfirm={() => void link(phase.extract, phase.books).catch(fail)}
          chooseOther={chooseButton(t('reconcile.preview.other'))}
        />
      )}
      {phase.name === 'done' && (
        <ReconcileResults
          session={phase.session}
          onChange={(session) => setPhase({ name: 'done', session })}
          again={chooseButton(t('reconcile.results.again'))}
        />
      )}
    </div>
  );
}

function ExtractPreview({
  extract,
  books,
  typeName,
  onConfirm,
  chooseOther,
}: {
  extract: Extract;
  books: BookEntries[];
  typeName: string;
  onConfirm: () => void;
  chooseOther: React.ReactNode;
}) {
  const { t } = useTranslation();
  const nameKey = mainNameOf(extract);
  const converted = extract.converted.tcvn3 + extract.converted.vni;
  const entries = books.reduce((sum, item) => sum + item.entries.length, 0);
  return (
    <section aria-labelledby="reconcile-preview-title">
      <h2 id="reconcile-preview-title">{t('reconcile.preview.title')}</h2>
      <p>
        {t('reconcile.preview.summary', {
          type: typeName,
          version: extract.templateVersion,
          sheet: extract.sheetName,
          n: extract.rows.length,
        })}
      </p>
      {converted > 0 && <p>{t('reconcile.preview.converted', { n: converted })}</p>}
      {extract.missing.length > 0 && (
        <p>{t('reconcile.preview.missing', { n: extract.missing.length })}</p>
      )}
      <table className="reconcile-table">
        <caption>{t('reconcile.preview.sample')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('reconcile.preview.row')}</th>
            <th scope="col">{t('reconcile.report.so')}</th>
            <th scope="col">{t('reconcile.report.date')}</th>
            <th scope="col">{t('reconcile.report.name')}</th>
          </tr>
        </thead>
        <tbody>
          {extract.sample.map((row) => (
            <tr key={row.key}>
              <td>{row.row}</td>
              <td>{row.fields.so}</td>
              <td>{row.fields.ngayDangKy}</td>
              <td>{row.fields[nameKey]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {books.length === 0 ? (
        <p role="alert">{t('reconcile.preview.noBooks', { type: typeName })}</p>
      ) : (
        <div className="dialog-actions">
          <button type="button" className="primary" autoFocus onClick={onConfirm}>
            {t('reconcile.preview.confirm', { type: typeName, books: books.length, entries })}
          </button>
          {chooseOther}
        </div>
      )}
    </section>
  );
}
