import { describe, expect, it } from 'vitest';
import { createQuickExitRegistry, NEUTRAL_PAGE } from './registry.js';

describe('quick-exit registry', () => {
  it('runs every handler in order, then replaces the page', () => {
    const log: string[] = [];
    const registry = createQuickExitRegistry((url) => log.push(`replace ${url}`));
    registry.onQuickExit(() => log.push('lock vault'));
    registry.onQuickExit(() => log.push('drop drafts'));
    expect(registry.quickExit()).toBe(0);
    expect(log).toEqual(['lock vault', 'drop drafts', `replace ${NEUTRAL_PAGE}`]);
  });

  it('keeps going when a handler throws, and still leaves', () => {
    const log: string[] = [];
    const registry = createQuickExitRegistry((url) => log.push(`replace ${url}`));
    registry.onQuickExit(() => {
      throw new Error('boom');
    });
    registry.onQuickExit(() => log.push('second'));
    expect(registry.quickExit()).toBe(1);
    expect(log).toEqual(['second', `replace ${NEUTRAL_PAGE}`]);
  });

  it('forgets a handler once unregistered, even if registered twice', () => {
    const log: string[] = [];
    const registry = createQuickExitRegistry(() => log.push('replace'));
    const handler = (): void => {
      log.push('h');
    };
    const off1 = registry.onQuickExit(handler);
    registry.onQuickExit(handler);
    off1();
    off1();
    registry.quickExit();
    expect(log).toEqual(['h', 'replace']);
  });

  it('leaves for a same-origin neutral page', () => {
    expect(NEUTRAL_PAGE).toBe('/recipes/');
  });
});
