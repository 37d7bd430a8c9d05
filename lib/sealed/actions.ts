"use server";
// Server actions of sealed applications (docs/decisions/0046-sealed-applications.md): delivery signed out,
// bulk import on a fund's page, claiming into the signed-in account. All work without JavaScript.
import { revalidatePath } from "next/cache";
import { getTranslations } from "next-intl/server";
import { formAction } from "@/lib/actions/form-action";
import { ClaimSchema } from "@/lib/applications/schemas";
import { requireActor } from "@/lib/authz/current-actor";
import { isAppError } from "@/lib/errors";
import { clientAddress } from "@/lib/rate-limit/rate-limit";
import { claimSealed } from "@/lib/sealed/claim";
import { deliverSealed } from "@/lib/sealed/deliver";
import { DeliverSchema, ImportSealedSchema } from "@/lib/sealed/schemas";

const input = async (v: { file?: File; text?: string }) => (v.file ? new Uint8Array(await v.file.arrayBuffer()) : v.text!);

export const deliverSealedAction = formAction("deliverSealed", DeliverSchema, async (v) => {
  return deliverSealed(await input(v), { kind: "public", client: await clientAddress() });
});

export type ImportRow = { name: string; referenceCode: string | null; again: boolean; message: string | null };

/** Each file on its own: one refused file never stops the others; the list says what became of each. */
export const importSealedAction = formAction("importSealed", ImportSealedSchema, async ({ fundId, files }) => {
  const actor = await requireActor();
  const rows: ImportRow[] = [];
  let t: Awaited<ReturnType<typeof getTranslations>> | undefined;
  for (const file of files) {
    try {
      const r = await deliverSealed(new Uint8Array(await file.arrayBuffer()), { kind: "import", actor, fundId });
      rows.push({ name: file.name, referenceCode: r.referenceCode, again: r.again, message: null });
    } catch (e) {
      // Not allowed at all (not a fund manager): the whole import is refused as usual.
      if (!isAppError(e) || e.code === "FORBIDDEN" || e.code === "UNAUTHENTICATED") throw e;
      t ??= await getTranslations();
      rows.push({
        name: file.name,
        referenceCode: null,
        again: false,
        message: e.messageKey ? t(e.messageKey as never, (e.messageValues ?? {}) as never) : t(`errors.${e.code}` as never),
      });
    }
  }
  revalidatePath("/[locale]", "layout");
  return { rows };
});

export const claimSealedAction = formAction("claimSealed", ClaimSchema, async ({ code }) => {
  const r = await claimSealed(await requireActor(), code);
  revalidatePath("/[locale]", "layout");
  return r;
});
