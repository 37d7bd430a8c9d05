// What the offline page carries (docs/decisions/0046-sealed-applications.md): the open funds' questions
// with their version, and the intake public key. Rendered into the page, so the service worker that keeps
// the page keeps these with it, and refreshes both whenever the page is opened online.
import "server-only";
import { formParamsOf } from "@/lib/applications/load-own";
import type { FundFormParams } from "@/lib/applications/schemas";
import { db } from "@/lib/db/client";
import { formatMoney } from "@/lib/money/money";
import { fundFormVersion, intakeRecipient } from "@/lib/sealed/intake";

export type OfflineFund = {
  id: string;
  name: string;
  purpose: string;
  evidenceHint: string | null;
  version: string;
  params: FundFormParams;
  capLabel: string;
};

export async function offlineBundle(locale: string): Promise<{ recipient: string | null; funds: OfflineFund[] }> {
  const [recipient, funds] = await Promise.all([
    intakeRecipient(),
    db().fund.findMany({ where: { status: "OPEN" }, orderBy: { createdAt: "asc" } }),
  ]);
  return {
    recipient,
    funds: funds.map((f) => ({
      id: f.id,
      name: f.name,
      purpose: f.purpose,
      evidenceHint: f.evidenceHint,
      version: fundFormVersion(f),
      params: formParamsOf(f),
      capLabel: formatMoney(f.perApplicantCapMinor, f.currency, locale),
    })),
  };
}
