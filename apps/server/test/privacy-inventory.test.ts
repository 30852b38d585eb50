import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { BOOKKEEPING_TABLES, listColumns } from '@lamplight/storage';
import { freshDatabase, testEngines } from '@lamplight/storage/testing';
import { REPO_ROOT } from './harness.js';

/** `table.column` names listed in the first cell of docs/PRIVACY.md's table rows. */
function documentedColumns(): string[] {
  const doc = readFileSync(join(REPO_ROOT, 'docs', 'PRIVACY.md'), 'utf8');
  return [...doc.matchAll(/^\|\s*`([a-z_]+\.[a-z_]+)`\s*\|/gmu)].map((m) => m[1] ?? '').sort();
}

for (const engine of testEngines(process.env)) {
  describe(`data inventory on ${engine.name}`, () => {
    it('docs/PRIVACY.md lists exactly the columns the schema has', async () => {
      const db = await freshDatabase(engine);
      try {
        const bookkeeping = new Set<string>(BOOKKEEPING_TABLES);
        const actual = (await listColumns(db.open)).filter((c) => !bookkeeping.has(c.split('.')[0] ?? ''));
        const documented = documentedColumns();
        expect(documented.length).toBeGreaterThan(0);
        expect({ undocumented: actual.filter((c) => !documented.includes(c)), stale: documented.filter((c) => !actual.includes(c)) }).toEqual({
          undocumented: [],
          stale: [],
        });
      } finally {
        await db.drop();
      }
    });

    it('no column is named like something we promise never to store', async () => {
      const db = await freshDatabase(engine);
      try {
        const forbidden = /(^|_)(ip|ip_address|user_agent|email|e_mail|phone|real_name|location|plaintext|secret|token)$/u;
        expect((await listColumns(db.open)).filter((c) => forbidden.test(c.split('.')[1] ?? ''))).toEqual([]);
      } finally {
        await db.drop();
      }
    });
  });
}
