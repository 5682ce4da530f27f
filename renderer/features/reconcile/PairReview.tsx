// A pair the linker was unsure of, side by side: the entry as typed in SoHoa and the extract's
// row, field by field, the fields that differ marked. A reviewer decides; the decision is
// audited and kept for later extracts.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { navigate } from '../../store/router';
import { repo } from '../../db';
import { WorkflowError } from '../../db/workflow-error';
import { fieldLabel } from '../../locales/field-label';
import type { ReconcilePair } from '../../workers/reconcile-core';
import { diffKeys } from '../../workers/reconcile-fields';
import type { ExtractRow } from '../../workers/reconcile-extract';
import type { EntryInfo } from './session';

export function PairReview({
  pair,
  index,
  total,
  entry,
  row,
  templateVersion,
  onDecided,
}: {
  pair: ReconcilePair;
  index: number;
  total: number;
  entry: EntryInfo | undefined;
  row: ExtractRow | undefined;
  templateVersion: string;
  onDecided: (verdict: 'same' | 'different') => void;
}) {
  const { t } = useTranslation();
  const [message, setMessage] = useState<string | null>(null);
  const [isSaving, setIsSaving] = useState(false);
  const template = getTemplate(templateVersion);
  const keys = diffKeys(templateVersion).filter(
    (key) => (entry?.fields[key] ?? '') !== '' || (row?.fields[key] ?? '') !== '',
  );
  const differing = new Set(pair.differing);
  const label = (key: string) =>
    fieldLabel(t, template.fields.find((field) => field.key === key) ?? { key, label: key });

  const decide = async (verdict: 'same' | 'different') => {
    setIsSaving(true);
    setMessage(null);
    try {
      await repo.decideReconcilePair(pair.sohoaId, pair.extractKey, verdict);
      onDecided(verdict);
    } catch (error) {
      if (error instanceof WorkflowError) setMessage(t('reconcile.review.notAllowed'));
      else throw error;
    } finally {
      setIsSaving(false);
    }
  };

  return (
    <section className="reconcile-pair" aria-labelledby="reconcile-pair-title">
      <h3 id="reconcile-pair-title">{t('reconcile.review.title', { n: index + 1, total })}</h3>
      {pair.isTwin && <p>{t('reconcile.review.twin')}</p>}
      <table className="reconcile-table">
        <thead>
          <tr>
            <th scope="col">{t('reconcile.review.field')}</th>
            <th scope="col">
              {t('reconcile.review.entry', { so: entry?.so ?? '', book: entry?.book ?? '' })}
            </th>
            <th scope="col">{t('reconcile.review.row', { row: row?.row ?? '' })}</th>
          </tr>
        </thead>
        <tbody>
          {keys.map((key) => (
            <tr key={key} className={differing.has(key) ? 'differs' : undefined}>
              <th scope="row">{label(key)}</th>
              <td>{entry?.fields[key]}</td>
              <td>{row?.fields[key]}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {message && <p role="alert">{message}</p>}
      <div className="dialog-actions">
        <button
          type="button"
          className="primary"
          disabled={isSaving}
          onClick={() => void decide('same')}
        >
          {t('reconcile.review.same')}
        </button>
        <button type="button" disabled={isSaving} onClick={() => void decide('different')}>
          {t('reconcile.review.different')}
        </button>
        {entry && (
          <button
            type="button"
            className="link"
            onClick={() => navigate({ name: 'entry', bookId: entry.bookId, entryId: entry.id })}
          >
            {t('reconcile.review.openEntry')}
          </button>
        )}
      </div>
    </section>
  );
}
