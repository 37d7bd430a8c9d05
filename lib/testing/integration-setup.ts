import { inject } from "vitest";

process.env.DATABASE_URL = inject("databaseUrl");
process.env.AUTH_SECRET ??= "test-secret-test-secret-test-secret-0123";
process.env.ENCRYPTION_KEYS ??= "test1:AAECAwQFBgcICQoLDA0ODxAREhMUFRYXGBkaGxwdHh8=";
process.env.BLIND_INDEX_KEY ??= "test-blind-index-key-test-blind-index-key";
process.env.STAFF_TWO_FACTOR ??= "optional"; // the two-factor tests force "required" themselves
// The tests stand in for the app server: they set the client's address header themselves (action-harness.ts).
process.env.PADTRYMKA_APP_SERVER ??= "1";
