import { z } from 'zod';

/** Unpadded base64url text of exactly `bytes` bytes. */
export function base64Url(bytes: number) {
  const chars = Math.ceil((bytes * 4) / 3);
  return z
    .string()
    .length(chars)
    .regex(/^[A-Za-z0-9_-]+$/u, 'base64url');
}

/** Unpadded base64url text of at most `maxBytes` bytes. */
export function base64UrlUpTo(maxBytes: number) {
  return z
    .string()
    .min(1)
    .max(Math.ceil((maxBytes * 4) / 3))
    .regex(/^[A-Za-z0-9_-]+$/u, 'base64url');
}

/** An Ed25519 or X25519 public key (32 bytes). */
export const publicKey = base64Url(32);
/** An Ed25519 signature (64 bytes). */
export const signature = base64Url(64);
/** A random server-assigned id (UUID). */
export const id = z.uuid();
/** SHA-256 digest, lower-case hex. */
export const sha256Hex = z.string().regex(/^[0-9a-f]{64}$/u, 'sha-256 hex');
