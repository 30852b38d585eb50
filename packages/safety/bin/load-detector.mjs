// Loads the detector from TypeScript source through tsx (a fresh clone has no
// build), or from dist/ when tsx is not installed.
export async function loadSafety() {
  let api;
  try {
    api = await import('tsx/esm/api');
  } catch {
    api = undefined;
  }
  if (api !== undefined) {
    api.register();
    return import('../src/cli/classify-line.ts');
  }
  return import('../dist/cli/classify-line.js');
}
