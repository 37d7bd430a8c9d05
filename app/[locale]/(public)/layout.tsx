import { ClientMessages } from "@/components/layout/client-messages";

export default function PublicLayout({ children }: { children: React.ReactNode }) {
  return (
    <ClientMessages namespaces={["deliver", "apply", "courses", "enums", "mirrors", "status", "transparency"]}>{children}</ClientMessages>
  );
}
