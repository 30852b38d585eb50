export { startCircles, useCirclesClient } from './runtime.js';
export { CirclesScreen } from './CirclesScreen.js';
