import { describe, expect, it } from 'vitest';
import { TAIWAN_DIRECTORY } from '@lamplight/safety/directory';
import { ApiError } from '../vault/api-client.js';
import { failureOutcome, readKeptDraft } from './directory-edit.js';

describe('directory drafts and publishing', () => {
  it('reads a kept draft with the revision it started from', () => {
    expect(readKeptDraft({ directory: TAIWAN_DIRECTORY, baseRevision: 2 }, 5)).toEqual({ directory: TAIWAN_DIRECTORY, baseRevision: 2 });
  });

  it('treats a bare directory kept before publishing existed as an edit of the published revision', () => {
    expect(readKeptDraft(TAIWAN_DIRECTORY, 5)).toEqual({ directory: TAIWAN_DIRECTORY, baseRevision: 5 });
  });

  it('ignores a damaged draft', () => {
    expect(readKeptDraft(undefined, 0)).toBeUndefined();
    expect(readKeptDraft({ directory: { entries: [] }, baseRevision: 1 }, 0)).toBeUndefined();
    expect(readKeptDraft({ directory: TAIWAN_DIRECTORY, baseRevision: -1 }, 0)).toBeUndefined();
    expect(readKeptDraft({ directory: TAIWAN_DIRECTORY }, 0)).toBeUndefined();
  });

  it('says what a failed publish means', () => {
    expect(failureOutcome(new ApiError('conflict', 409))).toBe('conflict');
    expect(failureOutcome(new ApiError('network', 0))).toBe('network');
    expect(failureOutcome(new ApiError('forbidden', 403))).toBe('forbidden');
    expect(failureOutcome(new ApiError('bad-request', 400))).toBe('rejected');
    expect(failureOutcome(new ApiError('internal', 500))).toBe('failed');
    expect(failureOutcome(new Error('boom'))).toBe('failed');
  });
});
