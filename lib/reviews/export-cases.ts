// ─── RISKY FILE: exports that may carry identities ─────────────────────────────────────────────────
// A fund manager exports their fund's cases as CSV. Personal fields (legal name, phone, city, birth date,
// contact) are included only with the separate permission `application:export-personal:org` and a
// written reason; every case in such an export gets an `identity.exported` entry in the access log, in
// the same transaction as the export's own audit event, before anything is decrypted.
import "server-only";
import { sealLoadedCaseText } from "@/lib/crypto/case-text";
import crypto from "node:crypto";
import { stringify } from "csv-stringify/sync";
import { decryptPersonal } from "@/lib/applications/personal-data";
import { recordAuditEvent } from "@/lib/audit/record-audit-event";
import { assertCan, orgsWithRole, type Actor } from "@/lib/authz/actor";
import { decrypt } from "@/lib/crypto";
import { loadCaseKeys, loadUserKeys } from "@/lib/crypto/case-keys";
import { db } from "@/lib/db/client";
import { ApplicationStatus } from "@/lib/db/generated/enums";
import { AppError } from "@/lib/errors";
import { minorDigits } from "@/lib/money/money";
import { neutraliseCell } from "@/lib/reviews/csv";
import { z } from "zod";

export const PERSONAL_EXPORT_LIMIT = 1000;
export const CASE_EXPORT_LIMIT = 50_000;

export const FundExportSchema = z
  .object({
    stage: z.preprocess(
      (v) => (v === "" ? undefined : v),
      z.enum(Object.values(ApplicationStatus) as [ApplicationStatus, ...ApplicationStatus[]]).optional(),
    ),
    personal: z.preprocess((v) => v === "1" || v === "on" || v === true, z.boolean()),
    reason: z
      .string()
      .trim()
      .max(500, { message: "too_long" })
      .refine((v) => !v.includes("\u0000"), { message: "invalid_characters" })
      .optional()
      .default(""),
  })
  .refine((v) => !v.personal || v.reason.length >= 10, { message: "reveal_reason", path: ["reason"] });
export type FundExportInput = z.infer<typeof FundExportSchema>;

export async function exportFundCases(
  actor: Actor,
  fundId: string,
  input: FundExportInput,
): Promise<{ csv: string; rows: number; exportCode: string }> {
  assertCan(actor, "fund:read:org");
  if (input.personal) assertCan(actor, "application:export-personal:org");
  const fund = await db().fund.findFirst({
    where: { id: fundId, organisationId: { in: orgsWithRole(actor, "FUND_MANAGER") } },
    select: { id: true, name: true, currency: true },
  });
  if (!fund) throw new AppError("NOT_FOUND", "fund not found");
  const take = input.personal ? PERSONAL_EXPORT_LIMIT : CASE_EXPORT_LIMIT;
  const exportCode = `EX-${crypto.randomBytes(4).toString("hex").toUpperCase()}`;
  return db().$transaction(
    async (tx) => {
      const rows = await tx.application.findMany({
        where: { fundId: fund.id, status: input.stage ?? { not: "DRAFT" }, applicantId: { not: actor.userId } },
        orderBy: [{ submittedAt: "asc" }, { id: "asc" }],
        take,
        select: {
          id: true,
          applicantId: true,
          referenceCode: true,
          status: true,
          category: true,
          purpose: true,
          region: true,
          requestedAmountMinor: true,
          approvedAmountMinor: true,
          submittedAt: true,
          score: true,
          legalNameEnc: true,
          phoneEnc: true,
          cityEnc: true,
          birthDateEnc: true,
        },
      });
      const filter = { fundId: fund.id, ...(input.stage ? { stage: input.stage } : {}) };
      await recordAuditEvent(tx, {
        actorId: actor.userId,
        action: "fund.cases_exported",
        entityType: "Fund",
        entityId: fund.id,
        data: { ...filter, personal: input.personal, rows: rows.length, exportCode },
      });
      // The access log names every identity that left the system, before any is decrypted.
      // The reason goes with each case, sealed under that case's key: erased with the case.
      if (input.personal)
        await loadCaseKeys(
          tx,
          rows.map((r) => r.id),
          { create: true },
        );
      if (input.personal)
        for (const r of rows)
          await recordAuditEvent(tx, {
            actorId: actor.userId,
            action: "identity.exported",
            entityType: "Application",
            entityId: r.id,
            data: { reasonEnc: sealLoadedCaseText(r.id, input.reason), exportCode },
          });
      if (input.personal)
        await loadUserKeys(
          tx,
          rows.map((r) => r.applicantId),
        );
      const profiles = input.personal
        ? new Map(
            (
              await tx.applicantProfile.findMany({
                where: { userId: { in: [...new Set(rows.map((r) => r.applicantId))] } },
                select: { userId: true, contactChannel: true, contactHandleEnc: true },
              })
            ).map((p) => [p.userId, p]),
          )
        : new Map();
      const major = (m: number | null) => (m === null ? "" : (m / 10 ** minorDigits(fund.currency)).toFixed(minorDigits(fund.currency)));
      const header = [
        "reference",
        "stage",
        "category",
        "purpose",
        "region",
        "requested",
        "approved",
        "currency",
        "score",
        "submitted_at",
        ...(input.personal ? ["legal_name", "phone", "city", "birth_date", "contact_channel", "contact_handle"] : []),
        "export_code",
      ];
      const records = rows.map((r) => {
        const base = [
          r.referenceCode,
          r.status,
          r.category,
          r.purpose,
          r.region,
          major(r.requestedAmountMinor),
          major(r.approvedAmountMinor),
          fund.currency,
          r.score >= 0 ? r.score : "",
          r.submittedAt?.toISOString() ?? "",
        ];
        if (!input.personal) return [...base, exportCode].map(neutraliseCell);
        const p = decryptPersonal(r.id, r);
        const profile = profiles.get(r.applicantId);
        const handle = profile?.contactHandleEnc
          ? decrypt(profile.contactHandleEnc, `ApplicantProfile.contactHandle:${r.applicantId}`)
          : "";
        return [
          ...base,
          p.legalName ?? "",
          p.phone ?? "",
          p.city ?? "",
          p.birthDate ?? "",
          profile?.contactChannel ?? "",
          handle,
          exportCode,
        ].map(neutraliseCell);
      });
      return { csv: stringify([header, ...records]), rows: rows.length, exportCode };
    },
    { timeout: 60_000 },
  );
}
