import { afterAll, describe, expect, it } from 'vitest';
import { testEngines } from '@lamplight/storage/testing';
import { startServer } from './harness.js';

for (const engine of testEngines(process.env)) {
  describe(`first run on ${engine.name}`, () => {
    const drops: (() => Promise<void>)[] = [];
    afterAll(async () => {
      for (const d of drops) await d();
    });

    it('prints exactly one steward invitation across two starts', async () => {
      const db = await engine.create();
      drops.push(db.drop);
      const first = await startServer({ env: db.env, dataDir: db.env['LAMPLIGHT_DATA_DIR'], cleanup: false });
      const firstOut = (await stopAndRead(first));
      const lines = firstOut.split('\n').filter((l) => l.startsWith('Steward invitation: '));
      expect(lines).toHaveLength(1);
      expect(lines[0]).toMatch(/^Steward invitation: http:\/\/127\.0\.0\.1:\d+\/join#[A-Za-z0-9_-]{43}$/u);
      expect(first.stewardInvitation).toBe(lines[0]?.slice('Steward invitation: '.length));

      const second = await startServer({ env: db.env, dataDir: db.env['LAMPLIGHT_DATA_DIR'], cleanup: false });
      const secondOut = await stopAndRead(second);
      expect(secondOut).toContain('Lamplight listening on');
      expect(secondOut).not.toContain('Steward invitation');
    });
  });
}

async function stopAndRead(s: Awaited<ReturnType<typeof startServer>>): Promise<string> {
  await s.stop();
  return s.output();
}
