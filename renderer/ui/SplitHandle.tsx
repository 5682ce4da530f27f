import { useTranslation } from 'react-i18next';
import { SPLIT_LIMITS } from '../store/layout-slice';
import { useUiStore } from '../store/ui-store';

const STEP = 5;

/** The bar between the scan and the form: drag it, or focus it and use the arrow keys. */
export function SplitHandle() {
  const { t } = useTranslation();
  const percent = useUiStore((state) => state.splitPercent);
  const setPercent = useUiStore((state) => state.setSplitPercent);
  return (
    <div
      className="split-handle"
      role="separator"
      aria-orientation="vertical"
      aria-label={t('layout.split')}
      aria-valuemin={SPLIT_LIMITS.min}
      aria-valuemax={SPLIT_LIMITS.max}
      aria-valuenow={percent}
      tabIndex={0}
      onKeyDown={(event) => {
        if (event.key === 'ArrowLeft') setPercent(percent - STEP);
        else if (event.key === 'ArrowRight') setPercent(percent + STEP);
        else return;
        event.preventDefault();
      }}
      onPointerDown={(event) => {
        const container = event.currentTarget.parentElement;
        if (!container) return;
        event.currentTarget.setPointerCapture(event.pointerId);
        const bounds = container.getBoundingClientRect();
        const move = (moveEvent: PointerEvent) =>
          setPercent(((moveEvent.clientX - bounds.left) / bounds.width) * 100);
        const stop = () => {
          window.removeEventListener('pointermove', move);
          window.removeEventListener('pointerup', stop);
        };
        window.addEventListener('pointermove', move);
        window.addEventListener('pointerup', stop);
      }}
    />
  );
}
