"use client";
// The optional skills profile. The same zod schema validates here and in the server action.
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/form/checkbox-field";
import { CheckboxGroup } from "@/components/form/checkbox-group";
import { FormMessage } from "@/components/form/form-message";
import { SelectField } from "@/components/form/select-field";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { saveProfileAction } from "@/lib/courses/actions";
import { GROUPS, LANGUAGES, ProfileSchema, REGIONS, TRACKS } from "@/lib/courses/schemas";

export function ProfileForm({ defaults }: { defaults: Record<string, string> }) {
  const t = useTranslations("courses");
  const te = useTranslations("enums");
  const split = (x?: string) => (x ? x.split("\n").filter(Boolean) : []);
  const f = useActionForm(ProfileSchema, saveProfileAction, { ...defaults, interests: split(defaults.interests), languages: split(defaults.languages), hasProgramming: defaults.hasProgramming === "on", openToSuggestions: defaults.openToSuggestions === "on" } as unknown as Record<string, string>);
  const v = { ...defaults, ...(f.state?.values ?? {}) };
  const group = (name: "interests" | "languages", legend: string, values: readonly string[], enumName: string) => (
    <CheckboxGroup name={name} legend={legend} columns checked={v[name] ?? ""} errorKey={f.errorKey(name)} registration={f.form.register(name)}
      options={values.map((value) => ({ value, label: te(`${enumName}.${value}` as never) }))} />
  );
  const sel = (name: "region" | "situation" | "englishLevel" | "device" | "internet", label: string, options: { value: string; label: string }[]) => (
    <SelectField id={name} label={label} placeholder={t("notSaying")} optional defaultValue={v[name]} errorKey={f.errorKey(name)} registration={f.form.register(name)} options={options} />
  );
  const box = (name: "hasProgramming" | "openToSuggestions", label: string) => <CheckboxField id={name} label={label} value={v[name]} registration={f.form.register(name)} />;
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      <FormMessage state={f.state} />
      {group("interests", t("interests"), TRACKS, "CourseTrack")}
      {group("languages", t("languages"), LANGUAGES, "TeachingLanguage")}
      {sel("region", t("region"), REGIONS.map((r) => ({ value: r, label: te(`Region.${r}`) })))}
      {sel("situation", t("situation"), GROUPS.map((g) => ({ value: g, label: te(`SituationCategory.${g}`) })))}
      <TextField id="previousOccupation" label={t("previousOccupation")} defaultValue={v.previousOccupation} errorKey={f.errorKey("previousOccupation")} registration={f.form.register("previousOccupation")} />
      <TextField id="yearsExperience" label={t("yearsExperience")} inputMode="numeric" defaultValue={v.yearsExperience} errorKey={f.errorKey("yearsExperience")} registration={f.form.register("yearsExperience")} />
      {box("hasProgramming", t("hasProgramming"))}
      {sel("englishLevel", t("englishLevel"), ["NONE", "BASIC", "INTERMEDIATE", "FLUENT"].map((l) => ({ value: l, label: t(`english_${l}` as never) })))}
      <TextField id="hoursPerWeek" label={t("hoursAvailable")} inputMode="numeric" defaultValue={v.hoursPerWeek} errorKey={f.errorKey("hoursPerWeek")} registration={f.form.register("hoursPerWeek")} />
      <TextField id="availableFrom" type="date" label={t("availableFrom")} defaultValue={v.availableFrom} errorKey={f.errorKey("availableFrom")} registration={f.form.register("availableFrom")} />
      {sel("device", t("device"), ["NONE", "PHONE", "COMPUTER"].map((d) => ({ value: d, label: te(`DeviceAccess.${d}` as never) })))}
      {sel("internet", t("internet"), ["NONE", "MOBILE_ONLY", "HOME"].map((d) => ({ value: d, label: te(`InternetAccess.${d}` as never) })))}
      <TextArea id="experience" label={t("experience")} hint={t("experienceHint")} rows={3} defaultValue={v.experience} errorKey={f.errorKey("experience")} registration={f.form.register("experience")} />
      {box("openToSuggestions", t("openToSuggestions"))}
      <SubmitButton pending={f.pending}>{t("saveProfile")}</SubmitButton>
    </form>
  );
}
