// "Đối chiếu": an extract of the Ministry's system, or of the population database with its
// columns mapped by the officer, read in a worker and previewed, then linked against every book
// of its register type on this PC, with progress and a stop button. Nothing is written before
// the officer confirms: then the mapping is kept, and a reviewer's decisions on pairs.
import { startTransition, useEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guessColumns, type SavedColumns } from '../../../shared/reconcile/columns';
import { registerTypes } from '../../../shared/registers';
import { repo, session as signedIn } from '../../db';
import {
  readBooksOfType,
  readReconcileDecisions,
  readSavedColumns,
  type BookEntries,
} from '../../db/queries/reconcile';
import type { ExtractProblem, Extract, SheetColumns } from '../../workers/reconcile-extract';
import { ColumnMapper } from './ColumnMapper';
import { ExtractPreview } from './ExtractPreview';
import { problemText } from './problem-text';
import { ReconcileResults } from './ReconcileResults';
import { runInWorker, type Progress } from './run-worker';
import { keepSession, keptSession, type ReconcileSession } from './session';
import './reconcile.css';

/** How a file in columns of its own is read: its columns and the officer's mapping of them. */
interface Mapped {
  file: File;
  columns: SheetColumns;
  saved: SavedColumns;
  /** The mapping was kept from an earlier file with the same header row. */
  isFromSaved: boolean;
}

type Phase =
  | { name: 'idle' }
  | { name: 'reading' }
  | { name: 'refused'; problem: ExtractProblem }
  | ({ name: 'mapping' } & Mapped)
  | { name: 'preview'; extract: Extract; books: BookEntries[]; mapped?: Mapped }
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

  /** Reads the file in the worker, through the officer's mapping when there is one. */
  const readFile = async (file: File, saved?: SavedColumns) => {
    setError(null);
    setPhase({ name: 'reading' });
    const bytes = await file.arrayBuffer();
    const job = runInWorker(
      { kind: 'read', bytes, ...(saved ? { saved } : {}) },
      'extract',
      undefined,
      [bytes],
    );
    cancelRef.current = job.cancel;
    const { result } = await job.result;
    cancelRef.current = null;
    return result;
  };

  const read = async (file: File) => {
    const result = await readFile(file);
    if (result.ok) {
      const books = await readBooksOfType(result.extract.type, signedIn.officer()?.id);
      setPhase({ name: 'preview', extract: result.extract, books });
    } else if (result.columns) {
      const { columns } = result;
      const kept = await readSavedColumns(columns.headers);
      if (kept) await readMapped({ file, columns, saved: kept, isFromSaved: true });
      else {
        const type = registerTypes[0]?.type ?? 'KS';
        const saved = {
          type,
          headers: columns.headers,
          columns: guessColumns(type, columns.headers),
        };
        setPhase({ name: 'mapping', file, columns, saved, isFromSaved: false });
      }
    } else {
      setPhase({ name: 'refused', problem: result.problem });
    }
  };

  const readMapped = async (mapped: Mapped) => {
    const result = await readFile(mapped.file, mapped.saved);
    if (result.ok) {
      const books = await readBooksOfType(result.extract.type, signedIn.officer()?.id);
      setPhase({ name: 'preview', extract: result.extract, books, mapped });
    } else if (result.columns) {
      // The header row is not the one the mapping was kept for: map this file's columns.
      const { headers } = result.columns;
      const saved = {
        type: mapped.saved.type,
        headers,
        columns: guessColumns(mapped.saved.type, headers),
      };
      setPhase({ name: 'mapping', ...mapped, columns: result.columns, saved, isFromSaved: false });
    } else {
      setPhase({ name: 'refused', problem: result.problem });
    }
  };

  const link = async (extract: Extract, books: BookEntries[], mapped?: Mapped) => {
    setPhase({ name: 'linking', progress: null });
    if (mapped) await repo.saveExtractColumns(mapped.saved);
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
    // Drawn in slices: the result's lists and tables for 20,000 entries would otherwise hold the
    // window for a fifth of a second in one piece.
    startTransition(() => setPhase({ name: 'done', session: { extract, books, result } }));
  };

  /** What the worker is at: preparing both sides, linking the entries, or finding duplicates. */
  const linkingText = (progress: Progress | null) => {
    const counts = { done: progress?.done ?? 0, total: progress?.total ?? 0 };
    if (progress?.phase === 'link') return t('reconcile.linking', counts);
    if (progress?.phase === 'duplicates') return t('reconcile.findingDuplicates', counts);
    return t('reconcile.preparing', counts);
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
          ) : (
            <>
              <p>{linkingText(phase.progress)}</p>
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
      {phase.name === 'mapping' && (
        <ColumnMapper
          columns={phase.columns}
          saved={phase.saved}
          isFromSaved={phase.isFromSaved}
          onChange={(saved) => setPhase({ ...phase, saved })}
          onConfirm={() => void readMapped(phase).catch(fail)}
          chooseOther={chooseButton(t('reconcile.preview.other'))}
        />
      )}
      {phase.name === 'preview' && (
        <ExtractPreview
          extract={phase.extract}
          books={phase.books}
          typeName={typeName(phase.extract.type)}
          isFromSaved={phase.mapped?.isFromSaved ?? false}
          onConfirm={() => void link(phase.extract, phase.books, phase.mapped).catch(fail)}
          {...(phase.mapped
            ? { changeMapping: () => setPhase({ name: 'mapping', ...(phase.mapped as Mapped) }) }
            : {})}
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
