import { useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { repo } from '../../db';
import { useUiStore } from '../../store/ui-store';
import { inspectPdf } from './pdf';

export function ImportScanButton({ bookId }: { bookId: string }) {
  const { t } = useTranslation();
  const inputRef = useRef<HTMLInputElement>(null);
  const [busy, setBusy] = useState(false);
  const notify = useUiStore((state) => state.notify);
  const showPage = useUiStore((state) => state.showPage);

  const importFile = async (file: File) => {
    setBusy(true);
    try {
      const inspected = await inspectPdf(file);
      if (!inspected.ok) {
        notify('error', t(`scans.problems.${inspected.problem}`, { file: file.name }));
        return;
      }
      const { pages } = await repo.addScan(bookId, {
        fileName: file.name,
        mimeType: 'application/pdf',
        blob: file,
        pageCount: inspected.pageCount,
      });
      if (pages[0]) showPage(bookId, pages[0].id);
      notify('info', t('scans.imported', { file: file.name, n: inspected.pageCount }));
    } catch (error) {
      notify('error', t('scans.importFailed', { file: file.name, detail: String(error) }));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <button type="button" onClick={() => inputRef.current?.click()} disabled={busy}>
        {busy ? t('scans.importing') : t('scans.import')}
      </button>
      <input
        ref={inputRef}
        type="file"
        accept="application/pdf,.pdf"
        hidden
        aria-label={t('scans.import')}
        onChange={(event) => {
          const file = event.target.files?.[0];
          event.target.value = '';
          if (file) void importFile(file);
        }}
      />
    </>
  );
}
