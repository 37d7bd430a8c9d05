// `npm run keys:rotate`: re-wraps every case data key under the newest master key and re-encrypts the
// values encrypted directly under an older one (lib/crypto/rotate.ts). Needs DATABASE_URL and
// ENCRYPTION_KEYS listing the new key first and the old ones after it — the same value the app nodes
// already run with, so it works while they serve. Prints what it did; exit 0 when nothing is left under
// an old key (then the old key can be removed from ENCRYPTION_KEYS).
import { PrismaPg } from "@prisma/adapter-pg";
import { parseKeyring } from "../lib/crypto/field-encryption";
import { rotateMasterKey } from "../lib/crypto/rotate";
import { PrismaClient } from "../lib/db/generated/client";

async function main() {
  const url = process.env.DATABASE_URL;
  const spec = process.env.ENCRYPTION_KEYS;
  if (!url || !spec) {
    console.error(
      'keys:rotate needs DATABASE_URL and ENCRYPTION_KEYS (new key first, e.g. "k2:<base64>,k1:<base64>"); see README, Key rotation.',
    );
    process.exit(2);
  }
  const ring = parseKeyring(spec);
  const db = new PrismaClient({ adapter: new PrismaPg({ connectionString: url }) });
  try {
    const r = await rotateMasterKey(db, ring);
    console.log(`data_keys_rewrapped ${r.dataKeysRewrapped}`);
    console.log(`values_reencrypted ${r.valuesReencrypted}`);
    console.log(`files_reencrypted ${r.filesReencrypted}`);
    console.log(`still_under_old_keys ${r.stillUnderOldKeys}`);
    console.log(
      r.stillUnderOldKeys === 0
        ? `Done: everything is under ${ring.current}; the older keys can be removed from ENCRYPTION_KEYS.`
        : "Some values are still under old keys: run again.",
    );
    process.exitCode = r.stillUnderOldKeys === 0 ? 0 : 1;
  } finally {
    await db.$disconnect();
  }
}

main().catch((e) => {
  console.error(`keys:rotate failed: ${e instanceof Error ? e.message : String(e)}`);
  process.exit(1);
});
