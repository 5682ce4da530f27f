import { useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { entryShortcuts } from './shortcuts';

/** The F1 sheet: every key the workspace answers to, in one list. */
export function ShortcutSheet({
  open,
  onClose,
  extra,
}: {
  open: boolean;
  onClose: () => void;
  extra: { keys: string; actionKey: string }[];
}) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) dialog.showModal();
    if (!open && dialog.open) dialog.close();
  }, [open]);
  return (
    <dialog ref={ref} className="dialog" aria-labelledby="shortcuts-title" onClose={onClose}>
      <h2 id="shortcuts-title">{t('shortcuts.title')}</h2>
      <table className="data-table">
        <tbody>
          {[...entryShortcuts, ...extra].map((shortcut) => (
            <tr key={shortcut.keys}>
              <th scope="row">
                <kbd>{shortcut.keys}</kbd>
              </th>
              <td>{t(shortcut.actionKey)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
}
