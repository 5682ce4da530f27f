import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { RegisterTemplate } from '../../../shared/registers/types';
import type { FieldComment } from '../../db/types';
import { useCheckText } from './ReviewEntryDetails';
import type { ReviewCheck } from './review-checks';
import { displayValue, reviewGroups } from './review-fields';
import { fieldLabel } from '../../locales/field-label';

interface Props {
  template: RegisterTemplate;
  fields: Record<string, string>;
  comments: FieldComment[];
  /** The field whose comment box is open. */
  commenting: string | null;
  onComment: (field: string, text: string) => void;
  onCancelComment: () => void;
  /** The entry's errors and warnings, each shown beside its field. */
  checks: readonly ReviewCheck[] | undefined;
  nameOf: (id: string | undefined) => string;
}

/** The entry's fields, read-only, each one focusable so C comments on the one in focus. */
export function ReviewFields({
  template,
  fields,
  comments,
  commenting,
  onComment,
  onCancelComment,
  checks,
  nameOf,
}: Props) {
  const { t } = useTranslation();
  const checkText = useCheckText();
  return (
    <div className="review-fields">
      {reviewGroups(template, fields).map(([group, shown]) => (
        <fieldset key={group}>
          <legend>{t(`groups.${group}`)}</legend>
          <div className="fields">
            {shown.map(({ field, value }) => {
              const label = fieldLabel(t, field);
              const comment = comments.find((candidate) => candidate.field === field.key);
              return (
                <div
                  key={field.key}
                  className={comment ? 'review-field has-comment' : 'review-field'}
                  role="group"
                  aria-label={label}
                  tabIndex={0}
                  data-review-field={field.key}
                >
                  <span className="field-label">{label}</span>
                  <span className={value ? 'review-value' : 'review-value is-empty'}>
                    {value ? displayValue(field, value) : t('review.emptyValue')}
                  </span>
                  {checks
                    ?.filter((check) => check.issue.field === field.key)
                    .map((check, index) => (
                      <span key={index} className={`review-check review-check-${check.state}`}>
                        {checkText(check, nameOf)}
                      </span>
                    ))}
                  {comment && commenting !== field.key && (
                    <span className="review-comment">
                      {t('review.commentShown', { text: comment.text })}
                    </span>
                  )}
                  {commenting === field.key && (
                    <CommentBox
                      label={t('review.commentLabel', { field: label })}
                      initial={comment?.text ?? ''}
                      onSave={(text) => onComment(field.key, text)}
                      onCancel={onCancelComment}
                    />
                  )}
                </div>
              );
            })}
          </div>
        </fieldset>
      ))}
    </div>
  );
}

function CommentBox({
  label,
  initial,
  onSave,
  onCancel,
}: {
  label: string;
  initial: string;
  onSave: (text: string) => void;
  onCancel: () => void;
}) {
  const [text, setText] = useState(initial);
  return (
    <input
      className="review-comment-input"
      aria-label={label}
      ref={(input) => input?.focus()}
      value={text}
      onChange={(event) => setText(event.target.value)}
      onKeyDown={(event) => {
        if (event.key === 'Enter') {
          event.preventDefault();
          onSave(text);
        } else if (event.key === 'Escape') {
          event.preventDefault();
          onCancel();
        }
      }}
    />
  );
}
