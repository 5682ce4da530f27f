import { useTranslation } from 'react-i18next';
import { useUiStore } from '../store/ui-store';

export function Notices() {
  const { t } = useTranslation();
  const notices = useUiStore((state) => state.notices);
  const dismiss = useUiStore((state) => state.dismiss);
  return (
    <div className="notices" aria-live="polite">
      {notices.map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>{notice.text}</span>
          <button type="button" onClick={() => dismiss(notice.id)}>
            {t('common.close')}
          </button>
        </div>
      ))}
    </div>
  );
}
