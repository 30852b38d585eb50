export { mentionsUnder18 } from './under-18.js';
