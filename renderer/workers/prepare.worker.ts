/// <reference lib="webworker" />
// Prepares scan pages for export in the background, one request at a time (see prepare-core.ts).
import { preparePage, scanPageImage } from './prepare-core';
import type { FromPrepareWorker, ToPrepareWorker } from './prepare-protocol';
import { openCanvasPage, reencodePhoto } from './pdf-recompress';

const scope = self as unknown as DedicatedWorkerGlobalScope;

const post = (message: FromPrepareWorker, transfer: Transferable[] = []) =>
  scope.postMessage(message, transfer);

async function handle(message: ToPrepareWorker): Promise<void> {
  if (message.type === 'image') {
    const page = await scanPageImage(message.scanId, message.scan, message.indexInScan);
    const jpeg = page ? page.jpeg.slice() : null;
    post({ type: 'image', id: message.id, jpeg }, jpeg ? [jpeg.buffer] : []);
    return;
  }
  const outcome = await preparePage(message, { openPage: openCanvasPage, reencodePhoto });
  post(
    { type: 'prepared', id: message.id, outcome },
    outcome.kind === 'reencoded' ? [outcome.jpeg.buffer] : [],
  );
}

// One at a time, in the order asked: the screen never asks for two pages at once anyway.
let queue = Promise.resolve();
scope.onmessage = (event: MessageEvent<ToPrepareWorker>) => {
  const message = event.data;
  queue = queue.then(() =>
    handle(message).catch((error: unknown) => {
      post({
        type: 'failed',
        id: message.id,
        message: error instanceof Error ? error.message : String(error),
      });
    }),
  );
};
