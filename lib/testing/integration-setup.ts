import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.ENCRYPTION_KEYS ??= "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
process.env.BLIND_INDEX_KEY ??= "test-blind-index-key-test-blind-index-key";
// A fixed intake key for sealed applications (tests seal to its public key).
process.env.INTAKE_KEYS ??= "AGE-SECRET-KEY-1MZXHNX4PQ3V9P230GT4TW5X4YPS5WKJT52V0AC3M60F2CT37NFYS64P0MJ";
process.env.STAFF_TWO_FACTOR ??= "optional"; // the two-factor tests force "required" themselves
// The tests stand in for the app server: they set the client's address header themselves (action-harness.ts).
process.env.PADTRYMKA_APP_SERVER ??= "1";
