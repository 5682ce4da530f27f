// Reading a chosen backup or work package: checked and unpacked first (readSohoaFile), shown to
// the officer, and only written when they choose how.
import { useState } from 'react';
import { readSohoaFile, type FilePreview, type ReadProblem } from '../../db/backup';
import { percentOf } from './progress';
import type { FileKind } from '../../db/backup-format';
import type { FileData } from '../../db/backup-rows';

export type ImportPhase =
  | { name: 'idle' }
  | { name: 'reading'; fileName: string; percent?: number }
  | { name: 'refused'; fileName: string; problem: ReadProblem; detail: string }
  | {
      name: 'preview';
      fileName: string;
      preview: FilePreview;
      data: FileData;
      discard: () => Promise<void>;
    }
  | { name: 'applying'; fileName: string };

export function useFileImport(kind: FileKind) {
  const [phase, setPhase] = useState<ImportPhase>({ name: 'idle' });

  const read = async (file: File) => {
    setPhase({ name: 'reading', fileName: file.name });
    try {
      let shown = -1;
      const result = await readSohoaFile(file, kind, (done, total) => {
        const percent = percentOf(done, total);
        if (percent === shown) return;
        shown = percent;
        setPhase({ name: 'reading', fileName: file.name, percent });
      });
      setPhase(
        result.ok
          ? { name: 'preview', fileName: file.name, ...result }
          : {
              name: 'refused',
              fileName: file.name,
              problem: result.problem,
              detail: result.detail,
            },
      );
    } catch (error) {
      setPhase({
        name: 'refused',
        fileName: file.name,
        problem: 'unreadable',
        detail: String(error),
      });
    }
  };

  /** Writes with `apply`, then drops the scratch copy whatever happened. */
  const apply = async (write: (data: FileData, fileName: string) => Promise<void>) => {
    if (phase.name !== 'preview') return;
    const { data, discard, fileName } = phase;
    setPhase({ name: 'applying', fileName });
    try {
      await write(data, fileName);
    } finally {
      setPhase({ name: 'idle' });
      await discard().catch(() => undefined);
    }
  };

  /** The file's signer was trusted from the preview: it can now be received. */
  const markTrusted = () =>
    setPhase((current) =>
      current.name === 'preview' && current.preview.signedBy
        ? {
            ...current,
            preview: {
              ...current.preview,
              signedBy: { ...current.preview.signedBy, standing: 'trusted' },
            },
          }
        : current,
    );

  const close = () => {
    if (phase.name === 'preview') void phase.discard().catch(() => undefined);
    setPhase({ name: 'idle' });
  };

  return { phase, read, apply, close, markTrusted };
}
