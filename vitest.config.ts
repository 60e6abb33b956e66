import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['src/**/*.test.ts', 'test/**/*.test.ts'],
    environment: 'node',
    pool: 'forks',
    // Vitest's default is one worker fewer than the cores: one at a time on a 2-core machine. Test
    // files are independent (each has its own databases and data folder) and spend much of their
    // time waiting on PostgreSQL, SQLite and DuckDB, so three overlap well on two cores.
    maxWorkers: 3,
    // Each worker keeps its modules from one test file to the next instead of importing the app
    // again for each (198 s of module loading in CI down to about 23 s). The tests share no module
    // state: each makes its own databases, data folder and services, and none mocks modules, replaces
    // globals or sets process.env; the suite passed in shuffled file orders this way.
    isolate: false,
    testTimeout: 60_000,
    hookTimeout: 60_000,
    // Removes the temporary folders each test file made (test/temporary-dirs.ts).
    setupFiles: ['test/setup.ts'],
  },
});
