// Where a tab's memory goes, for the viewer's memory figures: the renderer's resident memory by
// kind (/proc smaps_rollup), the window's JavaScript heap, its DOM counters, how many pictures,
// canvases and files it still references, and the workers running in it.
import type { Page } from '@playwright/test';
import { readFile } from 'node:fs/promises';

export interface MemoryProbe {
  /** Before the window's garbage is collected; the rest after. */
  rssBeforeGcMiB: number;
  rssMiB: number;
  anonMiB: number;
  fileMiB: number;
  shmemMiB: number;
  windowHeapMiB: number;
  workers: number;
  bitmaps: number;
  bitmapMiB: number;
  canvases: number;
  canvasMiB: number;
  blobs: number;
  nodes: number;
}

async function smaps(pid: number): Promise<Record<string, number>> {
  const text = await readFile(`/proc/${pid}/smaps_rollup`, 'utf8').catch(() => '');
  const kinds: Record<string, number> = {};
  for (const [, name, kb] of text.matchAll(/^(\w+):\s+(\d+) kB/gm)) {
    kinds[name!] = Number(kb) / 1024;
  }
  return kinds;
}

/**
 * Counts the window's live objects of a kind and sums a size over them, through CDP. The
 * prototypes of subclasses (File's for Blob) are found too and left out.
 */
async function liveObjects(
  send: (method: string, params?: object) => Promise<unknown>,
  prototype: string,
  bytes: string,
): Promise<{ count: number; mib: number }> {
  const proto = (await send('Runtime.evaluate', { expression: prototype })) as {
    result: { objectId?: string };
  };
  if (!proto.result.objectId) return { count: 0, mib: 0 };
  const found = (await send('Runtime.queryObjects', {
    prototypeObjectId: proto.result.objectId,
  })) as { objects: { objectId: string } };
  const summed = (await send('Runtime.callFunctionOn', {
    objectId: found.objects.objectId,
    functionDeclaration: `function () { let bytes = 0; let count = 0; for (const o of this) { try { bytes += (${bytes})(o); count += 1; } catch {} } return [count, bytes / 1048576]; }`,
    returnByValue: true,
  })) as { result: { value?: [number, number] }; exceptionDetails?: unknown };
  if (!summed.result.value) throw new Error(JSON.stringify(summed.exceptionDetails));
  const [count, mib] = summed.result.value;
  return { count, mib };
}

export async function probeMemory(page: Page, rendererPid: number): Promise<MemoryProbe> {
  const cdp = await page.context().newCDPSession(page);
  const send = (method: string, params?: object) =>
    cdp.send(method as 'Runtime.evaluate', params as never) as Promise<unknown>;
  try {
    const rssBeforeGcMiB = (await smaps(rendererPid)).Rss ?? 0;
    await send('HeapProfiler.collectGarbage');
    const heap = (await send('Runtime.getHeapUsage')) as { usedSize: number };
    const dom = (await send('Memory.getDOMCounters')) as { nodes: number };
    const bitmaps = await liveObjects(
      send,
      'ImageBitmap.prototype',
      '(b) => b.width * b.height * 4',
    );
    const canvases = await liveObjects(
      send,
      'HTMLCanvasElement.prototype',
      '(c) => c.width * c.height * 4',
    );
    const blobs = await liveObjects(send, 'Blob.prototype', '(b) => b.size');
    const kinds = await smaps(rendererPid);
    return {
      rssBeforeGcMiB,
      rssMiB: kinds.Rss ?? 0,
      anonMiB: kinds.Anonymous ?? 0,
      fileMiB: (kinds.Rss ?? 0) - (kinds.Anonymous ?? 0) - (kinds.Shmem ?? 0),
      shmemMiB: kinds.Shmem ?? 0,
      windowHeapMiB: heap.usedSize / 2 ** 20,
      workers: page.workers().length,
      bitmaps: bitmaps.count,
      bitmapMiB: bitmaps.mib,
      canvases: canvases.count,
      canvasMiB: canvases.mib,
      blobs: blobs.count,
      nodes: dom.nodes,
    };
  } finally {
    await cdp.detach();
  }
}
