// A worker thread of `tokeniseCorpus` (parallel-terms.ts). A worker cannot start from a .ts file
// by itself: register tsx in it, then load the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./terms-worker-main.ts');
