"use client";
import { useTranslations } from "next-intl";
import { ActionForm } from "@/components/form/action-form";
import { signOutEverywhereAction } from "@/lib/users/actions";

/** Ends every session of this account (a lost phone, a detained volunteer's laptop). */
export function SignOutEverywhere() {
  const t = useTranslations("auth");
  return <ActionForm action={signOutEverywhereAction} hidden={{}} submitLabel={t("signOutEverywhere")} tone="secondary" />;
}
