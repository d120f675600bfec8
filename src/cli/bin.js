#!/usr/bin/env node
// Entry point of the `coverage-bot` command: runs the TypeScript CLI through tsx (no build step).
import { register } from 'tsx/esm/api';

register();
const { run } = await import('./main.ts');
await run();
