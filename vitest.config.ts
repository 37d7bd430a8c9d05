import path from "node:path";
import { defineConfig } from "vitest/config";

const root = import.meta.dirname;

export default defineConfig({
  resolve: {
    alias: {
      "@": root,
      // `server-only` throws outside React server bundles; in tests the modules run on the server anyway.
      "server-only": path.join(root, "lib/testing/server-only-stub.ts"),
    },
  },
  test: {
    projects: [
      {
        extends: true,
        test: {
          name: "unit",
          include: ["lib/**/*.test.ts", "messages/**/*.test.ts", "scripts/**/*.test.ts", "components/**/*.test.ts"],
          exclude: ["**/*.integration.test.ts", "node_modules/**"],
          environment: "node",
        },
      },
      {
        extends: true,
        test: {
          name: "integration",
          include: ["lib/**/*.integration.test.ts", "prisma/**/*.integration.test.ts"],
          exclude: ["**/*.serial.integration.test.ts", "node_modules/**"],
          globalSetup: ["scripts/lib/integration-global-setup.ts"],
          setupFiles: ["lib/testing/integration-setup.ts"],
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
      {
        // Tests that change the whole deployment (the emergency lock): run on their own, after the others.
        extends: true,
        test: {
          name: "integration-serial",
          include: ["lib/**/*.serial.integration.test.ts"],
          globalSetup: ["scripts/lib/integration-global-setup.ts"],
          setupFiles: ["lib/testing/integration-setup.ts"],
          fileParallelism: false,
          testTimeout: 30_000,
          hookTimeout: 120_000,
        },
      },
    ],
  },
});
