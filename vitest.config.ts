import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["src/**/*.test.ts", "web/**/*.test.ts", "web/**/*.test.tsx", "bench/**/*.test.ts", "scripts/**/*.test.ts"],
    globalSetup: ["./src/test-support/global-setup.ts"],
    reporters: ["default", "./src/test-support/summary-reporter.ts"],
    testTimeout: 30_000,
    hookTimeout: 120_000,
    // Two cores here: database, browser and LibreOffice tests are heavy, keep parallelism modest.
    maxWorkers: 2,
  },
});
