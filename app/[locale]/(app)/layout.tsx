import { connection } from "next/server";

// Everything under (app) is per-user: always rendered on request, never cached.
export default async function SignedInLayout({ children }: { children: React.ReactNode }) {
  await connection();
  return children;
}
