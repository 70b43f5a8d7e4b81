import { defineConfig } from 'vitest/config';

export default defineConfig({
  test: {
    include: ['test/**/*.test.ts', 'src/**/*.test.ts'],
    testTimeout: 30_000,
    hookTimeout: 30_000,
    pool: 'forks',
    // Vitest's default is one worker per core less one: a single worker on a 2-core CI machine.
    // Much of each test waits on PostgreSQL, argon2 or a child process, so three keep both cores busy.
    maxWorkers: 3,
  },
});
