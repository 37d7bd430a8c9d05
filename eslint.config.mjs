import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

// One Link, which never prefetches (lib/i18n/navigation.tsx).
const oneLink = [
  { name: "next/link", message: "Use Link from @/lib/i18n/navigation: it never prefetches." },
  { name: "next-intl/navigation", message: "Use @/lib/i18n/navigation: its Link never prefetches." },
];

const noTooling = [
  { group: ["**/scripts/**", "@/scripts/**"], message: "lib/ never imports from scripts/: move what both need into lib/." },
];

const config = [
  ...nextVitals,
  ...nextTs,
  {
    ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"],
  },
  {
    rules: {
      // process.env is read only in lib/env.ts (and the scripts that prepare the environment).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
      "no-restricted-imports": ["error", { paths: oneLink }],
    },
  },
  // Pages and route handlers read through the domain's queries (lib/<domain>/), never the database client.
  {
    files: ["app/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...oneLink,
            { name: "@/lib/db/client", message: "Pages call queries in lib/, never the database client (README, Architecture)." },
          ],
        },
      ],
    },
  },
  // The arrows point from scripts/ to lib/, never back: the app and its test helpers import no tooling.
  { files: ["lib/**"], rules: { "no-restricted-imports": ["error", { paths: oneLink, patterns: noTooling }] } },
  // The actor is loaded on every request: it needs the two-factor policy, not the TOTP and QR code libraries.
  {
    files: ["lib/authz/**"],
    rules: {
      "no-restricted-imports": [
        "error",
        {
          paths: [
            ...oneLink,
            {
              name: "@/lib/auth/two-factor",
              message: "Import the policy from @/lib/auth/two-factor-policy (lib/auth/two-factor.ts imports lib/authz/actor.ts).",
            },
          ],
          patterns: noTooling,
        },
      ],
    },
  },
  { files: ["lib/i18n/navigation.tsx"], rules: { "no-restricted-imports": "off" } },
  {
    files: ["lib/env.ts", "scripts/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "lib/testing/**", "prisma/**", "bench/**"],
    rules: { "no-restricted-properties": "off" },
  },
];

export default config;
