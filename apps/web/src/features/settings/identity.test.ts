import { describe, expect, it } from 'vitest';
import { documentIdentity } from './identity.js';

describe('documentIdentity', () => {
  it('switches title, manifest and icon together', () => {
    const own = documentIdentity(false);
    const neutral = documentIdentity(true);
    expect(own.titleKey).toBe('app.name');
    expect(neutral.titleKey).toBe('app.neutralName');
    expect(neutral.manifestHref).not.toBe(own.manifestHref);
    expect(neutral.iconHref).not.toBe(own.iconHref);
    expect(`${neutral.manifestHref} ${neutral.iconHref}`).not.toMatch(/lamp/iu);
  });
});
