import nextVitals from "eslint-config-next/core-web-vitals";
import nextTs from "eslint-config-next/typescript";

const config = [
  ...nextVitals,
  ...nextTs,
  { ignores: [".next/**", ".data/**", "node_modules/**", "lib/db/generated/**", "test-results/**", "playwright-report/**", "next-env.d.ts"] },
  {
    rules: {
      // process.env is read only in lib/env.ts (and the scripts that prepare the environment).
      "no-restricted-properties": ["error", { object: "process", property: "env", message: "Read configuration through lib/env.ts." }],
      // One Link, which never prefetches (lib/i18n/navigation.tsx).
      "no-restricted-imports": ["error", { paths: [
        { name: "next/link", message: "Use Link from @/lib/i18n/navigation: it never prefetches." },
        { name: "next-intl/navigation", message: "Use @/lib/i18n/navigation: its Link never prefetches." },
      ] }],
    },
  },
  { files: ["lib/i18n/navigation.tsx"], rules: { "no-restricted-imports": "off" } },
  { files: ["lib/env.ts", "scripts/**", "e2e/**", "playwright.config.ts", "vitest.config.ts", "lib/testing/**", "prisma/**", "bench/**"], rules: { "no-restricted-properties": "off" } },
];

export default config;
