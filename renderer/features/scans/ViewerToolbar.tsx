import { useId, useState, type KeyboardEvent, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import type { Page, PageRegion } from '../../db/types';
import { TILT_STEP, useUiStore } from '../../store/ui-store';
import { rotatePage, runViewerAction } from './viewer-actions';
import { keysFor, type ViewerAction } from './viewer-keymap';
import {
  FILTER_MAX,
  FILTER_MIN,
  resetImage,
  setFilterLevel,
  toggleBrightness,
  toggleContrast,
  type ViewSettings,
} from './viewer-settings';
import { ViewerIcon, type IconName } from './ViewerIcons';

interface Props {
  bookId: string;
  pages: Page[];
  page: Page;
  view: ViewSettings;
  entryId?: string | undefined;
  region?: PageRegion | undefined;
}

/** Compact icon buttons (names in aria-label and tooltip) so two rows fit beside the form. */
export function ViewerToolbar({ bookId, pages, page, view, entryId, region }: Props) {
  const { t, i18n } = useTranslation();
  const panelId = useId();
  const [isAdjustOpen, setAdjustOpen] = useState(false);
  const shownZoom = useUiStore((state) => state.shownZoomByBook[bookId]);
  const tilt = useUiStore((state) => state.tiltByPage[page.id] ?? 0);
  const drawingFor = useUiStore((state) => state.drawingRegionFor);
  const store = useUiStore.getState;
  const index = pages.indexOf(page);
  const isDrawing = entryId !== undefined && drawingFor === entryId;

  const run = (action: ViewerAction) => runViewerAction(action, { bookId, pages });
  const update = (change: (view: ViewSettings) => ViewSettings) =>
    store().updateView(bookId, change);
  const degrees = new Intl.NumberFormat(i18n.language).format(tilt);

  const clearRegion = () => {
    if (!entryId) return;
    repo
      .setEntryRegion(entryId, null)
      .catch((error: unknown) =>
        store().notify('error', t('viewer.regionSaveFailed', { detail: String(error) })),
      );
  };

  // A toolbar moves focus between its buttons with the arrow keys.
  const onKeyDown = (event: KeyboardEvent<HTMLDivElement>) => {
    if (event.key !== 'ArrowLeft' && event.key !== 'ArrowRight') return;
    const buttons = Array.from(
      event.currentTarget.querySelectorAll<HTMLButtonElement>('button:not(:disabled)'),
    );
    const at = buttons.indexOf(event.target as HTMLButtonElement);
    if (at < 0) return;
    event.preventDefault();
    const step = event.key === 'ArrowRight' ? 1 : -1;
    buttons[(at + step + buttons.length) % buttons.length]?.focus();
  };

  return (
    <>
      <div
        className="viewer-toolbar"
        role="toolbar"
        aria-label={t('viewer.tools')}
        onKeyDown={onKeyDown}
        // A click on a tool leaves the cursor in the entry field the officer is typing in.
        onMouseDown={(event) => event.preventDefault()}
      >
        <div className="viewer-group">
          <Tool
            icon="previous"
            label={t('viewer.previous')}
            shortcut="viewer.shortcuts.previousPage"
            disabled={index <= 0}
            onClick={() => run({ type: 'turnPage', delta: -1 })}
          />
          <span className="viewer-readout" aria-live="polite" data-testid="page-indicator">
            {t('viewer.pageOf', { page: index + 1, total: pages.length })}
          </span>
          <Tool
            icon="next"
            label={t('viewer.next')}
            shortcut="viewer.shortcuts.nextPage"
            disabled={index >= pages.length - 1}
            onClick={() => run({ type: 'turnPage', delta: 1 })}
          />
        </div>
        <div className="viewer-group">
          <Tool
            icon="zoomOut"
            label={t('viewer.zoomOut')}
            shortcut="viewer.shortcuts.zoomOut"
            onClick={() => run({ type: 'zoom', direction: -1 })}
          />
          <output className="viewer-readout viewer-zoom" aria-label={t('viewer.zoomLevel')}>
            {t('viewer.percent', { percent: Math.round((shownZoom ?? view.zoom) * 100) })}
          </output>
          <Tool
            icon="zoomIn"
            label={t('viewer.zoomIn')}
            shortcut="viewer.shortcuts.zoomIn"
            onClick={() => run({ type: 'zoom', direction: 1 })}
          />
          <Tool
            icon="fitWidth"
            label={t('viewer.fitWidth')}
            shortcut="viewer.shortcuts.fitWidth"
            pressed={view.fit === 'width'}
            onClick={() => run({ type: 'fit', mode: 'width' })}
          />
          <Tool
            icon="fitPage"
            label={t('viewer.fitPage')}
            shortcut="viewer.shortcuts.fitPage"
            pressed={view.fit === 'page'}
            onClick={() => run({ type: 'fit', mode: 'page' })}
          />
        </div>
        <div className="viewer-group">
          <Tool
            icon="rotate"
            label={t('viewer.rotate')}
            shortcut="viewer.shortcuts.rotate"
            onClick={() => rotatePage(page.id, 90)}
          />
          <Tool
            icon="tiltLeft"
            label={t('viewer.tiltLeft')}
            onClick={() => store().tilt(page.id, -TILT_STEP)}
          />
          {tilt !== 0 && (
            <button
              type="button"
              className="viewer-tool viewer-readout"
              aria-label={t('viewer.tiltReset', { degrees })}
              title={t('viewer.tiltReset', { degrees })}
              onClick={() => store().resetTilt(page.id)}
            >
              {t('viewer.tiltDegrees', { degrees })}
            </button>
          )}
          <Tool
            icon="tiltRight"
            label={t('viewer.tiltRight')}
            onClick={() => store().tilt(page.id, TILT_STEP)}
          />
        </div>
        <div className="viewer-group">
          <Tool
            icon="brightness"
            label={t('viewer.brightness')}
            pressed={view.brightness !== 1}
            onClick={() => update(toggleBrightness)}
          />
          <Tool
            icon="contrast"
            label={t('viewer.contrast')}
            pressed={view.contrast !== 1}
            onClick={() => update(toggleContrast)}
          />
          <Tool
            icon="invert"
            label={t('viewer.invert')}
            shortcut="viewer.shortcuts.invert"
            pressed={view.invert}
            onClick={() => run({ type: 'invert' })}
          />
          <Tool
            icon="grayscale"
            label={t('viewer.grayscale')}
            pressed={view.grayscale}
            onClick={() => update((current) => ({ ...current, grayscale: !current.grayscale }))}
          />
          <Tool
            icon="adjust"
            label={t('viewer.adjust')}
            expanded={isAdjustOpen}
            controls={panelId}
            onClick={() => setAdjustOpen(!isAdjustOpen)}
          />
        </div>
        <div className="viewer-group">
          <Tool
            icon="ruler"
            label={t('viewer.ruler')}
            shortcut="viewer.shortcuts.rulerDown"
            pressed={view.isRulerShown}
            onClick={() =>
              update((current) => ({ ...current, isRulerShown: !current.isRulerShown }))
            }
          />
          <Tool
            icon="thumbnails"
            label={t('viewer.thumbnails')}
            pressed={view.isThumbnailsShown}
            onClick={() =>
              update((current) => ({ ...current, isThumbnailsShown: !current.isThumbnailsShown }))
            }
          />
        </div>
        <div className="viewer-group">
          <Tool
            icon="region"
            label={t('viewer.drawRegion')}
            title={entryId ? undefined : t('viewer.regionNeedsEntry')}
            pressed={isDrawing}
            disabled={!entryId}
            onClick={() => store().setDrawingRegion(isDrawing ? null : (entryId ?? null))}
          />
          <Tool
            icon="clearRegion"
            label={t('viewer.clearRegion')}
            disabled={!entryId || !region}
            onClick={clearRegion}
          />
        </div>
      </div>
      {isDrawing && (
        <p className="viewer-hint" role="status">
          {t('viewer.drawRegionHint')}
        </p>
      )}
      {isAdjustOpen && (
        <div className="viewer-adjust" id={panelId}>
          <Level
            label={t('viewer.brightnessLevel')}
            value={view.brightness}
            onChange={(level) => update((current) => setFilterLevel(current, 'brightness', level))}
          />
          <Level
            label={t('viewer.contrastLevel')}
            value={view.contrast}
            onChange={(level) => update((current) => setFilterLevel(current, 'contrast', level))}
          />
          <button type="button" onClick={() => update(resetImage)}>
            {t('viewer.resetImage')}
          </button>
        </div>
      )}
    </>
  );
}

interface ToolProps {
  icon: IconName;
  label: string;
  onClick: () => void;
  /** i18n key of the shortcut in the keymap, to show the keys in the tooltip. */
  shortcut?: string;
  text?: string;
  title?: string | undefined;
  pressed?: boolean;
  expanded?: boolean;
  controls?: string;
  disabled?: boolean;
}

function Tool({
  icon,
  label,
  onClick,
  shortcut,
  text,
  title,
  pressed,
  expanded,
  controls,
  disabled,
}: ToolProps) {
  const { t } = useTranslation();
  const keys = shortcut ? keysFor(shortcut) : undefined;
  let content: ReactNode = <ViewerIcon name={icon} />;
  if (text) {
    content = (
      <>
        {content}
        <span>{text}</span>
      </>
    );
  }
  return (
    <button
      type="button"
      className="viewer-tool"
      aria-label={label}
      title={title ?? (keys ? t('viewer.withKeys', { label, keys }) : label)}
      aria-keyshortcuts={keys}
      aria-pressed={pressed}
      aria-expanded={expanded}
      aria-controls={expanded ? controls : undefined}
      disabled={disabled}
      onClick={onClick}
    >
      {content}
    </button>
  );
}

function Level({
  label,
  value,
  onChange,
}: {
  label: string;
  value: number;
  onChange: (level: number) => void;
}) {
  const { t } = useTranslation();
  const id = useId();
  return (
    <div className="viewer-level">
      <label htmlFor={id}>{label}</label>
      <input
        id={id}
        type="range"
        min={FILTER_MIN}
        max={FILTER_MAX}
        step={0.05}
        value={value}
        onChange={(event) => onChange(Number(event.target.value))}
      />
      <output htmlFor={id}>{t('viewer.percent', { percent: Math.round(value * 100) })}</output>
    </div>
  );
}
