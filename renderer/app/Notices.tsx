import { useTranslation } from 'react-i18next';
import { MAX_NOTICES_SHOWN, useUiStore } from '../store/ui-store';

/**
 * Messages in the corner: the newest few, each once with how often it came; older ones wait
 * behind one line that closes them all.
 */
export function Notices() {
  const { t } = useTranslation();
  const notices = useUiStore((state) => state.notices);
  const dismiss = useUiStore((state) => state.dismiss);
  const clearNotices = useUiStore((state) => state.clearNotices);
  const hidden = Math.max(0, notices.length - MAX_NOTICES_SHOWN);
  return (
    <div className="notices" aria-live="polite">
      {hidden > 0 && (
        <div className="notice notice-more">
          <span>{t('common.olderNotices', { count: hidden })}</span>
          <button type="button" onClick={clearNotices}>
            {t('common.closeAll')}
          </button>
        </div>
      )}
      {notices.slice(hidden).map((notice) => (
        <div
          key={notice.id}
          className={`notice notice-${notice.kind}`}
          role={notice.kind === 'error' ? 'alert' : 'status'}
        >
          <span>
            {notice.text}
            {notice.count > 1 && <> {t('common.times', { count: notice.count })}</>}
          </span>
          <button type="button" onClick={() => dismiss(notice.id)}>
            {t('common.close')}
          </button>
        </div>
      ))}
    </div>
  );
}
