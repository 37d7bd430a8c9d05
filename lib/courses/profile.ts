// The applicant's optional skills profile, used only for matching. Free text is encrypted.
import "server-only";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, type Actor } from "@/lib/authz/actor";
import type { ProfileInput } from "@/lib/courses/schemas";
import { decrypt, encryptForUser } from "@/lib/crypto";
import { loadUserKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";

export async function saveProfile(actor: Actor, input: ProfileInput): Promise<{ saved: true }> {
  assertCan(actor, "profile:update:own");
  if (input.experience) await loadUserKeys(db(), [actor.userId], { create: true });
  const data = {
    previousOccupation: input.previousOccupation || null,
    yearsExperience: input.yearsExperience ?? null,
    hasProgramming: input.hasProgramming,
    englishLevel: input.englishLevel || null,
    interests: input.interests,
    languages: input.languages,
    region: input.region || null,
    situation: input.situation || null,
    hoursPerWeek: input.hoursPerWeek ?? null,
    availableFrom: input.availableFrom ? new Date(`${input.availableFrom}T00:00:00Z`) : null,
    device: input.device || null,
    internet: input.internet || null,
    experienceEnc: input.experience ? encryptForUser(actor.userId, input.experience, `ApplicantProfile.experience:${actor.userId}`) : null,
    openToSuggestions: input.openToSuggestions,
  };
  await db().$transaction(async (tx) => {
    await tx.applicantProfile.upsert({ where: { userId: actor.userId }, create: { userId: actor.userId, ...data }, update: data });
    await recordAuditEvent(tx, {
      actorId: actor.userId,
      action: "profile.updated",
      entityType: "ApplicantProfile",
      entityId: actor.userId,
      data: { openToSuggestions: data.openToSuggestions },
    });
  });
  return { saved: true };
}

export async function getOwnProfile(actor: Actor) {
  const p = await db().applicantProfile.findUnique({ where: { userId: actor.userId } });
  if (!p) return null;
  await loadUserKeys(db(), [actor.userId]);
  return { ...p, experience: p.experienceEnc ? decrypt(p.experienceEnc, `ApplicantProfile.experience:${actor.userId}`) : "" };
}
