/** Night watch for responders and stewards: the screens the shell renders. */
export { WatchAdminScreen } from './WatchAdminScreen.js';
export { WatchScreen } from './WatchScreen.js';
