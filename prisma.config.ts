// Prisma CLI configuration. The CLI is only used here for `generate` (scripts/prisma-generate.mjs);
// migrations run through scripts/prisma-wasm.mjs, and the app connects through lib/db/client.ts.
import { defineConfig } from "prisma/config";

export default defineConfig({
  schema: "prisma/schema.prisma",
  migrations: { path: "prisma/migrations" },
});
