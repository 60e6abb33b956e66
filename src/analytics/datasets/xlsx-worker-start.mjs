// A worker thread's first module: it lets the thread load TypeScript as the main thread does
// (bin/parity.js registers tsx the same way), then runs the module it was given.
import { workerData } from 'node:worker_threads';
import { register } from 'tsx/esm/api';

register();
await import(workerData.module);
