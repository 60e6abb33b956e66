// Run before each test file (vitest.config.ts): its hooks run after the file's own.
import { afterAll } from 'vitest';
import { removeTemporaryDirs } from './temporary-dirs.ts';

afterAll(removeTemporaryDirs);
