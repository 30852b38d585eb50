import { contentTypes, type ContentTypeName } from 'ts-mls/contentType.js';
import { protocolVersions } from 'ts-mls/protocolVersion.js';
import { senderTypes } from 'ts-mls/sender.js';
import { decodeVarLenData } from 'ts-mls/codec/variableLength.js';
import { wireformats } from 'ts-mls/wireformat.js';
import { CircleError } from './errors.js';

// Deep imports on purpose: the delivery service loads this module alone
// (`@lamplight/crypto/peek`) and needs only ts-mls's constants and varint codec.

/** How an MLS message travels, named for the delivery service. */
export type WireKind = 'public' | 'private' | 'welcome' | 'group-info' | 'key-package';

/** Kind of content inside a public or private message. */
export type PeekedContentType = ContentTypeName;

/**
 * What anyone can read from an MLS message's unencrypted framing, without
 * keys. For public and private messages: the group id, the epoch and the
 * content type (RFC 9420 §6.2, §6.3). For public messages also the sender's
 * leaf index and the authenticated data. Welcomes, group infos and key
 * packages expose only their kind here.
 */
export type PeekedMessage =
  | Readonly<{
      wire: 'public';
      groupId: Uint8Array;
      epoch: number;
      contentType: PeekedContentType;
      /** Leaf index of a member sender; undefined for other sender types. */
      senderLeafIndex: number | undefined;
      authenticatedData: Uint8Array;
    }>
  | Readonly<{ wire: 'private'; groupId: Uint8Array; epoch: number; contentType: PeekedContentType }>
  | Readonly<{ wire: 'welcome' | 'group-info' | 'key-package' }>;

const WIRE_KIND_BY_CODE = new Map<number, WireKind>([
  [wireformats.mls_public_message, 'public'],
  [wireformats.mls_private_message, 'private'],
  [wireformats.mls_welcome, 'welcome'],
  [wireformats.mls_group_info, 'group-info'],
  [wireformats.mls_key_package, 'key-package'],
]);

const CONTENT_TYPE_BY_CODE = new Map<number, ContentTypeName>(
  (Object.entries(contentTypes) as [ContentTypeName, number][]).map(([name, code]) => [code, name]),
);

class FramingReader {
  private offset = 0;
  private readonly view: DataView;

  constructor(private readonly data: Uint8Array) {
    this.view = new DataView(data.buffer, data.byteOffset, data.byteLength);
  }

  u8(): number {
    this.need(1);
    return this.view.getUint8(this.offset++);
  }

  u16(): number {
    this.need(2);
    const v = this.view.getUint16(this.offset);
    this.offset += 2;
    return v;
  }

  u32(): number {
    this.need(4);
    const v = this.view.getUint32(this.offset);
    this.offset += 4;
    return v;
  }

  u64(): bigint {
    this.need(8);
    const v = this.view.getBigUint64(this.offset);
    this.offset += 8;
    return v;
  }

  varBytes(): Uint8Array {
    const decoded = decodeVarLenData(this.data, this.offset);
    if (decoded === undefined) throw new RangeError('truncated');
    this.offset += decoded[1];
    return decoded[0].slice();
  }

  private need(n: number): void {
    if (this.offset + n > this.data.length) throw new RangeError('truncated');
  }
}

function toEpoch(value: bigint): number {
  if (value > BigInt(Number.MAX_SAFE_INTEGER)) throw new RangeError('epoch too large');
  return Number(value);
}

function contentType(code: number): ContentTypeName {
  const name = CONTENT_TYPE_BY_CODE.get(code);
  if (name === undefined) throw new RangeError('content type');
  return name;
}

/**
 * Reads the public framing of an encoded MLSMessage. Meant for the delivery
 * service, which holds no keys: it can order handshake messages by epoch and
 * accept exactly one commit per epoch.
 * @throws CircleError `malformed-message` if the framing cannot be parsed.
 */
export function peekMessage(bytes: Uint8Array): PeekedMessage {
  try {
    const r = new FramingReader(bytes);
    if (r.u16() !== protocolVersions.mls10) throw new RangeError('version');
    const wire = WIRE_KIND_BY_CODE.get(r.u16());
    if (wire === undefined) throw new RangeError('wire format');
    if (wire === 'public') {
      const groupId = r.varBytes();
      const epoch = toEpoch(r.u64());
      const senderType = r.u8();
      let senderLeafIndex: number | undefined;
      if (senderType === senderTypes.member) senderLeafIndex = r.u32();
      else if (senderType === senderTypes.external) r.u32();
      else if (senderType !== senderTypes.new_member_commit && senderType !== senderTypes.new_member_proposal) {
        throw new RangeError('sender type');
      }
      const authenticatedData = r.varBytes();
      return { wire, groupId, epoch, contentType: contentType(r.u8()), senderLeafIndex, authenticatedData };
    }
    if (wire === 'private') {
      const groupId = r.varBytes();
      const epoch = toEpoch(r.u64());
      return { wire, groupId, epoch, contentType: contentType(r.u8()) };
    }
    return { wire };
  } catch (cause) {
    throw new CircleError('malformed-message', 'MLS message framing cannot be parsed', { cause });
  }
}

/**
 * The epoch a public or private message belongs to, or undefined for
 * welcomes, group infos and key packages.
 */
export function peekEpoch(bytes: Uint8Array): number | undefined {
  const peeked = peekMessage(bytes);
  return 'epoch' in peeked ? peeked.epoch : undefined;
}

/**
 * The content type of a public or private message ('application',
 * 'proposal' or 'commit'), or undefined for other wire formats.
 */
export function peekContentType(bytes: Uint8Array): PeekedContentType | undefined {
  const peeked = peekMessage(bytes);
  return 'contentType' in peeked ? peeked.contentType : undefined;
}
