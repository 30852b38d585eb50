export { startCircles } from './runtime.js';
export { CirclesScreen } from './CirclesScreen.js';
