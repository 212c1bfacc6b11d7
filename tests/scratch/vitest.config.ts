import { defineConfig } from 'vitest/config';
export default defineConfig({ test: { include: ['tests/scratch/**/*.test.ts'], environment: 'node', testTimeout: 120000, disableConsoleIntercept: true } });
