// A throwaway database for tests and checks: on the server in DATABASE_URL when set, otherwise on an
// embedded PostgreSQL under .data/test. `drop()` removes it (and stops the embedded server).
import crypto from "node:crypto";
import path from "node:path";
import pg from "pg";
import { startEmbeddedPostgres } from "./embedded-postgres.mjs";

async function admin(serverUrl, sql) {
  const c = new pg.Client({ connectionString: serverUrl });
  await c.connect();
  try {
    await c.query(sql);
  } finally {
    await c.end();
  }
}

/** @returns {Promise<{ url: string, drop: () => Promise<void> }>} */
export async function createThrowawayDatabase({ prefix, projectDir }) {
  let serverUrl = process.env.DATABASE_URL ?? "";
  let stop;
  if (!serverUrl) {
    const server = await startEmbeddedPostgres({
      dataRoot: path.join(projectDir, ".data", "test"),
      projectDir,
      port: 54339,
      database: "postgres",
      log: () => {},
    });
    serverUrl = server.adminUrl;
    stop = server.stop;
  }
  const name = `${prefix}_${crypto.randomBytes(4).toString("hex")}`;
  await admin(serverUrl, `CREATE DATABASE "${name}"`);
  const url = new URL(serverUrl);
  url.pathname = `/${name}`;
  return {
    url: url.toString(),
    drop: async () => {
      await admin(serverUrl, `DROP DATABASE IF EXISTS "${name}" WITH (FORCE)`);
      await stop?.();
    },
  };
}
