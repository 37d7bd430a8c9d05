"use server";
import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { getLocale } from "next-intl/server";
import { formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/authz/current-actor";
import { applicantRespond, offerToCandidate, providerDecide, requestSeat } from "@/lib/courses/enrolment";
import { changeCourseStatus, saveCourse } from "@/lib/courses/manage-courses";
import { saveProfile } from "@/lib/courses/profile";
import {
  ApplicantResponseSchema,
  CourseSchema,
  CourseStatusSchema,
  OfferCandidateSchema,
  ProfileSchema,
  ProviderDecisionSchema,
  RequestSeatSchema,
} from "@/lib/courses/schemas";
import { db } from "@/lib/db/client";

export const saveCourseAction = formAction("saveCourse", CourseSchema, async (input) => {
  const { courseId } = await saveCourse(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/provider/courses/${courseId}?saved=1`);
});

export const courseStatusAction = formAction("courseStatus", CourseStatusSchema, async ({ courseId, action }) => {
  const result = await changeCourseStatus(await requireActor(), courseId, action);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/provider/courses/${result.courseId}?done=${action}`);
});

export const requestSeatAction = formAction("requestSeat", RequestSeatSchema, async (input) => {
  await requestSeat(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/me?requested=1#courses`);
});

export const providerDecisionAction = formAction("providerDecision", ProviderDecisionSchema, async (input) => {
  const { status } = await providerDecide(await requireActor(), input);
  const e = await db().enrollment.findUniqueOrThrow({ where: { id: input.enrollmentId }, select: { courseId: true } });
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/provider/courses/${e.courseId}?moved=${status}#enrolments`);
});

export const applicantResponseAction = formAction("applicantResponse", ApplicantResponseSchema, async (input) => {
  await applicantRespond(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/me?enrolment=${input.action}#courses`);
});

export const offerCandidateAction = formAction("offerCandidate", OfferCandidateSchema, async (input) => {
  await offerToCandidate(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/provider/courses/${input.courseId}?moved=OFFERED#enrolments`);
});

export const saveProfileAction = formAction("saveProfile", ProfileSchema, async (input) => {
  await saveProfile(await requireActor(), input);
  revalidatePath("/[locale]", "layout");
  redirect(`/${await getLocale()}/me?profile=1#courses`);
});
