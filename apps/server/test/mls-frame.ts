/**
 * The public framing of an MLS PrivateMessage (RFC 9420 §6.3: version, wire
 * format, group id, epoch, content type), then opaque bytes — all the
 * server reads of a message. For tests that need many messages without MLS.
 */
export function privateMessage(groupId: string, epoch: number, tail: Uint8Array): string {
  const gid = Buffer.from(groupId, 'utf8');
  const head = Buffer.alloc(4 + 1 + gid.length + 8 + 1);
  let o = head.writeUInt16BE(1, 0);
  o = head.writeUInt16BE(2, o);
  o = head.writeUInt8(gid.length, o);
  o += gid.copy(head, o);
  o = head.writeBigUInt64BE(BigInt(epoch), o);
  head.writeUInt8(1, o);
  return Buffer.concat([head, tail]).toString('base64url');
}
