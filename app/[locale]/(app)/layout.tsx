import { connection } from "next/server";
import { ClientMessages } from "@/components/layout/client-messages";

// Everything under (app) is per-user: always rendered on request, never cached.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return (
    <ClientMessages
      namespaces={[
        "claim",
        "importSealed",
        "admin",
        "apply",
        "auth",
        "courses",
        "donor",
        "enums",
        "funds",
        "me",
        "money",
        "provider",
        "review",
        "security",
      ]}
    >
      {children}
    </ClientMessages>
  );
}
