import type { ServerFrame } from '@lamplight/protocol';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Frames travel as JSON text; fan-out carries the same bytes so nodes never re-encode. */
export function encodeFrame(f: ServerFrame): Uint8Array {
  return encoder.encode(JSON.stringify(f));
}

export function decodeFrame(b: Uint8Array): ServerFrame {
  return JSON.parse(decoder.decode(b)) as ServerFrame;
}

/** Fan-out channel of a circle's log. */
export const circleChannel = (circleId: string): string => `c:${circleId}`;
/** Fan-out channel of one account (welcomes, removals). */
export const accountChannel = (accountId: string): string => `a:${accountId}`;
