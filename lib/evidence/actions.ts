"use server";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { formAction } from "@/lib/actions/form-action";
import { requireActor } from "@/lib/authz/current-actor";
import { addEvidence, removeEvidence } from "@/lib/evidence/evidence";

export const uploadEvidenceAction = formAction(
  "uploadEvidence",
  z.object({
    applicationId: z.string().min(1).max(100),
    file: z.file({ message: "required" }).refine((f) => f.size > 0, { message: "required" }),
  }),
  async ({ applicationId, file }) => {
    const r = await addEvidence(await requireActor(), applicationId, file);
    revalidatePath("/[locale]", "layout");
    return r;
  },
);

export const removeEvidenceAction = formAction("removeEvidence", z.object({ fileId: z.string().min(1).max(100) }), async ({ fileId }) => {
  await removeEvidence(await requireActor(), fileId);
  revalidatePath("/[locale]", "layout");
});
