// Hands a finished file to the officer: a download in the browser, a folder they pick in the
// desktop app (through the same bridge call the export uses).
import { downloadFiles } from '../../platform/bundle-targets';
import { platform } from '../../platform/platform';

export type SaveOutcome =
  { ok: true; where: string } | { ok: false; cancelled: boolean; message: string };

export async function saveFile(name: string, blob: Blob): Promise<SaveOutcome> {
  if (platform.kind === 'desktop') {
    const folderName = name.replace(/\.sohoa$/, '');
    const saved = await platform.saveBundle({
      folderName,
      files: [{ name, data: new Uint8Array(await blob.arrayBuffer()) }],
    });
    if (!saved.ok) {
      return {
        ok: false,
        cancelled: saved.error.code === 'cancelled',
        message: saved.error.message,
      };
    }
    return { ok: true, where: saved.value.folder };
  }
  await downloadFiles([{ name, blob }]);
  return { ok: true, where: name };
}
