import { peekMessage } from '@lamplight/crypto/peek';
import type { SendFrame } from '@lamplight/protocol';

const encoder = new TextEncoder();

/**
 * Check that the MLS framing agrees with the envelope, reading only what is
 * public (group id, epoch, content type): commits must be PublicMessages,
 * application messages PrivateMessages, both of this circle and this epoch.
 * Returns a reason when they disagree; the server never decrypts anything.
 */
export function framingProblem(frame: SendFrame, body: Uint8Array): string | undefined {
  let peeked;
  try {
    peeked = peekMessage(body);
  } catch {
    return 'the MLS message cannot be parsed';
  }
  if (peeked.wire !== 'public' && peeked.wire !== 'private') return 'not an MLS public or private message';
  const expectedWire = frame.kind === 'commit' ? 'public' : 'private';
  const expectedType = frame.kind === 'commit' ? 'commit' : 'application';
  if (peeked.wire !== expectedWire || peeked.contentType !== expectedType) return `a ${frame.kind} must be a ${expectedWire} ${expectedType} message`;
  if (peeked.epoch !== frame.epoch) return 'the epoch does not match the message';
  const gid = encoder.encode(frame.circleId);
  if (peeked.groupId.length !== gid.length || !peeked.groupId.every((b, i) => b === gid[i])) return 'the message belongs to another circle';
  return undefined;
}
