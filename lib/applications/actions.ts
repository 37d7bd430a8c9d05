"use server";
import { formAction } from "@/lib/actions/form-action";
import { lookupStatusByReference } from "@/lib/applications/queries";
import { StatusLookupSchema } from "@/lib/applications/schemas";
import { lookupByClaimCode } from "@/lib/sealed/claim";
import { CLAIM_CODE } from "@/lib/sealed/claim-code";
import { AppError } from "@/lib/errors";
import { clientAddress, consumeRateLimit, LIMITS } from "@/lib/rate-limit/rate-limit";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { answerInfoRequest, deleteApplicationData, withdrawApplication } from "@/lib/applications/applicant-case-actions";
import { listOpenFunds } from "@/lib/funds/queries";
import { fundAccepts } from "@/lib/applications/rules";
import { AnswerInfoSchema, DeleteDataSchema, EligibilitySchema, StartApplicationSchema, WithdrawSchema } from "@/lib/applications/schemas";
import { saveWithEvidence } from "@/lib/applications/save-with-evidence";
import { startApplication } from "@/lib/applications/start-application";
import { currentActor, requireActor } from "@/lib/authz/current-actor";

export const lookupStatusAction = formAction("lookupStatus", StatusLookupSchema, async ({ code }) => {
  // Against guessing codes: a few lookups per client per window, counted before the lookup.
  await consumeRateLimit(LIMITS.statusLookup, await clientAddress());
  if (CLAIM_CODE.test(code)) {
    // The claim code of a sealed application: its case's stage, or the fund's reason for refusing it.
    const claimed = await lookupByClaimCode(code);
    if (!claimed) throw new AppError("NOT_FOUND", "no such code", { messageKey: "status.notFound" });
    if (claimed.kind === "refused") return { status: null, refused: claimed.reason, since: claimed.since.toISOString() };
    return { status: claimed.status, refused: null, since: claimed.since.toISOString() };
  }
  const found = await lookupStatusByReference(code);
  if (!found || found.status === "DRAFT") throw new AppError("NOT_FOUND", "no such code", { messageKey: "status.notFound" });
  return { status: found.status, refused: null, since: found.updatedAt.toISOString() };
});

// ─── Applying ───────────────────────────────────────────────────────────────────────────────────────

/** Eligibility check: answers in, matching fund ids out. Nothing is stored. */
export const checkEligibilityAction = formAction("checkEligibility", EligibilitySchema, async ({ category, purpose, region }) => {
  const funds = await listOpenFunds();
  return {
    fundIds: funds.filter((f) => fundAccepts({ ...f, status: "OPEN" }, category, purpose)).map((f) => f.id),
    answers: { category, purpose, region: region ?? "" },
  };
});

export const startApplicationAction = formAction("startApplication", StartApplicationSchema, async (input) => {
  const locale = await getLocale();
  const actor = await currentActor();
  if (!actor) redirect(`/${locale}/sign-in?next=${encodeURIComponent(`/${locale}/apply`)}`);
  const { applicationId } = await startApplication(actor, input);
  redirect(`/${locale}/apply/${applicationId}`);
});

// The form's fields depend on the fund, so the use case parses them with the fund's schema. The form also
// carries its files ("Add the file", "Remove …"): the draft is saved with them, nothing typed is lost.
export const saveApplicationAction = formAction(
  "saveApplication",
  z.looseObject({ applicationId: z.string().min(1).max(100) }),
  async (raw) => {
    const locale = await getLocale();
    // Submissions per account are limited inside the use case (saving a draft is not).
    const r = await saveWithEvidence(await requireActor(), raw.applicationId, raw);
    if (r.status === "SUBMITTED") redirect(`/${locale}/me/${r.applicationId}?submitted=1`);
    if (r.evidence) revalidatePath("/[locale]", "layout");
    return r;
  },
);

export const withdrawApplicationAction = formAction("withdrawApplication", WithdrawSchema, async ({ applicationId }) => {
  await withdrawApplication(await requireActor(), applicationId);
  redirect(`/${await getLocale()}/me/${applicationId}`);
});

export const deleteApplicationDataAction = formAction("deleteApplicationData", DeleteDataSchema, async ({ applicationId }) => {
  await deleteApplicationData(await requireActor(), applicationId);
  redirect(`/${await getLocale()}/me/${applicationId}?deleted=1`);
});

export const answerInfoRequestAction = formAction("answerInfoRequest", AnswerInfoSchema, async ({ applicationId, answer }) => {
  await answerInfoRequest(await requireActor(), applicationId, answer);
  redirect(`/${await getLocale()}/me/${applicationId}`);
});
