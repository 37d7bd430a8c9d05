"use server";
// Checking a pasted mirror list on /{locale}/mirrors (works without JavaScript: a plain form post).
import { formAction } from "@/lib/actions/form-action";
import { AppError } from "@/lib/errors";
import { deploymentSigningKey } from "@/lib/mirrors/mirrors";
import { VerifyMirrorListSchema } from "@/lib/mirrors/schemas";
import { verifyMirrorList } from "@/lib/mirrors/signed-list";

export const verifyMirrorListAction = formAction("verifyMirrorList", VerifyMirrorListSchema, async ({ list }) => {
  const key = deploymentSigningKey();
  if (!key) throw new AppError("INVALID_STATE", "no signing key", { messageKey: "mirrors.verifyNoKey" });
  const r = verifyMirrorList(list, key.publicKey);
  if (r.ok) return { urls: r.urls, date: r.date };
  // Nothing the person pasted is echoed back except the fingerprint of a key that is not ours.
  if (r.reason === "malformed") throw new AppError("INVALID_INPUT", "not a mirror list", { messageKey: "mirrors.verifyMalformed" });
  if (r.reason === "changed") throw new AppError("INVALID_INPUT", "changed after signing", { messageKey: "mirrors.verifyChanged" });
  throw new AppError("INVALID_INPUT", "signed by another key", {
    messageKey: "mirrors.verifyOtherKey",
    messageValues: { fingerprint: r.fingerprint },
  });
});
