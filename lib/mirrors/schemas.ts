import { z } from "zod";
import { MAX_LIST_CHARS } from "@/lib/mirrors/signed-list";

/** A pasted copy of the signed mirror list, to check on /{locale}/mirrors. */
export const VerifyMirrorListSchema = z.object({ list: z.string().trim().min(1).max(MAX_LIST_CHARS) });
export type VerifyMirrorListInput = z.infer<typeof VerifyMirrorListSchema>;
