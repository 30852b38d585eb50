import type { ServerFrame } from '@lamplight/protocol';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/** Frames travel as JSON text; fan-out carries the same bytes so nodes never re-encode. */
export function encodeFrame(f: ServerFrame): Uint8Array {
  return encoder.encode(JSON.stringify(f));
}

const decoded = new WeakMap<Uint8Array, Readonly<ServerFrame>>();

/**
 * Decode a frame, once per payload: fan-out hands the same bytes to every
 * follower on this node, so a circle of 50 parses each message once, not 50
 * times. The result is shared: read it, never change it.
 */
export function decodeFrame(b: Uint8Array): Readonly<ServerFrame> {
  let frame = decoded.get(b);
  if (frame === undefined) {
    frame = JSON.parse(decoder.decode(b)) as ServerFrame;
    decoded.set(b, frame);
  }
  return frame;
}

/** Fan-out channel of a circle's log. */
export const circleChannel = (circleId: string): string => `c:${circleId}`;
/** Fan-out channel of one account (welcomes, removals). */
export const accountChannel = (accountId: string): string => `a:${accountId}`;
