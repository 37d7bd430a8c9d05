import { ClientMessages } from "@/components/layout/client-messages";

export default function AuthLayout({ children }: { children: React.ReactNode }) {
  return <ClientMessages namespaces={["auth", "enums"]}>{children}</ClientMessages>;
}
