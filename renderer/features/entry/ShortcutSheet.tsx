import { memo, useEffect, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import { entryShortcuts } from './shortcuts';

interface Shortcut {
  keys: string;
  actionKey: string;
}

/**
 * The F1 sheet: every key the workspace answers to, in one list, then the keys of other screens
 * of the book (the second keying, the arbitration) each under its own heading. Rendered only
 * when its props change, not with every entry the workspace opens.
 */
export const ShortcutSheet = memo(function ShortcutSheet({
  open,
  onClose,
  extra,
  groups = [],
}: {
  open: boolean;
  onClose: () => void;
  extra: Shortcut[];
  groups?: { titleKey: string; shortcuts: Shortcut[] }[];
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
      <ShortcutTable shortcuts={[...entryShortcuts, ...extra]} />
      {groups.map((group) => (
        <section key={group.titleKey} aria-label={t(group.titleKey)}>
          <h3>{t(group.titleKey)}</h3>
          <ShortcutTable shortcuts={group.shortcuts} />
        </section>
      ))}
      <div className="dialog-actions">
        <button type="button" onClick={onClose} autoFocus>
          {t('common.close')}
        </button>
      </div>
    </dialog>
  );
});

function ShortcutTable({ shortcuts }: { shortcuts: Shortcut[] }) {
  const { t } = useTranslation();
  return (
    <table className="data-table">
      <tbody>
        {shortcuts.map((shortcut) => (
          <tr key={shortcut.keys}>
            <th scope="row">
              <kbd>{shortcut.keys}</kbd>
            </th>
            <td>{t(shortcut.actionKey)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
