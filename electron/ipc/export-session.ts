// Streamed export to disk: the renderer opens a session (the officer picks the folder here, in
// main), sends the bundle piece by piece into temp files, reads them back to check, then
// commits (rename to the final names) or aborts (temp files deleted). Nothing ever sits under
// a final name until the whole bundle was written and checked. Every path stays inside the
// sub-folder created in the folder the officer picked.
import { randomUUID } from 'node:crypto';
import { promises as fs } from 'node:fs';
import type { FileHandle } from 'node:fs/promises';
import path from 'node:path';
import {
  exportOpenRequestSchema,
  exportReadRequestSchema,
  exportSessionRequestSchema,
  exportWriteRequestSchema,
} from '../../shared/bridge';
import type { BridgeResult, ExportSession, SaveBundleResult } from '../../shared/bridge';
import {
  errnoCode,
  findDuplicateName,
  findWindowsUnsafeName,
  isDirectChild,
  makeBundleFolder,
  openTempFile,
  pathExists,
  removeQuietly,
  type PickFolder,
} from './files';
import { fail, invalidRequest, ok, refuse, writeFailure } from './result';
import { BUNDLE_FOLDER_TRIES, bundleFolderName } from '../../shared/bundle/names';

export const PARTIAL_SUFFIX = '.partial';

interface OpenFile {
  finalPath: string;
  partialPath: string;
  handle: FileHandle;
  bytes: number;
}

interface Session {
  folder: string;
  createdFolder: boolean;
  files: Map<string, OpenFile>;
}

export class ExportSessions {
  private readonly sessions = new Map<string, Session>();

  constructor(private readonly pickFolder: PickFolder) {}

  async open(payload: unknown): Promise<BridgeResult<ExportSession>> {
    const parsed = exportOpenRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const { folderName, fileNames } = parsed.data;
    const duplicate = findDuplicateName(fileNames.map((name) => ({ name })));
    const unsafe = findWindowsUnsafeName([folderName, ...fileNames]);
    if (duplicate !== null || unsafe !== null) {
      return duplicate !== null
        ? fail('duplicate-name', { name: duplicate })
        : fail('windows-name', { name: unsafe ?? '' });
    }
    let picked: string | null;
    try {
      picked = await this.pickFolder();
    } catch {
      return fail('picker-failed');
    }
    if (picked === null) return fail('cancelled');

    const parent = path.resolve(picked);
    let current = folderName;
    try {
      const found = await this.freeFolder(parent, folderName, fileNames);
      if (!found.ok) return found;
      const { folder, createdFolder } = found.value;
      const session: Session = { folder, createdFolder, files: new Map() };
      try {
        for (const name of fileNames) {
          current = name;
          const finalPath = path.resolve(folder, name);
          const partialPath = `${finalPath}${PARTIAL_SUFFIX}`;
          // Readable back, to check it before it gets its name.
          const handle = await openTempFile(partialPath, 'w+');
          session.files.set(name, { finalPath, partialPath, handle, bytes: 0 });
        }
      } catch (error) {
        await this.discard(session);
        throw error;
      }
      const sessionId = randomUUID();
      this.sessions.set(sessionId, session);
      return ok({ sessionId, folder });
    } catch (error) {
      return refuse(writeFailure(errnoCode(error), current));
    }
  }

  /**
   * The bundle's folder inside the picked one: the stem, or the first "<stem> (n)" that holds
   * none of the bundle's names, so an earlier bundle of the book is left as it was.
   */
  private async freeFolder(
    parent: string,
    folderName: string,
    fileNames: readonly string[],
  ): Promise<BridgeResult<{ folder: string; createdFolder: boolean }>> {
    for (let attempt = 1; attempt <= BUNDLE_FOLDER_TRIES; attempt += 1) {
      const name = bundleFolderName(folderName, attempt);
      const folder = path.resolve(parent, name);
      const planned = fileNames.map((file) => path.resolve(folder, file));
      // The schema already refuses separators and "..": this is the second lock on the same door.
      if (!isDirectChild(parent, folder) || planned.some((file) => !isDirectChild(folder, file))) {
        return fail('outside-folder');
      }
      let created: boolean;
      try {
        created = (await makeBundleFolder(folder)).created;
      } catch (error) {
        if (errnoCode(error) !== 'ENOTDIR') throw error;
        continue; // A file holds the name: try the next one.
      }
      let taken = false;
      for (const file of planned) {
        if (await pathExists(file)) taken = true;
      }
      if (!taken) return ok({ folder, createdFolder: created });
      if (created) await fs.rmdir(folder).catch(() => undefined);
    }
    return fail('exists', { folder: folderName, name: fileNames[0] ?? folderName });
  }

  async write(payload: unknown): Promise<BridgeResult<{ bytes: number }>> {
    const parsed = exportWriteRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const found = this.find(parsed.data.sessionId, parsed.data.fileName);
    if (!found) return fail('export-session-gone');
    const { session, file } = found;
    try {
      const { data } = parsed.data;
      let written = 0;
      while (written < data.byteLength) {
        const { bytesWritten } = await file.handle.write(
          data,
          written,
          data.byteLength - written,
          file.bytes + written,
        );
        written += bytesWritten;
      }
      file.bytes += written;
      return ok({ bytes: file.bytes });
    } catch (error) {
      await this.end(parsed.data.sessionId, session);
      return refuse(writeFailure(errnoCode(error), parsed.data.fileName));
    }
  }

  async read(payload: unknown): Promise<BridgeResult<Uint8Array>> {
    const parsed = exportReadRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const found = this.find(parsed.data.sessionId, parsed.data.fileName);
    if (!found) return fail('export-session-gone');
    const { offset, length } = parsed.data;
    const wanted = Math.max(0, Math.min(length, found.file.bytes - offset));
    const buffer = new Uint8Array(wanted);
    try {
      let read = 0;
      while (read < wanted) {
        const { bytesRead } = await found.file.handle.read(
          buffer,
          read,
          wanted - read,
          offset + read,
        );
        if (bytesRead === 0) break;
        read += bytesRead;
      }
      return ok(buffer.subarray(0, read));
    } catch (error) {
      return refuse(writeFailure(errnoCode(error), parsed.data.fileName));
    }
  }

  /** Makes the temp files durable, then gives them their final names. */
  async commit(payload: unknown): Promise<BridgeResult<SaveBundleResult>> {
    const parsed = exportSessionRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const session = this.sessions.get(parsed.data.sessionId);
    if (!session) return fail('export-session-gone');
    let current = '';
    const renamed: string[] = [];
    try {
      for (const [name, file] of session.files) {
        current = name;
        // A power cut right after "đã lưu" must not leave an empty file behind the rename.
        await file.handle.sync();
        await file.handle.close();
      }
      for (const [name, file] of session.files) {
        current = name;
        // rename() replaces silently on every platform: check once more right before it.
        if (await pathExists(file.finalPath)) {
          for (const done of renamed) await removeQuietly(done);
          await this.end(parsed.data.sessionId, session);
          return fail('exists-while-writing', { name });
        }
        await fs.rename(file.partialPath, file.finalPath);
        renamed.push(file.finalPath);
      }
    } catch (error) {
      for (const done of renamed) await removeQuietly(done);
      await this.end(parsed.data.sessionId, session);
      return refuse(writeFailure(errnoCode(error), current));
    }
    this.sessions.delete(parsed.data.sessionId);
    return ok({
      folder: session.folder,
      files: [...session.files].map(([name, file]) => ({ name, bytes: file.bytes })),
    });
  }

  /** Cancel: the temp files are deleted, and the sub-folder too when this session made it. */
  async abort(payload: unknown): Promise<BridgeResult<null>> {
    const parsed = exportSessionRequestSchema.safeParse(payload);
    if (!parsed.success) return invalidRequest(parsed.error);
    const session = this.sessions.get(parsed.data.sessionId);
    if (session) await this.end(parsed.data.sessionId, session);
    return ok(null);
  }

  /** Ends every open session, e.g. when the window closes mid-export. */
  async abortAll(): Promise<void> {
    for (const [id, session] of [...this.sessions]) await this.end(id, session);
  }

  private find(sessionId: string, fileName: string) {
    const session = this.sessions.get(sessionId);
    const file = session?.files.get(fileName);
    return session && file ? { session, file } : null;
  }

  private async end(sessionId: string, session: Session): Promise<void> {
    this.sessions.delete(sessionId);
    await this.discard(session);
  }

  private async discard(session: Session): Promise<void> {
    for (const file of session.files.values()) {
      await file.handle.close().catch(() => undefined);
      await removeQuietly(file.partialPath);
    }
    session.files.clear();
    if (session.createdFolder) await fs.rmdir(session.folder).catch(() => undefined);
  }
}
