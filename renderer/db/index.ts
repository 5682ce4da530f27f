import { setAnchorFile } from './audit-anchors';
import { createAnchorFile, keepHeadOnFile, type HeadFileBridge } from './audit-head-file';
import { db } from './database';
import { installation } from './installation';
import { createMainPinKeeper, createPagePinKeeper } from './pin-keeper';
import { PIN_ITERATIONS } from './pin';
import { createRepositories } from './repositories';
import { createSession } from './session';

export { db };
export { requestPersistentStorage } from './database';
/** The officer at the keyboard, for this window. */
export const session = createSession();
/** Where PINs are checked: the desktop's main process when there is one, else the page. */
export const pins = globalThis.window?.sohoa
  ? createMainPinKeeper(globalThis.window.sohoa, session)
  : createPagePinKeeper(PIN_ITERATIONS);
export const repo = createRepositories(db, session, {
  pins,
  pcId: async () => (await installation.identity()).installationId,
});

/** The desktop keeps the audit log's head in a file too, written after each change. */
export function keepAuditHeadOnFile(bridge: HeadFileBridge): void {
  setAnchorFile(createAnchorFile(bridge));
  keepHeadOnFile(db, bridge);
}
