import { getTranslations, setRequestLocale } from "next-intl/server";
import { pageActor } from "@/lib/authz/page-actor";
import { getOwnProfile } from "@/lib/courses/profile";
import { Link } from "@/lib/i18n/navigation";
import { ProfileForm } from "./profile-form";

export default async function ProfilePage({ params }: { params: Promise<{ locale: string }> }) {
  const { locale } = await params;
  setRequestLocale(locale);
  const actor = (await pageActor(locale, "/me/profile"))!;
  const [t, p] = await Promise.all([getTranslations("courses"), getOwnProfile(actor)]);
  const defaults: Record<string, string> = p
    ? {
        previousOccupation: p.previousOccupation ?? "",
        yearsExperience: p.yearsExperience?.toString() ?? "",
        hasProgramming: p.hasProgramming ? "on" : "",
        englishLevel: p.englishLevel ?? "",
        interests: p.interests.join("\n"),
        languages: p.languages.join("\n"),
        region: p.region ?? "",
        situation: p.situation ?? "",
        hoursPerWeek: p.hoursPerWeek?.toString() ?? "",
        availableFrom: p.availableFrom ? p.availableFrom.toISOString().slice(0, 10) : "",
        device: p.device ?? "",
        internet: p.internet ?? "",
        experience: p.experience,
        openToSuggestions: p.openToSuggestions ? "on" : "",
      }
    : {};
  return (
    <div className="space-y-6">
      <p>
        <Link href="/me">{t("backToMe")}</Link>
      </p>
      <h1>{t("profileTitle")}</h1>
      <p>{t("profileLead")}</p>
      <ProfileForm defaults={defaults} />
    </div>
  );
}
