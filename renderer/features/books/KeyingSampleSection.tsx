import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import { officerReads, useLiveQuery } from '../../db/reads';
import type { Book } from '../../db/types';
import { useUiStore } from '../../store/ui-store';
import { errorText, useOfficer } from '../officers';

/**
 * A supervisor sends a random share of a trusted keyer's entries of this book, already typed
 * once, to a blind second keying. The draw's seed and the entries drawn are recorded.
 */
export function KeyingSampleSection({ book }: { book: Book }) {
  const { t } = useTranslation();
  const notify = useUiStore((state) => state.notify);
  const officer = useOfficer();
  const people = useLiveQuery(() => officerReads.allOfficers(), []);
  const keyers = (people ?? [])
    .filter((person) => person.active !== false)
    .sort((a, b) => Number(b.trusted === true) - Number(a.trusted === true));
  const [keyerId, setKeyerId] = useState('');
  const [percent, setPercent] = useState('10');
  const [busy, setBusy] = useState(false);
  if (!officer || !can(officer.role, 'review')) return null;

  const draw = async () => {
    const chosen = keyerId || keyers[0]?.id;
    if (!chosen) return;
    setBusy(true);
    try {
      const sample = await repo.drawKeyingSample({
        bookId: book.id,
        keyerId: chosen,
        percent: Number(percent),
      });
      notify(
        'info',
        t('keying.sample.drawn', {
          n: sample.entryIds.length,
          total: sample.candidates,
          seed: sample.seed,
        }),
      );
    } catch (error) {
      notify('error', errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <fieldset className="keying-sample">
      <legend>{t('keying.sample.title')}</legend>
      <p className="hint">{t('keying.sample.hint')}</p>
      <label className="form-grid-row">
        <span>{t('keying.sample.keyer')}</span>
        <select value={keyerId} onChange={(event) => setKeyerId(event.target.value)}>
          {keyers.map((person) => (
            <option key={person.id} value={person.id}>
              {person.trusted ? t('keying.sample.trusted', { name: person.name }) : person.name}
            </option>
          ))}
        </select>
      </label>
      <label className="form-grid-row">
        <span>{t('keying.sample.percent')}</span>
        <input
          type="number"
          min={1}
          max={100}
          value={percent}
          onChange={(event) => setPercent(event.target.value)}
        />
      </label>
      <button type="button" disabled={busy || keyers.length === 0} onClick={() => void draw()}>
        {t('keying.sample.draw')}
      </button>
    </fieldset>
  );
}
