#!/usr/bin/env node
// Runs the TypeScript command line through tsx, so `npx parity …` works without a build step.
import { register } from 'tsx/esm/api';

register();
const { runCli } = await import('../src/cli/main.ts');
const code = await runCli(process.argv.slice(2));
if (code !== 0) process.exitCode = code;
