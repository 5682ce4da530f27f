import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { BundleProblem } from '../../../shared/bundle/plan';
import { fieldByKey, getTemplate } from '../../../shared/registers';
import { navigate } from '../../app/router';
import { repo } from '../../db';
import type { Book } from '../../db/types';
import { platform } from '../../platform/platform';
import { useUiStore } from '../../store/ui-store';
import type { BuiltBundle, WorkerMessage } from '../../workers/export-protocol';
import { collectExport } from './collect';

type Phase =
  | { name: 'idle' }
  | { name: 'running'; done: number; total: number }
  | { name: 'problems'; problems: BundleProblem[] };

export function ExportButton({ book }: { book: Book }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const [phase, setPhase] = useState<Phase>({ name: 'idle' });
  const workerRef = useRef<Worker | null>(null);
  const template = getTemplate(book.templateVersion);

  const save = async (bundle: BuiltBundle, entryIds: string[]) => {
    const saved = await platform.saveBundle({
      folderName: bundle.stem,
      files: [bundle.xlsx, bundle.zip],
    });
    if (!saved.ok) {
      if (saved.error.code !== 'cancelled')
        notify(
          'error',
          t(`export.saveErrors.${saved.error.code}`, { detail: saved.error.message }),
        );
      return;
    }
    await repo.recordExport({ bookId: book.id, entryIds, files: saved.value.files });
    if (!template.importable) notify('info', t('export.notImportable'));
    notify(
      'info',
      t('export.done', {
        files: saved.value.files.map((file) => file.name).join(', '),
        n: bundle.pdfNames.length,
      }),
    );
  };

  const start = async () => {
    setPhase({ name: 'running', done: 0, total: 1 });
    const request = await collectExport(book);
    if (request.entries.length === 0) {
      setPhase({ name: 'idle' });
      notify('error', t('export.noEntries'));
      return;
    }
    const worker = new Worker(new URL('../../workers/export.worker.ts', import.meta.url), {
      type: 'module',
    });
    workerRef.current = worker;
    worker.onmessage = (event: MessageEvent<WorkerMessage>) => {
      const message = event.data;
      if (message.type === 'progress') {
        setPhase({ name: 'running', done: message.done, total: message.total });
        return;
      }
      worker.terminate();
      workerRef.current = null;
      if (message.type === 'failed') {
        setPhase({ name: 'idle' });
        notify('error', t('export.failed', { detail: message.message }));
      } else if (!message.result.ok) {
        setPhase({ name: 'problems', problems: message.result.problems });
      } else {
        setPhase({ name: 'idle' });
        void save(
          message.result.bundle,
          request.entries.map((entry) => entry.id),
        );
      }
    };
    worker.onerror = (event) => {
      worker.terminate();
      workerRef.current = null;
      setPhase({ name: 'idle' });
      notify('error', t('export.failed', { detail: event.message }));
    };
    worker.postMessage(request);
  };

  const cancel = () => {
    workerRef.current?.terminate();
    workerRef.current = null;
    setPhase({ name: 'idle' });
    notify('info', t('export.cancelled'));
  };

  const fieldLabel = (key: string | undefined) =>
    key ? t(`fieldLabels.${key}`, { defaultValue: fieldByKey(template, key)?.label ?? key }) : '';

  return (
    <>
      <button
        type="button"
        className="primary"
        onClick={() =>
          void start().catch((error: unknown) => {
            setPhase({ name: 'idle' });
            notify('error', t('export.failed', { detail: String(error) }));
          })
        }
        disabled={phase.name === 'running'}
      >
        {t('export.button')}
      </button>
      {phase.name === 'running' && (
        <div className="export-progress" role="status">
          <label>
            {t('export.progress', { done: phase.done, total: phase.total })}
            <progress max={phase.total} value={phase.done} />
          </label>
          <button type="button" onClick={cancel}>
            {t('common.cancel')}
          </button>
        </div>
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
