// A page-reading worker thread (isolated-extract.ts) when its code could not be bundled: a worker
// cannot start from a .ts file by itself, so register tsx in it, then load the worker's code.
import { register } from 'tsx/esm/api';

register();
await import('./extract-worker-main.ts');
