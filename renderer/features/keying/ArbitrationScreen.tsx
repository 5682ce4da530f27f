import { useEffect, useEffectEvent, useMemo, useRef, useState } from 'react';
import { BackToBookLink } from '../../ui/BackToBookLink';
import { useTranslation } from 'react-i18next';
import type { Ruling } from '../../../shared/keying/arbitrate';
import { compareKeyings } from '../../../shared/keying/compare';
import { getTemplate } from '../../../shared/registers';
import { can } from '../../../shared/workflow/roles';
import { repo } from '../../db';
import { bookReads, keyingReads, pageReads, useLiveQuery } from '../../db/reads';
import { useUiStore } from '../../store/ui-store';
import { SplitHandle } from '../../ui/SplitHandle';
import { errorText, useOfficer } from '../officers';
import { ScanViewer } from '../scans';
import { arbitrationActionForKey, nextDifference } from './arbitration-keys';
import { DifferenceList } from './DifferenceList';
import { KeyingShortcuts } from './KeyingShortcuts';
import './keying.css';

/**
 * The third officer's screen: one entry keyed twice at a time, the scan beside the fields the two
 * keyings disagree on (after normalisation). Agreeing fields are taken without a look; each
 * difference is settled by a key, and saving writes the settled entry and goes to the next.
 */
export function ArbitrationScreen({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const officer = useOfficer();
  const officerId = officer?.id ?? '';
  const notify = useUiStore((state) => state.notify);
  const showPage = useUiStore((state) => state.showPage);
  const setOwnView = useUiStore((state) => state.setOwnView);
  const endOwnView = useUiStore((state) => state.endOwnView);
  const splitPercent = useUiStore((state) => state.splitPercent);
  const book = useLiveQuery(() => bookReads.bookById(bookId), [bookId], null);
  const pages = useLiveQuery(() => pageReads.pagesInOrder(bookId), [bookId]);
  const cases = useLiveQuery(
    () => keyingReads.arbitrationQueue(bookId, officerId),
    [bookId, officerId],
  );
  // What the arbitrator has decided on the entry shown; another entry starts afresh.
  const [work, setWork] = useState<CaseWork>(freshWork(undefined));
  const [busy, setBusy] = useState(false);
  const panelRef = useRef<HTMLDivElement>(null);
  const current = cases?.[0];
  const template = book ? getTemplate(book.templateVersion) : undefined;
  const differences = useMemo(
    () =>
      current && template
        ? compareKeyings(template, current.entry.fields, current.second.fields)
        : [],
    [current, template],
  );
  const entryId = current?.entry.id;
  const { rulings, active, typing } = work.entryId === entryId ? work : freshWork(entryId);
  const update = (changes: Partial<CaseWork>) =>
    setWork({ entryId, rulings, active, typing, ...changes });
  const setActive = (index: number) => update({ active: index });
  const setTyping = (key: string | null) => update({ typing: key });
  const region = current?.entry.region;
  const pageId = region?.pageId ?? current?.entry.pageIds[0];

  // The arbitration's zoom is its own: the book keeps the view the officer set for typing.
  useEffect(() => () => endOwnView(bookId), [bookId, endOwnView]);

  // Each entry opens on its page, its box brought into view, the first difference active.
  useEffect(() => {
    if (pageId) showPage(bookId, pageId);
    // The entry's box fills most of the viewer's width, so a field is read at a glance.
    if (region) {
      const zoom = Math.min(MAX_REGION_ZOOM, Math.max(1, 0.9 / Math.max(region.width, 0.01)));
      setOwnView(bookId, (view) => ({ ...view, fit: 'none', zoom }));
      revealRegion();
    }
    panelRef.current?.focus();
  }, [bookId, entryId, pageId, region, showPage, setOwnView]);

  const keys = differences.map((difference) => difference.key);
  const rule = (key: string, ruling: Ruling) => {
    const next = { ...rulings, [key]: ruling };
    update({
      rulings: next,
      typing: null,
      active: nextDifference(keys, keys.indexOf(key), new Set(Object.keys(next))),
    });
    panelRef.current?.focus();
  };

  const save = async () => {
    if (!current || busy) return;
    setBusy(true);
    try {
      const settled = await repo.arbitrateEntry(current.entry.id, rulings);
      notify(
        'info',
        t(
          settled.status === 'approved'
            ? 'keying.arbitration.savedApproved'
            : 'keying.arbitration.saved',
          {
            n: current.position,
          },
        ),
      );
    } catch (error) {
      notify('error', errorText(t, error));
    } finally {
      setBusy(false);
      panelRef.current?.focus();
    }
  };

  const onKey = useEffectEvent((event: KeyboardEvent) => {
    if (event.defaultPrevented || typing || !current) return;
    const target = event.target;
    if (target instanceof HTMLInputElement || target instanceof HTMLSelectElement) return;
    if (target instanceof HTMLButtonElement && event.key === 'Enter' && !event.ctrlKey) return;
    const action = arbitrationActionForKey(event);
    if (!action) return;
    event.preventDefault();
    const key = keys[active];
    if (action === 'save') void save();
    else if (action === 'next') setActive(nextDifference(keys, active, new Set()));
    else if (!key) return;
    else if (action === 'type') setTyping(key);
    else if (action === 'takeA') rule(key, { kind: 'takeA' });
    else if (action === 'takeB') rule(key, { kind: 'takeB' });
    else rule(key, { kind: action });
  });
  useEffect(() => {
    const listener = (event: KeyboardEvent) => onKey(event);
    window.addEventListener('keydown', listener);
    return () => window.removeEventListener('keydown', listener);
  }, []);

  if (!book || cases === undefined || !template) return null;
  const mayArbitrate = officer !== null && can(officer.role, 'review');
  const pending = keys.filter((key) => !rulings[key]).length;

  return (
    <div className="workspace arbitration">
      <KeyingShortcuts />
      <div className="workspace-toolbar">
        <BackToBookLink bookId={bookId} />
        <h1>
          {t('keying.arbitration.title', {
            name: template.name,
            quyenSo: book.quyenSo,
            year: book.year,
          })}
        </h1>
        <span role="status">{t('keying.arbitration.waiting', { n: cases.length })}</span>
      </div>
      {!mayArbitrate ? (
        <p role="alert">{t('workflow.errors.not-allowed')}</p>
      ) : (
        <div
          className="workspace-split"
          style={{
            gridTemplateColumns: `minmax(0, ${splitPercent}fr) auto minmax(0, ${100 - splitPercent}fr)`,
          }}
        >
          <ScanViewer bookId={bookId} pages={pages ?? []} entryId={entryId} region={region} />
          <SplitHandle />
          <div
            ref={panelRef}
            className="workspace-side arbitration-panel"
            tabIndex={-1}
            aria-label={t('keying.arbitration.panelLabel')}
          >
            {!current ? (
              <p className="review-empty">{t('keying.arbitration.none')}</p>
            ) : (
              <>
                <h2>{t('keying.arbitration.entry', { n: current.position })}</h2>
                <p role="status">
                  {differences.length === 0
                    ? t('keying.arbitration.agree')
                    : t('keying.arbitration.differences', { n: differences.length, pending })}
                </p>
                <p className="hint">{t('keying.arbitration.keyboardHint')}</p>
                <DifferenceList
                  bookId={bookId}
                  entryId={current.entry.id}
                  template={template}
                  differences={differences}
                  rulings={rulings}
                  active={Math.min(active, Math.max(0, keys.length - 1))}
                  typing={typing}
                  onPick={setActive}
                  onTyped={(key, value) => rule(key, { kind: 'typed', value })}
                  onCancelTyping={() => {
                    setTyping(null);
                    panelRef.current?.focus();
                  }}
                />
                <div className="review-actions">
                  <button
                    type="button"
                    className="primary"
                    aria-keyshortcuts="Control+Enter"
                    disabled={busy || pending > 0}
                    onClick={() => void save()}
                  >
                    {t('keying.arbitration.save')}
                  </button>
                </div>
              </>
            )}
          </div>
        </div>
      )}
    </div>
  );
}

/** Beyond three times the page's width, handwriting only gets blurrier. */
const MAX_REGION_ZOOM = 3;

interface CaseWork {
  entryId: string | undefined;
  rulings: Record<string, Ruling>;
  /** The difference the keys act on. */
  active: number;
  /** The field whose new value is being typed. */
  typing: string | null;
}

function freshWork(entryId: string | undefined): CaseWork {
  return { entryId, rulings: {}, active: 0, typing: null };
}

/** Brings the entry's box on its page into view once the page is drawn. */
function revealRegion(framesLeft = 60): void {
  const box = document.querySelector<HTMLElement>('.viewer-region:not(.viewer-region-draft)');
  if (box) box.scrollIntoView({ block: 'center', inline: 'center' });
  else if (framesLeft > 0) requestAnimationFrame(() => revealRegion(framesLeft - 1));
}
