import { defineConfig } from 'vitest/config';

// Tests expect English unless they ask for Chinese (LANG=zh_CN.UTF-8 or CKAFKA_LANG=zh-CN in the
// command's own environment): a developer's Chinese locale must not change what they read. Empty
// counts as unset for ckafka, so a test's LANG=zh_CN.UTF-8 is enough to switch.
const ENGLISH = { LC_ALL: '', LC_MESSAGES: '', LANG: 'C.UTF-8', CKAFKA_LANG: '' };

export default defineConfig({
  test: {
    env: ENGLISH,
    projects: [
      {
        test: {
          name: 'unit',
          include: ['test/unit/**/*.test.ts'],
        },
      },
      {
        test: {
          name: 'integration',
          include: ['test/integration/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
        },
      },
      {
        // What users install: the single executable and the npm tarball, built and run for real.
        test: {
          name: 'release',
          include: ['test/release/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 180_000,
        },
      },
      {
        // A minute or more per test, against a broker of its own: run once, by .ci/run
        // (`npx vitest run --project soak`), not with every run of the suite.
        test: {
          name: 'soak',
          include: ['test/soak/**/*.test.ts'],
          globalSetup: ['test/harness/global-setup.ts'],
          testTimeout: 240_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Heavy tests, each file with brokers of its own (a 3-node cluster, brokers that have never
        // seen a group): run once per CI pass, not with every integration run. KAFKA_VERSION applies.
        test: {
          name: 'cluster',
          include: ['test/cluster/**/*.test.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
        },
      },
      {
        // Heavy: a 3-broker cluster of its own, brokers killed and frozen under load (about 2
        // minutes). Run once in CI (.ci/run), not by `npm test`: `npm run test:faults`.
        test: {
          name: 'faults',
          include: ['test/faults/**/*.test.ts'],
          testTimeout: 150_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
