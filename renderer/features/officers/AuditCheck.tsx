// Recomputes the audit log's hash chain and says whether any event was changed or removed.
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { EntryRecord } from '../../db/types';
import type { ChainReport } from '../../db/audit-chain';
import { errorText } from './error-text';
import { auditReads } from '../../db/reads';

/** Entries named in the message before "and N more". */
const SHOWN_ENTRIES = 20;

export function AuditCheck() {
  const { t } = useTranslation();
  const [report, setReport] = useState<ChainReport | null>(null);
  const [unapproved, setUnapproved] = useState<EntryRecord[]>([]);
  const [failure, setFailure] = useState('');
  const [busy, setBusy] = useState(false);

  const check = async () => {
    setBusy(true);
    // The last result goes at once: a new check never shows an old verdict.
    setReport(null);
    setUnapproved([]);
    setFailure('');
    try {
      setReport(await auditReads.checkChain());
      setUnapproved(await auditReads.approvalsWithoutEvent());
    } catch (error) {
      setReport(null);
      setUnapproved([]);
      setFailure(errorText(t, error));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="admin-section" aria-labelledby="audit-check-title">
      <h3 id="audit-check-title">{t('officers.audit.title')}</h3>
      <p className="hint">{t('officers.audit.hint')}</p>
      <button type="button" disabled={busy} onClick={() => void check()}>
        {busy ? t('officers.audit.checking') : t('officers.audit.check')}
      </button>
      <p role="status" className={report && !report.ok ? 'field-error' : undefined}>
        {report?.ok && t('officers.audit.intact', { count: report.checked })}
        {report?.ok &&
          report.anchors !== undefined &&
          ` ${t('officers.audit.anchored', { n: report.anchors })}`}
        {report?.unanchored &&
          t(`officers.audit.unanchored.${report.unanchored.problem}`, {
            count: report.checked,
            expected: report.unanchored.anchor.count,
            missing: report.unanchored.anchor.count - report.checked,
            when: t(`officers.audit.anchorReasons.${report.unanchored.anchor.reason}`, {
              date: new Date(report.unanchored.anchor.at).toLocaleString('vi-VN'),
            }),
          })}
        {report?.broken &&
          t(`officers.audit.broken.${report.broken.problem}`, {
            seq: report.broken.seq,
            count: report.checked,
          })}
        {failure}
      </p>
      {unapproved.length > 0 && (
        <p role="alert" className="field-error">
          {t('officers.audit.approvalsWithoutEvent', {
            n: unapproved.length,
            entries: unapproved
              .slice(0, SHOWN_ENTRIES)
              .map((record) => t('officers.audit.entryNumber', { so: record.fields.so ?? '?' }))
              .join(', '),
            more:
              unapproved.length > SHOWN_ENTRIES
                ? t('officers.audit.andMore', { n: unapproved.length - SHOWN_ENTRIES })
                : '',
          })}
        </p>
      )}
    </section>
  );
}
