"use client";
// Create or edit a course: the same zod schema validates here (react-hook-form) and on the server;
// without JavaScript the form posts and comes back with translated errors and the values.
import { useTranslations } from "next-intl";
import { CheckboxField } from "@/components/form/checkbox-field";
import { EnumCheckboxGroup, EnumSelectField, formDefaults } from "@/components/form/enum-fields";
import { FormMessage } from "@/components/form/form-message";
import { TextArea } from "@/components/form/text-area";
import { TextField } from "@/components/form/text-field";
import { useActionForm } from "@/components/form/use-action-form";
import { SubmitButton } from "@/components/ui/button";
import { saveCourseAction } from "@/lib/courses/actions";
import { CourseSchema, FORMATS, GROUPS, LANGUAGES, PREREQUISITES, REGIONS, TRACKS } from "@/lib/courses/schemas";

export function CourseForm({ defaults }: { defaults: Record<string, string> }) {
  const t = useTranslations("provider");
  const f = useActionForm(
    CourseSchema,
    saveCourseAction,
    formDefaults(defaults, { arrays: ["cities", "eligibleGroups"], booleans: ["isFree", "hiringPledge"] }),
  );
  const v = { ...defaults, ...(f.state?.values ?? {}) };
  const group = (name: "cities" | "eligibleGroups", legend: string, values: readonly string[], enumName: string, hint?: string) => (
    <EnumCheckboxGroup f={f} name={name} legend={legend} hint={hint} columns checked={v[name]} values={values} enumName={enumName} />
  );
  const sel = (name: "track" | "format" | "language" | "prerequisite", label: string, values: readonly string[], enumName: string) => (
    <EnumSelectField f={f} name={name} label={label} placeholder={t("choose")} defaultValue={v[name]} values={values} enumName={enumName} />
  );
  const box = (name: "isFree" | "hiringPledge", label: string) => (
    <CheckboxField id={name} label={label} value={v[name]} registration={f.form.register(name)} />
  );
  return (
    <form action={f.formAction} onSubmit={f.onSubmit} noValidate className="flex max-w-xl flex-col gap-4">
      <FormMessage state={f.state} />
      <input type="hidden" value={v.courseId ?? ""} {...f.form.register("courseId")} />
      <TextField
        id="title"
        label={t("courseTitle")}
        required
        defaultValue={v.title}
        errorKey={f.errorKey("title")}
        registration={f.form.register("title")}
      />
      {sel("track", t("track"), TRACKS, "CourseTrack")}
      <TextArea
        id="description"
        label={t("description")}
        rows={4}
        required
        defaultValue={v.description}
        errorKey={f.errorKey("description")}
        registration={f.form.register("description")}
      />
      {sel("format", t("format"), FORMATS, "CourseFormat")}
      {group("cities", t("cities"), REGIONS, "Region", t("citiesHint"))}
      {sel("language", t("language"), LANGUAGES, "TeachingLanguage")}
      <TextField
        id="startDate"
        type="date"
        label={t("startDate")}
        required
        defaultValue={v.startDate}
        errorKey={f.errorKey("startDate")}
        registration={f.form.register("startDate")}
      />
      <TextField
        id="durationWeeks"
        label={t("durationWeeks")}
        inputMode="numeric"
        required
        defaultValue={v.durationWeeks}
        errorKey={f.errorKey("durationWeeks")}
        registration={f.form.register("durationWeeks")}
      />
      <TextField
        id="hoursPerWeek"
        label={t("hoursPerWeek")}
        inputMode="numeric"
        required
        defaultValue={v.hoursPerWeek}
        errorKey={f.errorKey("hoursPerWeek")}
        registration={f.form.register("hoursPerWeek")}
      />
      <TextField
        id="seats"
        label={t("seatsLabel")}
        hint={t("seatsHint")}
        inputMode="numeric"
        required
        defaultValue={v.seats}
        errorKey={f.errorKey("seats")}
        registration={f.form.register("seats")}
      />
      <TextField
        id="applicationDeadline"
        type="date"
        label={t("deadline")}
        required
        defaultValue={v.applicationDeadline}
        errorKey={f.errorKey("applicationDeadline")}
        registration={f.form.register("applicationDeadline")}
      />
      {sel("prerequisite", t("prerequisite"), PREREQUISITES, "Prerequisite")}
      {group("eligibleGroups", t("eligibleGroups"), GROUPS, "SituationCategory", t("eligibleGroupsHint"))}
      {box("isFree", t("isFree"))}
      {box("hiringPledge", t("hiringPledge"))}
      <SubmitButton pending={f.pending}>{v.courseId ? t("saveCourse") : t("createCourse")}</SubmitButton>
    </form>
  );
}
