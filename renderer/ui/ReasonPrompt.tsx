import { useState } from 'react';
import { useUiStore } from '../store/ui-store';

interface Props {
  /** Names the group for screen readers ("Hủy trường hợp", "Mở lại để sửa"). */
  groupLabel: string;
  className: string;
  /** What happens, in a sentence above the box. */
  explain: string;
  label: string;
  confirmLabel: string;
  cancelLabel: string;
  /** Said when Enter is pressed on an empty box. */
  reasonRequired: string;
  onConfirm: (reason: string) => void | Promise<void>;
  onCancel: () => void;
}

/**
 * A reason asked for before a step the trail must explain (voiding, restoring, reopening): the
 * box takes the keyboard, Enter confirms once something is written, Escape steps back. Enter
 * neither walks the form around it nor submits it.
 */
export function ReasonPrompt(props: Props) {
  const notify = useUiStore((state) => state.notify);
  const [reason, setReason] = useState('');
  const hasReason = reason.trim() !== '';
  const confirm = () => void props.onConfirm(reason.trim());
  return (
    <div className={props.className} role="group" aria-label={props.groupLabel}>
      <p>{props.explain}</p>
      <label>
        {props.label}{' '}
        <input
          autoFocus
          value={reason}
          onChange={(event) => setReason(event.target.value)}
          onKeyDown={(event) => {
            if (event.key === 'Enter') {
              event.preventDefault();
              event.stopPropagation();
              if (hasReason) confirm();
              else notify('error', props.reasonRequired);
            } else if (event.key === 'Escape') {
              event.preventDefault();
              props.onCancel();
            }
          }}
        />
      </label>{' '}
      <button type="button" disabled={!hasReason} onClick={confirm}>
        {props.confirmLabel}
      </button>{' '}
      <button type="button" onClick={props.onCancel}>
        {props.cancelLabel}
      </button>
    </div>
  );
}
