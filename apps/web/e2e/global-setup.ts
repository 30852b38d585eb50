import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { REPO_ROOT } from '../../server/test/harness.js';

/**
 * Browser tests run against the built server and web app. `npm test` builds
 * both before the tests; running vitest alone needs `npm run build` first.
 */
export default function setup(): void {
  for (const f of [join(REPO_ROOT, 'apps/server/dist/main.js'), join(REPO_ROOT, 'apps/web/dist/index.html')]) {
    if (!existsSync(f)) throw new Error(`${f} is missing: run \`npm run build\` before the browser tests`);
  }
}
