import { config } from 'zod';

// The CSP forbids `new Function`; zod must validate without compiling, and
// must not even probe for eval (the probe itself is a CSP violation).
config({ jitless: true });
