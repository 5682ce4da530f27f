// One channel of the bridge as data: its name, the schema of the request it takes and of the
// answer it gives. The contract (shared/bridge-contract.ts) is a table of these; main registers
// its handlers from it, the preload's functions follow its names, and the renderer's typed
// bridge is derived from it.
import type { z } from 'zod';

export interface ChannelContract {
  channel: string;
  /** null: the call takes no request, and whatever is sent is ignored. */
  request: z.ZodType | null;
  response: z.ZodType;
  /** Refused with 'not-signed-in' unless an officer is signed in in main. */
  needsSignIn: boolean;
}

export function channel<
  const Name extends string,
  Req extends z.ZodType | null,
  Res extends z.ZodType,
>(
  name: Name,
  request: Req,
  response: Res,
  options: { needsSignIn?: boolean } = {},
): { channel: Name; request: Req; response: Res; needsSignIn: boolean } {
  return { channel: name, request, response, needsSignIn: options.needsSignIn ?? false };
}

/** The function the renderer calls for one channel. */
export type CallOf<C extends ChannelContract> = C['request'] extends z.ZodType
  ? (request: z.input<C['request']>) => Promise<z.output<C['response']>>
  : () => Promise<z.output<C['response']>>;

/** The renderer's bridge for a table of channels: one function per channel, same names. */
export type BridgeOf<T extends Record<string, ChannelContract>> = { [K in keyof T]: CallOf<T[K]> };

/** The channel names of a table, keyed like the table. */
export type ChannelNamesOf<T extends Record<string, ChannelContract>> = {
  [K in keyof T]: T[K]['channel'];
};
