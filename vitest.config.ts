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
    testTimeout: 60_000,
    hookTimeout: 60_000,
  },
});
