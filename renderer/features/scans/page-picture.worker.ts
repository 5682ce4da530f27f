/// <reference lib="webworker" />
// Finds and decodes page pictures away from the window: typing never waits for a page.
import { runJob } from './page-picture-work';
import type { PictureJob, PictureJobResult } from './page-picture';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<PictureJob>) => {
  const job = event.data;
  runJob(job).then(
    (result) => {
      const bitmap =
        'bitmap' in result ? result.bitmap : 'shown' in result ? result.shown.drawn?.bitmap : null;
      scope.postMessage(result, bitmap ? [bitmap] : []);
    },
    (error: unknown) =>
      scope.postMessage({
        id: job.id,
        error: error instanceof Error ? error.message : String(error),
      } satisfies PictureJobResult),
  );
};
