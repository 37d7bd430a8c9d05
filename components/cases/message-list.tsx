import { getFormatter, getTranslations } from "next-intl/server";
import type { MessageKind } from "@/lib/db/generated/enums";

type Message = { id: string; kind: MessageKind; createdAt: Date; body: string; templateKey?: string | null };

/** A case's conversation, for the applicant ("your answer") or for staff ("from the applicant"). */
export async function MessageList({ messages, viewer }: { messages: Message[]; viewer: "applicant" | "staff" }) {
  const [tm, tr, tt, format] = await Promise.all([
    getTranslations("me"),
    getTranslations("review"),
    getTranslations("templates"),
    getFormatter(),
  ]);
  if (messages.length === 0) return null;
  return (
    <section className="space-y-2">
      <h2>{tm("messages")}</h2>
      <ul className="space-y-2">
        {messages.map((m) => (
          <li key={m.id} className="rounded border border-neutral-200 p-3">
            <p className="text-sm text-neutral-700">
              {m.kind === "APPLICANT_REPLY" ? (viewer === "applicant" ? tm("fromYou") : tr("fromApplicant")) : tm("fromReviewers")} ·{" "}
              {format.dateTime(m.createdAt, { dateStyle: "medium", timeStyle: "short" })}
            </p>
            {/* A template is shown in the reader's language; the reviewer's own words follow it. */}
            {m.templateKey && tt.has(m.templateKey as never) && <p>{tt(m.templateKey as never)}</p>}
            {m.body && <p className="whitespace-pre-wrap">{m.body}</p>}
          </li>
        ))}
      </ul>
    </section>
  );
}
