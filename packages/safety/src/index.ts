export * from './directory/index.js';
export * from './detector/index.js';
export * from './pii/index.js';
export * from './scales/index.js';
export * from './plan/index.js';
export * from './age/index.js';
