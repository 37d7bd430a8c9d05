"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/authz/current-actor";
import { db } from "@/lib/db/client";
import { AppError } from "@/lib/errors";
import { importReconciliation, MAX_IMPORT_BYTES } from "@/lib/payouts/batch";
import { applicantPayoutStep } from "@/lib/payouts/confirm-payout";
import { payoutStep } from "@/lib/payouts/payout-step";
import { requestPayout } from "@/lib/payouts/request-payout";
import { PayoutStepSchema, RequestPayoutSchema } from "@/lib/payouts/schemas";
import { checkReceipt } from "@/lib/transparency/queries";

export const requestPayoutAction = formAction("requestPayout", RequestPayoutSchema, async (input) => {
  const { reference } = await requestPayout(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/payouts?requested=${encodeURIComponent(reference)}`);
});

export const payoutStepAction = formAction("payoutStep", PayoutStepSchema, async (input) => {
  const { status } = await payoutStep(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/payouts?done=${status}#payout-${input.payoutId}`);
});

export const applicantPayoutAction = formAction("applicantPayout", PayoutStepSchema, async (input) => {
  await applicantPayoutStep(await requireActor(), input);
  const p = await db().payout.findUniqueOrThrow({ where: { id: input.payoutId }, select: { applicationId: true } });
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/me/${p.applicationId}?payout=${input.action}#payouts`);
});

const ReconcileForm = z.object({ idempotencyKey: z.string().min(8).max(100), file: z.instanceof(File, { message: "csv_required" }) });

export const reconcileAction = formAction("reconcile", ReconcileForm, async ({ idempotencyKey, file }) => {
  if (file.size === 0) throw new AppError("INVALID_INPUT", "no file", { fieldErrors: { file: ["csv_required"] } });
  if (file.size > MAX_IMPORT_BYTES) throw new AppError("INVALID_INPUT", "too big", { fieldErrors: { file: ["csv_too_big"] } });
  const report = await importReconciliation(await requireActor(), await file.text(), idempotencyKey);
  revalidatePath("/[locale]", "layout");
  return report;
});

const CheckReceiptForm = z.object({ token: z.string().trim().min(1, { message: "required" }).max(2000, { message: "too_long" }) });

export const checkReceiptAction = formAction("checkReceipt", CheckReceiptForm, async ({ token }) => checkReceipt(token));
