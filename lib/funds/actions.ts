"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { formAction } from "@/lib/actions/form-action";
import { orgsWithRole } from "@/lib/authz/actor";
import { requireActor } from "@/lib/authz/current-actor";
import { db } from "@/lib/db/client";
import { saveFund } from "@/lib/funds/manage-funds";
import { lapsePledge, recordPledge, recordReceipt } from "@/lib/funds/pledges";
import {
  DecideConfirmationSchema,
  FundCourseSchema,
  FundSchema,
  LapsePledgeSchema,
  PledgeSchema,
  ReceiptSchema,
} from "@/lib/funds/schemas";
import { decideConfirmation } from "@/lib/funds/confirmations";
import { fundCourse } from "@/lib/courses/funding";

export const saveFundAction = formAction("saveFund", FundSchema, async (input) => {
  const { fundId, waiting } = await saveFund(await requireActor(), input);
  revalidatePath("/[locale]/funds", "layout");
  // A weaker setting was not applied: the fund page says it waits for another fund manager.
  redirect(`/${await getLocale()}/funds/${fundId}?saved=1${waiting.length ? "&waiting=1#confirmations" : ""}`);
});

export const decideConfirmationAction = formAction("decideConfirmation", DecideConfirmationSchema, async (input) => {
  const { fundId, status } = await decideConfirmation(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/funds/${fundId}?confirmation=${status}#confirmations`);
});

export const recordPledgeAction = formAction("recordPledge", PledgeSchema, async (input) => {
  const actor = await requireActor();
  await recordPledge(actor, input);
  const fund = await db().fund.findUnique({ where: { id: input.fundId }, select: { organisationId: true } });
  const locale = await getLocale();
  revalidatePath("/[locale]", "layout");
  if (fund && orgsWithRole(actor, "FUND_MANAGER").includes(fund.organisationId))
    redirect(`/${locale}/funds/${input.fundId}?pledged=1#pledges`);
  redirect(`/${locale}/pledges?pledged=1`);
});

export const recordReceiptAction = formAction("recordReceipt", ReceiptSchema, async (input) => {
  const { status } = await recordReceipt(await requireActor(), input);
  const pledge = await db().pledge.findUniqueOrThrow({ where: { id: input.pledgeId }, select: { fundId: true } });
  revalidatePath("/[locale]", "layout");
  redirect(
    status === "WAITING_FOR_CONFIRMATION"
      ? `/${await getLocale()}/funds/${pledge.fundId}?received=waiting#confirmations`
      : `/${await getLocale()}/funds/${pledge.fundId}?received=1#pledges`,
  );
});

export const lapsePledgeAction = formAction("lapsePledge", LapsePledgeSchema, async (input) => {
  await lapsePledge(await requireActor(), input);
  const pledge = await db().pledge.findUniqueOrThrow({ where: { id: input.pledgeId }, select: { fundId: true } });
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/funds/${pledge.fundId}?lapsed=1#pledges`);
});

export const fundCourseAction = formAction("fundCourse", FundCourseSchema, async (input) => {
  await fundCourse(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/funds/${input.fundId}?funded=1#courses`);
});
