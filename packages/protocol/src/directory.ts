import { z } from 'zod';

/**
 * Largest published directory, as compact JSON (UTF-8 bytes). The built-in
 * Taiwan directory is under 8 KiB; this leaves room for a region's own lines
 * while keeping the public, unauthenticated GET small.
 */
export const MAX_DIRECTORY_BYTES = 64 * 1024;

const revision = z.number().int().min(0).max(Number.MAX_SAFE_INTEGER);

/**
 * PUT /api/v1/directory (stewards): publish a directory. `baseRevision` is
 * the revision the steward's edit started from; the server refuses (409) if
 * someone published since. The directory itself is checked with
 * `parseDirectory` from `@lamplight/safety/directory`.
 */
export const directoryPut = z.object({ baseRevision: revision, directory: z.unknown() }).strict();

/** DELETE /api/v1/directory (stewards): restore the built-in directory, from `baseRevision`. */
export const directoryReset = z.object({ baseRevision: revision }).strict();

/**
 * GET /api/v1/directory (public; no session): the directory in force.
 * `source` is `built-in` when no steward has published one (or they restored
 * it); `revision` is 0 before anything was ever published. `updatedDay` is
 * the UTC day of the last change, or null before the first.
 * `D` is the directory type of `@lamplight/safety/directory`.
 */
export type DirectoryView<D = unknown> = Readonly<{
  directory: D;
  revision: number;
  source: 'community' | 'built-in';
  updatedDay: number | null;
}>;

/** The answer to a PUT or DELETE: the new revision. */
export type DirectoryPublished = Readonly<{ revision: number; updatedDay: number }>;
