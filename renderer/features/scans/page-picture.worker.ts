/// <reference lib="webworker" />
// Finds and decodes page pictures away from the window: typing never waits for a page.
import { drawPicture, findPicture } from './page-picture-work';
import type { PictureJob, PictureJobResult } from './page-picture';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PictureJob>) => {
  const job = event.data;
  const fail = (error: unknown) =>
    scope.postMessage({
      id: job.id,
      error: error instanceof Error ? error.message : String(error),
    } satisfies PictureJobResult);
  if (job.kind === 'find') {
    findPicture(job.scanId, job.blob, job.index).then(
      (info) => scope.postMessage({ id: job.id, info } satisfies PictureJobResult),
      fail,
    );
  } else {
    drawPicture(job.scanId, job.blob, job.index, job.width, job.height, job.rotation).then(
      (bitmap) => scope.postMessage({ id: job.id, bitmap } satisfies PictureJobResult, [bitmap]),
      fail,
    );
  }
};
