import { connection } from "next/server";
import { ClientMessages } from "@/components/layout/client-messages";

// Everything under (app) is per-user: always rendered on request, never cached.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return <ClientMessages namespaces={["admin", "apply", "donor", "enums", "funds", "me", "money", "review"]}>{children}</ClientMessages>;
}
