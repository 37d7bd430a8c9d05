"use client";
// The optional skills profile. The same zod schema validates here and in the server action.
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/form/checkbox-field";
import { EnumCheckboxGroup, EnumSelectField, formDefaults } from "@/components/form/enum-fields";
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
  const f = useActionForm(
    ProfileSchema,
    saveProfileAction,
    formDefaults(defaults, { arrays: ["interests", "languages"], booleans: ["hasProgramming", "openToSuggestions"] }),
  );
  const v = { ...defaults, ...(f.state?.values ?? {}) };
  const group = (name: "interests" | "languages", legend: string, values: readonly string[], enumName: string) => (
    <EnumCheckboxGroup f={f} name={name} legend={legend} columns checked={v[name]} values={values} enumName={enumName} />
  );
  const sel = (name: "region" | "situation" | "device" | "internet", label: string, values: readonly string[], enumName: string) => (
    <EnumSelectField
      f={f}
      name={name}
      label={label}
      placeholder={t("notSaying")}
      optional
      defaultValue={v[name]}
      values={values}
      enumName={enumName}
    />
  );
  const box = (name: "hasProgramming" | "openToSuggestions", label: string) => (
    <CheckboxField id={name} label={label} value={v[name]} registration={f.form.register(name)} />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      <FormMessage state={f.state} />
      {group("interests", t("interests"), TRACKS, "CourseTrack")}
      {group("languages", t("languages"), LANGUAGES, "TeachingLanguage")}
      {sel("region", t("region"), REGIONS, "Region")}
      {sel("situation", t("situation"), GROUPS, "SituationCategory")}
      <TextField
        id="previousOccupation"
        label={t("previousOccupation")}
        defaultValue={v.previousOccupation}
        errorKey={f.errorKey("previousOccupation")}
        registration={f.form.register("previousOccupation")}
      />
      <TextField
        id="yearsExperience"
        label={t("yearsExperience")}
        inputMode="numeric"
        defaultValue={v.yearsExperience}
        errorKey={f.errorKey("yearsExperience")}
        registration={f.form.register("yearsExperience")}
      />
      {box("hasProgramming", t("hasProgramming"))}
      <SelectField
        id="englishLevel"
        label={t("englishLevel")}
        placeholder={t("notSaying")}
        optional
        defaultValue={v.englishLevel}
        errorKey={f.errorKey("englishLevel")}
        registration={f.form.register("englishLevel")}
        options={["NONE", "BASIC", "INTERMEDIATE", "FLUENT"].map((l) => ({ value: l, label: t(`english_${l}` as never) }))}
      />
      <TextField
        id="hoursPerWeek"
        label={t("hoursAvailable")}
        inputMode="numeric"
        defaultValue={v.hoursPerWeek}
        errorKey={f.errorKey("hoursPerWeek")}
        registration={f.form.register("hoursPerWeek")}
      />
      <TextField
        id="availableFrom"
        type="date"
        label={t("availableFrom")}
        defaultValue={v.availableFrom}
        errorKey={f.errorKey("availableFrom")}
        registration={f.form.register("availableFrom")}
      />
      {sel("device", t("device"), ["NONE", "PHONE", "COMPUTER"], "DeviceAccess")}
      {sel("internet", t("internet"), ["NONE", "MOBILE_ONLY", "HOME"], "InternetAccess")}
      <TextArea
        id="experience"
        label={t("experience")}
        hint={t("experienceHint")}
        rows={3}
        defaultValue={v.experience}
        errorKey={f.errorKey("experience")}
        registration={f.form.register("experience")}
      />
      {box("openToSuggestions", t("openToSuggestions"))}
      <SubmitButton pending={f.pending}>{t("saveProfile")}</SubmitButton>
    </form>
  );
}
