import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import {
  TWINS_REASON,
  warningKey,
  type Acknowledgement,
} from '../../../shared/validation/acknowledgements';
import type { Issue } from '../../../shared/validation/types';
import { issueText } from '../../locales/issue-text';

interface Props {
  id: string;
  /** The field these issues are about: the keyboard goes back there once one is answered. */
  fieldId: string;
  /** The entry shown: a reason being typed belongs to it, not to the next one. */
  entryId: string;
  issues: readonly Issue[];
  acknowledgements: readonly Acknowledgement[];
  onAcknowledge: (issue: Issue, reason: string) => void;
}

/**
 * A field's errors and warnings, shown while it has some; a warning can be kept by giving a
 * reason, which is stored.
 */
export function FieldIssues({
  id,
  fieldId,
  entryId,
  issues,
  acknowledgements,
  onAcknowledge,
}: Props) {
  const { t } = useTranslation();
  const [answeringIn, setAnsweringIn] = useState<{ entryId: string; key: string } | null>(null);
  const answering = answeringIn?.entryId === entryId ? answeringIn.key : null;
  const [reason, setReason] = useState('');
  const setAnswering = (key: string | null) => {
    setAnsweringIn(key ? { entryId, key } : null);
    // A reason started for another entry or warning is not this one's.
    setReason('');
  };

  // The button or reason box that held the keyboard goes away: back to the field, so Enter,
  // Ctrl+Enter and the viewer's keys go on working.
  const backToField = () => document.getElementById(fieldId)?.focus();
  const answered = new Map(acknowledgements.map((ack) => [warningKey(ack), ack]));
  const save = (issue: Issue, text: string) => {
    if (text.trim() === '') return;
    onAcknowledge(issue, text.trim());
    setAnswering(null);
    backToField();
  };

  return (
    <ul id={id} className="field-issues">
      {issues.map((issue, index) => {
        const key = warningKey(issue);
        const ack = issue.severity === 'warning' ? answered.get(key) : undefined;
        // One answer covers every warning of a rule on a field (e.g. two possible duplicates);
        // a warning about a subject (the other entry of a repeated số) has its own answer.
        if (ack && issues.findIndex((other) => warningKey(other) === key) !== index) return null;
        return (
          <li
            key={`${key}-${index}`}
            className={ack ? 'issue-acknowledged' : `issue-${issue.severity}`}
          >
            {issue.rule === 'possibleDuplicate' && issue.params?.otherBook !== undefined
              ? t('duplicates.inOtherBook', issue.params)
              : issueText(t, issue)}
            {ack && <> {t('entry.acknowledged', { reason: ack.reason })}</>}
            {issue.severity === 'warning' && !ack && answering !== key && (
              <>
                {' '}
                <button type="button" className="link" onClick={() => setAnswering(key)}>
                  {t('entry.acknowledge')}
                </button>
                {issue.rule === 'possibleDuplicate' && (
                  <>
                    {' '}
                    <button
                      type="button"
                      className="link"
                      onClick={() => save(issue, TWINS_REASON)}
                    >
                      {t('entry.twins')}
                    </button>
                  </>
                )}
              </>
            )}
            {answering === key && (
              <span className="acknowledge-form">
                <label>
                  {t('entry.reason')}{' '}
                  <input
                    autoFocus
                    value={reason}
                    onChange={(event) => setReason(event.target.value)}
                    onKeyDown={(event) => {
                      // Enter saves the reason here instead of moving to the next field.
                      if (event.key === 'Enter') {
                        event.preventDefault();
                        event.stopPropagation();
                        save(issue, reason);
                      } else if (event.key === 'Escape') {
                        setAnswering(null);
                        backToField();
                      }
                    }}
                  />
                </label>{' '}
                <button type="button" onClick={() => save(issue, reason)} disabled={!reason.trim()}>
                  {t('entry.saveReason')}
                </button>
              </span>
            )}
          </li>
        );
      })}
    </ul>
  );
}
