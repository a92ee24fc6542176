import fs from 'node:fs';
import { defineConfig } from 'vitest/config';

const pkg = JSON.parse(fs.readFileSync('package.json', 'utf8')) as { version: string };

export default defineConfig({
  define: { __APP_VERSION__: JSON.stringify(pkg.version) },
  test: {
    include: ['tests/unit/**/*.test.ts', 'tests/integration/**/*.test.ts', 'tests/shell/**/*.test.ts'],
    environment: 'node',
    testTimeout: 30_000,
    pool: 'forks',
    globalSetup: ['tests/support/build-workers.ts'],
  },
});
