// Hands a finished file to the officer: a download in the browser, a folder they pick in the
// desktop app (through the export's streamed session, in pieces, so a large work package
// never crosses the bridge whole).
import { downloadFiles } from '../../platform/bundle-targets';
import { platform } from '../../platform/platform';
import { PIECE_BYTES } from './send-backup';
import { bridgeErrorText } from '../../locales/bridge-error';

export type SaveOutcome =
  { ok: true; where: string } | { ok: false; cancelled: boolean; message: string };

export async function saveFile(name: string, blob: Blob): Promise<SaveOutcome> {
  if (platform.kind === 'desktop') {
    const folderName = name.replace(/\.sohoa$/, '');
    const opened = await platform.openBundle({ folderName, fileNames: [name] }, 'folder');
    if (!opened.ok) {
      return {
        ok: false,
        cancelled: opened.error.code === 'cancelled',
        message: bridgeErrorText(opened.error),
      };
    }
    const target = opened.value;
    try {
      for (let offset = 0; offset < blob.size; offset += PIECE_BYTES) {
        const piece = blob.slice(offset, offset + PIECE_BYTES);
        await target.write(name, new Uint8Array(await piece.arrayBuffer()));
      }
      await target.finish();
    } catch (error) {
      await target.abort();
      return { ok: false, cancelled: false, message: String(error) };
    }
    const saved = await target.commit();
    if (!saved.ok) {
      return {
        ok: false,
        cancelled: saved.error.code === 'cancelled',
        message: bridgeErrorText(saved.error),
      };
    }
    return { ok: true, where: saved.value.folder };
  }
  // The Blob is already in pieces outside the page: the browser downloads it as it is.
  await downloadFiles([{ name, blob }]);
  return { ok: true, where: name };
}
