#!/usr/bin/env node
// Generates the Prisma client offline. The Prisma 7 client needs no native engine (it runs through
// @prisma/adapter-pg), but the CLI still tries to download a native schema engine: point it at a stub
// that exits 1 so nothing is fetched. Migrations use scripts/prisma-wasm.mjs instead.
import { spawnSync } from "node:child_process";
import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);
const stub = path.join(os.tmpdir(), "padtrymka-no-schema-engine.sh");
fs.writeFileSync(stub, "#!/bin/sh\nexit 1\n", { mode: 0o755 });
const cli = path.join(path.dirname(require.resolve("prisma/package.json")), "build", "index.js");
const r = spawnSync(process.execPath, [cli, "generate", "--no-hints"], {
  stdio: "inherit",
  env: { ...process.env, PRISMA_SCHEMA_ENGINE_BINARY: stub, CHECKPOINT_DISABLE: "1", PRISMA_HIDE_UPDATE_MESSAGE: "1" },
});
process.exit(r.status ?? 1);
