#!/usr/bin/env node
// Entry of `npm run bench`: load TypeScript through tsx, then run the suite.
import { register } from 'tsx/esm/api';

register();
await import('./src/main.ts');
