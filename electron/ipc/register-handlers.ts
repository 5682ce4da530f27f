// Wires each row of shared/bridge-contract.ts to its handler. Only the app's own top-level page
// may call: a frame from anywhere else gets a rejection, never an answer.
import type { z } from 'zod';
import type { AppInfo, BridgeResult, DiskSpace } from '../../shared/bridge';
import type { ChannelContract } from '../../shared/bridge-channel';
import { bridgeContract } from '../../shared/bridge-contract';
import type { BridgeContract, ChannelKey, ResponseOf } from '../../shared/bridge-contract';
import { ExportSessions } from './export-session';
import { isAllowedNavigation } from '../security';
import type { BackupService, ExitGate } from './backups';
import type { PickFolder } from './files';
import type { InstallationKeyService } from './installation-key';
import { handleSaveBundle } from './files';
import { fail, invalidRequest } from './result';
import type { AuditHeadService } from './audit-head';
import type { OfficerService } from './officers';

/** What a handler needs to know about the caller; Electron's IpcMainInvokeEvent fits. */
export interface InvokeEvent {
  readonly senderFrame: { readonly url: string; readonly parent: unknown } | null;
}

/** The part of Electron's ipcMain used here, so tests can pass a fake. */
export interface IpcMainLike {
  handle(channel: string, listener: (event: InvokeEvent, ...args: unknown[]) => unknown): void;
}

export interface IpcDeps {
  allowedOrigins: readonly string[];
  getAppInfo: () => AppInfo;
  pickFolder: PickFolder;
  getDiskSpace: () => Promise<BridgeResult<DiskSpace>>;
  backups: BackupService;
  exitGate: ExitGate;
  installationKey: InstallationKeyService;
  /** The desktop's officers and session; main checks sign-ins and roles, not the page. */
  officers: OfficerService;
  auditHead: AuditHeadService;
  /** Checks every answer against the contract: on outside packaged builds, and in tests. */
  checkAnswers?: boolean;
}

export function isTrustedSender(event: InvokeEvent, allowedOrigins: readonly string[]): boolean {
  const frame = event.senderFrame;
  return frame !== null && frame.parent === null && isAllowedNavigation(frame.url, allowedOrigins);
}

function assertTrusted(event: InvokeEvent, allowedOrigins: readonly string[]): void {
  if (!isTrustedSender(event, allowedOrigins)) {
    throw new Error(`Refused IPC from untrusted frame: ${event.senderFrame?.url ?? '(destroyed)'}`);
  }
}

/** The request a handler receives: checked against its row's schema, or nothing. */
type RequestOf<K extends ChannelKey> = BridgeContract[K]['request'] extends z.ZodType
  ? z.output<BridgeContract[K]['request']>
  : undefined;

/** What main does for each row of the contract, keyed like the contract itself. */
type HandlerTable = {
  [K in ChannelKey]: (request: RequestOf<K>) => ResponseOf<K> | Promise<ResponseOf<K>>;
};

/**
 * One handler per row of shared/bridge-contract.ts, so a row added there without a handler here
 * (or the other way round) fails the typecheck. Requests arrive checked against the row's
 * schema; a row that takes none passes nothing, whatever the page sent.
 */
function handlerTable(deps: IpcDeps, exports: ExportSessions): HandlerTable {
  const { backups, exitGate, installationKey, officers, auditHead } = deps;
  return {
    getAppInfo: () => deps.getAppInfo(),
    saveBundle: (request) => handleSaveBundle(request, deps.pickFolder),
    getDiskSpace: () => deps.getDiskSpace(),
    writeBackup: (request) => backups.write(request),
    backupOpen: (request) => backups.pieces.open(request),
    backupWrite: (request) => backups.pieces.write(request),
    backupCommit: (request) => backups.pieces.commit(request),
    backupAbort: (request) => backups.pieces.abort(request),
    getBackupFolder: () => backups.getFolder(),
    chooseBackupFolder: () => backups.chooseFolder(),
    waitForExit: () => exitGate.waitForExit(),
    exitBackupDone: () => exitGate.done(),
    exportOpen: (request) => exports.open(request),
    exportWrite: (request) => exports.write(request),
    exportRead: (request) => exports.read(request),
    exportCommit: (request) => exports.commit(request),
    exportAbort: (request) => exports.abort(request),
    getInstallationIdentity: () => installationKey.identity(),
    signHeader: (request) => installationKey.signHeader(request),
    renameInstallation: (request) => installationKey.rename(request),
    officersList: () => officers.list(),
    officersSetUp: (request) => officers.setUp(request),
    officersHandOver: (request) => officers.handOver(request),
    officersSave: (request) => officers.save(request),
    sessionSignIn: (request) => officers.signIn(request),
    sessionCurrent: () => officers.current(),
    sessionSignOut: (request) => officers.signOut(request),
    auditReadHead: (request) => auditHead.read(request),
    auditWriteHead: (request) => auditHead.write(request),
  };
}

/**
 * The answer to a request its schema refuses: the 'invalid-request' error where the row's
 * answer can carry one, else a rejection (the page gets no answer to a request it forged).
 */
function refuseRequest(row: ChannelContract, error: z.ZodError): unknown {
  const answer = invalidRequest(error);
  if (row.response.safeParse(answer).success) return answer;
  throw new Error(`Invalid request on ${row.channel}`);
}

/** An answer that breaks the contract is a bug in main: it fails loudly where it is checked. */
function checkAnswer(row: ChannelContract, answer: unknown): unknown {
  const checked = row.response.safeParse(answer);
  if (!checked.success) {
    throw new Error(`Answer on ${row.channel} breaks the contract: ${checked.error.message}`);
  }
  return answer;
}

export function registerIpcHandlers(ipcMain: IpcMainLike, deps: IpcDeps): ExportSessions {
  const exports = new ExportSessions(deps.pickFolder);
  const table = handlerTable(deps, exports) as Record<ChannelKey, (request: unknown) => unknown>;
  for (const key of Object.keys(bridgeContract) as ChannelKey[]) {
    const row: ChannelContract = bridgeContract[key];
    const handle = table[key];
    ipcMain.handle(row.channel, async (event, payload) => {
      assertTrusted(event, deps.allowedOrigins);
      if (row.needsSignIn && !deps.officers.isSignedIn()) return fail('not-signed-in');
      let request: unknown = undefined;
      if (row.request !== null) {
        const parsed = row.request.safeParse(payload);
        if (!parsed.success) return refuseRequest(row, parsed.error);
        request = parsed.data;
      }
      const answer: unknown = await handle(request);
      return deps.checkAnswers ? checkAnswer(row, answer) : answer;
    });
  }
  return exports;
}
