/// <reference lib="webworker" />
// Decoding a 12-megapixel photo takes long enough to stall typing: it happens here.
import { normaliseImage } from './import-normalise';
import type { ImageJob, ImageJobResult } from './import-images';

const scope = self as unknown as DedicatedWorkerGlobalScope;

scope.onmessage = (event: MessageEvent<ImageJob>) => {
  const { id, blob } = event.data;
  const post = (message: ImageJobResult) => scope.postMessage(message);
  normaliseImage(blob)
    .then((result) => post({ id, result }))
    .catch((error: unknown) =>
      post({ id, error: error instanceof Error ? error.message : String(error) }),
    );
};
