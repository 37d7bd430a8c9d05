// `npm run keys:generate`: prints fresh secrets for a production .env (never commit them).
import crypto from "node:crypto";
import { generateKeySpec } from "../lib/crypto/field-encryption";

const id = `k${new Date().toISOString().slice(0, 10).replaceAll("-", "")}`;
console.log(`AUTH_SECRET=${crypto.randomBytes(32).toString("base64url")}`);
console.log(`ENCRYPTION_KEYS=${generateKeySpec(id)}`);
console.log(`BLIND_INDEX_KEY=${crypto.randomBytes(32).toString("base64url")}`);
