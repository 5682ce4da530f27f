import { useTranslation } from 'react-i18next';
import { getTemplate } from '../../../shared/registers';
import { navigate } from '../../store/router';
import { useOfficer, useOfficerNames } from '../officers';
import { BlindNotice } from '../keying';
import { historySteps, showsStatusChange, type HistoryStep } from './history-lines';
import './history.css';
import { fieldLabel } from '../../locales/field-label';
import { auditReads, entryReads, isBlindTo, useLiveQuery } from '../../db/reads';

/** Every step of one entry, from the audit log: who, when, what changed and why. */
export function EntryHistory({ bookId, entryId }: { bookId: string; entryId: string }) {
  const { t } = useTranslation();
  const entry = useLiveQuery(() => entryReads.entryById(entryId), [entryId], null);
  const events = useLiveQuery(() => auditReads.eventsOf(entryId), [entryId]);
  const names = useOfficerNames();
  const officerId = useOfficer()?.id;

  if (entry === null || events === undefined) return null;
  if (entry && isBlindTo(entry, officerId)) return <BlindNotice bookId={bookId} />;
  const template = entry ? getTemplate(entry.templateVersion) : null;
  const labelOf = (key: string) =>
    fieldLabel(t, template?.fields.find((field) => field.key === key) ?? { key, label: key });
  const nameOf = (id: string) =>
    id === '' ? t('history.nobody') : (names?.get(id) ?? t('history.unknownOfficer'));
  const statusOf = (value: string | undefined) =>
    t(`entry.status.${value ?? ''}`, { defaultValue: value ?? '' });

  const details = (step: HistoryStep) => {
    if (step.action === 'edit') {
      return (
        <ul className="history-changes">
          {step.changes.map((change) => (
            <li key={change.field}>
              {t('history.change', {
                field: labelOf(change.field),
                from: change.oldValue || t('history.emptyValue'),
                to: change.newValue || t('history.emptyValue'),
              })}
            </li>
          ))}
        </ul>
      );
    }
    return (
      <>
        {step.reason && (
          <p className="history-reason">{t('history.reason', { reason: step.reason })}</p>
        )}
        {showsStatusChange(step.action) && (
          <p>
            {t('history.statusChange', {
              from: statusOf(step.oldValue),
              to: statusOf(step.newValue),
            })}
          </p>
        )}
        {step.changes.length > 0 && (
          <ul className="history-changes">
            {step.changes.map((change) => (
              <li key={change.field}>
                {t('history.comment', { field: labelOf(change.field), text: change.newValue })}
              </li>
            ))}
          </ul>
        )}
      </>
    );
  };

  // Until the entry is settled its second keying stays unseen, by the first keyer too: the
  // two keyings are compared only while neither could follow the other.
  const unsettled = entry?.status === 'keyedOnce' || entry?.status === 'keyedTwice';
  const steps = historySteps(
    unsettled ? events.filter((event) => event.action !== 'keying') : events,
  );
  return (
    <div className="history">
      <div className="workspace-toolbar">
        <a
          href={`#/books/${bookId}/entries/${entryId}`}
          onClick={(event) => {
            event.preventDefault();
            navigate({ name: 'entry', bookId, entryId });
          }}
        >
          {t('history.backToEntry')}
        </a>
        <h1>{t('history.title', { so: entry?.fields.so ?? '' })}</h1>
      </div>
      {steps.length === 0 ? (
        <p className="empty">{t('history.none')}</p>
      ) : (
        <table className="history-table" aria-label={t('history.tableLabel')}>
          <thead>
            <tr>
              <th scope="col">{t('history.columns.at')}</th>
              <th scope="col">{t('history.columns.by')}</th>
              <th scope="col">{t('history.columns.action')}</th>
              <th scope="col">{t('history.columns.details')}</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((step, index) => (
              <tr key={`${step.at}-${index}`} className={`history-${step.action}`}>
                <td>{new Date(step.at).toLocaleString('vi-VN')}</td>
                <td>{nameOf(step.by)}</td>
                <td>{t(`history.actions.${step.action}`, { defaultValue: step.action })}</td>
                <td>{details(step)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}
