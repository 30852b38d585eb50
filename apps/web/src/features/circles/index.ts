// The runtime only: the screens load lazily (see app/screens.tsx), and the
// client with MLS is imported when a profile with an account unlocks.
export { startCircles, useCirclesClient } from './runtime.js';
