import { notFound } from "next/navigation";
import { getFormatter, getTranslations, setRequestLocale } from "next-intl/server";
import { MessageList } from "@/components/cases/message-list";
import { AccessDenied } from "@/components/layout/access-denied";
import { pageActor } from "@/lib/authz/page-actor";
import { Link } from "@/lib/i18n/navigation";
import { formatMoney, minorDigits } from "@/lib/money/money";
import { actionsAt } from "@/lib/reviews/rules";
import { gateCaseOpening } from "@/lib/reviews/gate-case-opening";
import { recordCaseView } from "@/lib/reviews/record-case-view";
import { reviewerCaseView } from "@/lib/reviews/case-view";
import { isAppError } from "@/lib/errors";
import { RevealIdentity } from "./reveal-identity";
import { NoteForm } from "./note-form";
import { AssignForms } from "./assign-form";
import { ReviewActions } from "./review-actions";
import { MessageForm, RevealDecision, RevealRequestForm, ScoreForm } from "./case-tools";
import { parseRubric } from "@/lib/reviews/rubric";
import { SCORE_STAGES } from "@/lib/reviews/rules";
import { MESSAGE_TEMPLATES } from "@/lib/reviews/templates";

type Props = {
  params: Promise<{ locale: string; applicationId: string }>;
  searchParams: Promise<Record<string, string | string[] | undefined>>;
};

export default async function ReviewCasePage({ params, searchParams }: Props) {
  const { locale, applicationId } = await params;
  const sp = await searchParams;
  setRequestLocale(locale);
  const actor = await pageActor(locale, `/review/${applicationId}`, "application:read:org");
  if (!actor) return <AccessDenied />;
  // Openings per reviewer per hour are limited: past the alert threshold they slow down, then stop.
  const limited = await gateCaseOpening(actor).then(
    () => null,
    (e: unknown) => (isAppError(e) && e.code === "RATE_LIMITED" ? (e.messageValues?.minutes as number) : Promise.reject(e)),
  );
  if (limited) {
    const tl = await getTranslations("review");
    return (
      <article className="space-y-4">
        <h1>{tl("limitTitle")}</h1>
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          {tl("limitBody", { minutes: limited })}
        </p>
      </article>
    );
  }
  const view = await reviewerCaseView(actor, applicationId);
  if (!view) notFound();
  const { c, assignment, reviewers, signals, revealRequests, nextId, needsCode } = view;
  await recordCaseView(actor, c.id); // the page's write: every opening is in the access log
  const [t, tm, te, tt, format] = await Promise.all([
    getTranslations("review"),
    getTranslations("me"),
    getTranslations("enums"),
    getTranslations("templates"),
    getFormatter(),
  ]);
  const templates = MESSAGE_TEMPLATES.map((k) => ({ value: k, label: tt(k) }));
  const rubric = parseRubric(c.fund.rubric);
  const conflicted = !!c.myBallot?.conflictDeclared;
  const myRequest = revealRequests.find((r) => r.mine && r.live);
  const money = (m: number) => formatMoney(m, c.fund.currency, locale);
  const when = (d: Date) => format.dateTime(d, { dateStyle: "medium", timeStyle: "short" });
  // A reviewer who already voted sees no vote buttons but can withdraw the vote (before the case is decided);
  // one who declared a conflict sees nothing to do.
  const voted = !!c.myBallot?.vote;
  const actions = conflicted
    ? []
    : actionsAt(c.status).filter((a) => (voted ? a !== "vote_approve" && a !== "vote_reject" : a !== "withdraw_vote"));
  const digits = minorDigits(c.fund.currency);
  const deleted = !!c.dataDeletedAt;
  const myVote =
    c.myBallot?.vote === "APPROVE"
      ? t("myVoteApprove", { amount: money(c.myBallot.approvedAmountMinor ?? 0) })
      : c.myBallot?.vote === "REJECT"
        ? t("myVoteReject")
        : null;
  const stage = te(`ApplicationStatus.${c.status}`);
  const notice = !sp.done
    ? null
    : (sp.done === "vote_approve" || sp.done === "vote_reject") && myVote
      ? t("doneVoted", { vote: myVote, stage, approvals: c.approvals, needed: c.fund.requiredApprovals })
      : sp.done === "withdraw_vote"
        ? t("doneWithdrawn", { stage })
        : t("done", { status: stage });
  // The history: every move of the stage, and every vote and withdrawal, in order.
  const history = [
    ...c.statusChanges.map((s) => ({
      key: `s-${s.id}`,
      at: s.createdAt,
      text: `${te(`ApplicationStatus.${s.toStatus}`)}${s.reason ? ` (${s.reason})` : ""}`,
    })),
    ...c.ballotEvents.map((e) => ({
      key: `b-${e.id}`,
      at: e.createdAt,
      text: t(`history_${e.action}`, {
        who: e.mine ? t("historyYou") : t("historyReviewer"),
        amount: e.amountMinor ? money(e.amountMinor) : "",
        vote: e.withdrawn === "APPROVE" ? t("voteWordApprove") : t("voteWordReject"),
      }),
    })),
    ...(c.dataDeletedAt ? [{ key: "deleted", at: c.dataDeletedAt, text: t("historyDataDeleted") }] : []),
  ].sort((a, b) => a.at.getTime() - b.at.getTime());
  return (
    <article className="space-y-6">
      <nav aria-label={t("caseNav")} className="flex flex-wrap gap-4">
        <Link href="/review">{t("back")}</Link>
        {nextId ? <Link href={`/review/${nextId}`}>{t("nextCase")}</Link> : <span className="text-neutral-700">{t("noNextCase")}</span>}
      </nav>
      <h1>{t("caseTitle", { reference: c.referenceCode ?? "—" })}</h1>
      {notice && (
        <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
          {notice}
        </p>
      )}
      {sp.refused === "moved" && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          {t("notAtThisStage", { stage: c.status })}
        </p>
      )}
      {sp.refused === "voted" && myVote && (
        <p role="alert" className="rounded border border-red-700 bg-red-50 p-3">
          {c.myBallot?.vote === "APPROVE"
            ? t("alreadyVotedApprove", { amount: money(c.myBallot.approvedAmountMinor ?? 0) })
            : t("alreadyVotedReject")}
        </p>
      )}
      {deleted && (
        <p role="note" className="rounded border border-neutral-500 bg-neutral-50 p-3">
          {t("dataDeletedNotice", { when: when(c.dataDeletedAt!) })}
        </p>
      )}
      {/* Wide screens: the case on the left, what the reviewer can do on the right. */}
      <div className="grid gap-6 lg:grid-cols-[minmax(0,1fr)_26rem]">
        <div className="min-w-0 space-y-6">
          {c.isDuplicateFlagged && (
            <p role="note" className="rounded border border-amber-700 bg-amber-50 p-3">
              {t("duplicate")}
            </p>
          )}
          {/* Filled offline and carried by someone else (docs/decisions/0046-sealed-applications.md). */}
          {c.deliveredAt && (
            <p role="note" className="rounded border border-sky-700 bg-sky-50 p-3">
              {c.claimedAt ? t("sealedClaimed") : t("sealedArrival")}
            </p>
          )}
          {signals.length > 0 && (
            <section aria-labelledby="signals-h" className="space-y-2">
              <h2 id="signals-h">{t("signalsTitle")}</h2>
              <p className="text-sm text-neutral-700">{t("signalsHint")}</p>
              <ul className="space-y-1">
                {signals.map((s) => (
                  <li
                    key={s.key}
                    className={`rounded border p-2 ${s.level === "warning" ? "border-amber-700 bg-amber-50" : "border-neutral-300"}`}
                  >
                    <strong>{t(`signalLevel.${s.level}`)}</strong>:{" "}
                    {t(`signals.${s.key}`, {
                      ...s.values,
                      ...(s.key === "amount_above_usual" ? { p95: money(Number(s.values.p95)) } : {}),
                    })}
                  </li>
                ))}
              </ul>
            </section>
          )}
          <dl className="grid grid-cols-[auto_1fr] gap-x-4 gap-y-2">
            <dt className="font-semibold">{t("fund")}</dt>
            <dd>{c.fund.name}</dd>
            <dt className="font-semibold">{t("stage")}</dt>
            <dd>{stage}</dd>
            <dt className="font-semibold">{t("category")}</dt>
            <dd>{c.category ? te(`SituationCategory.${c.category}`) : "—"}</dd>
            <dt className="font-semibold">{t("amountAsked")}</dt>
            <dd>
              {c.requestedAmountMinor ? money(c.requestedAmountMinor) : "—"}
              {c.purpose ? ` · ${te(`AidPurpose.${c.purpose}`)}` : ""}
            </dd>
            {c.region && (
              <>
                <dt className="font-semibold">{t("region")}</dt>
                <dd>{te(`Region.${c.region}`)}</dd>
              </>
            )}
            {c.approvedAmountMinor && (
              <>
                <dt className="font-semibold">{t("approvedAmount")}</dt>
                <dd>{money(c.approvedAmountMinor)}</dd>
              </>
            )}
            {rubric.length > 0 && (
              <>
                <dt className="font-semibold">{t("score")}</dt>
                <dd>{c.score >= 0 ? t("scoreOf", { score: c.score }) : t("notScored")}</dd>
              </>
            )}
          </dl>
          <p>
            {t("votes", { approvals: c.approvals, needed: c.fund.requiredApprovals, rejections: c.rejections })}
            {myVote ? ` ${t("myVote", { vote: myVote })}` : ""}
          </p>

          <section className="space-y-2">
            <h2>{t("statement")}</h2>
            <p className="whitespace-pre-wrap rounded border border-neutral-200 p-3">{c.statement || "—"}</p>
          </section>

          {c.evidenceFiles.length > 0 && (
            <section className="space-y-2">
              <h2>{tm("files")}</h2>
              <ul className="space-y-1">
                {c.evidenceFiles.map((f) => (
                  <li key={f.id}>
                    <a href={`/api/evidence/${f.id}`} download>
                      {f.fileName}
                    </a>
                  </li>
                ))}
              </ul>
            </section>
          )}

          <div id="messages" className="space-y-2">
            <MessageList messages={c.messages.filter((m) => m.kind !== "REVIEWER_NOTE")} viewer="staff" />
            {sp.sent === "1" && (
              <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
                {t("messageSent")}
              </p>
            )}
            {!conflicted && !deleted && !["WITHDRAWN"].includes(c.status) && (
              <details className="rounded border border-neutral-200 p-3">
                <summary className="cursor-pointer font-medium">{t("writeToApplicant")}</summary>
                <MessageForm applicationId={c.id} templates={templates} />
              </details>
            )}
          </div>

          <section className="space-y-2">
            <h2>{t("history")}</h2>
            <ol className="space-y-1">
              {history.map((h) => (
                <li key={h.key}>
                  {when(h.at)} — {h.text}
                </li>
              ))}
            </ol>
          </section>
        </div>

        <aside aria-label={t("workTitle")} className="min-w-0 space-y-6">
          <section className="space-y-2">
            <h2>{t("actionsTitle")}</h2>
            <ReviewActions
              applicationId={c.id}
              status={c.status}
              templates={templates}
              actions={actions}
              checklist={c.fund.verificationChecklist}
              currency={c.fund.currency}
              requested={c.requestedAmountMinor ? (c.requestedAmountMinor / 10 ** digits).toFixed(digits) : ""}
            />
          </section>

          <section aria-labelledby="assign-h" className="space-y-2">
            <h2 id="assign-h">{t("assignment")}</h2>
            {sp.assigned === "1" && (
              <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
                {t("assignedNotice")}
              </p>
            )}
            <p>
              {assignment.label
                ? t("assignedTo", { who: assignment.assignedToId === actor.userId ? t("you") : assignment.label })
                : t("unassigned")}
            </p>
            {["SUBMITTED", "SHORTLISTED", "VERIFIED", "NEEDS_INFO"].includes(c.status) && !conflicted && (
              <AssignForms
                applicationId={c.id}
                mine={assignment.assignedToId === actor.userId}
                assigned={!!assignment.assignedToId}
                reviewers={reviewers.filter((r) => r.id !== actor.userId && r.id !== assignment.assignedToId)}
              />
            )}
          </section>

          <section id="reveal" className="space-y-2">
            <h2>{t("revealTitle")}</h2>
            {deleted ? (
              <p>{t("revealGone")}</p>
            ) : !c.fund.revealNeedsSecondReviewer ? (
              <RevealIdentity applicationId={c.id} needsCode={needsCode} />
            ) : (
              <>
                {myRequest?.status !== "CONFIRMED" && <p className="text-sm text-neutral-700">{t("pseudonymous")}</p>}
                <p>{t("revealNeedsSecond")}</p>
                {sp.revealRequested === "1" && (
                  <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
                    {t("revealRequestedNotice")}
                  </p>
                )}
                {(sp.revealDecided === "confirm" || sp.revealDecided === "refuse") && (
                  <p role="status" className="rounded border border-green-700 bg-green-50 p-3">
                    {t(sp.revealDecided === "confirm" ? "revealConfirmedNotice" : "revealRefusedNotice")}
                  </p>
                )}
                {myRequest?.status === "CONFIRMED" ? (
                  <RevealIdentity applicationId={c.id} needsCode={needsCode} />
                ) : myRequest ? (
                  <p>{t("revealWaiting")}</p>
                ) : (
                  !conflicted && <RevealRequestForm applicationId={c.id} />
                )}
                {revealRequests
                  .filter((r) => !r.mine && r.status === "PENDING")
                  .map((r) => (
                    <div key={r.id} className="space-y-2 rounded border border-amber-700 p-3">
                      <p>{t("revealAskedBy", { who: r.who, when: when(r.createdAt) })}</p>
                      <p className="whitespace-pre-wrap">{r.reason}</p>
                      {!conflicted && <RevealDecision applicationId={c.id} requestId={r.id} />}
                    </div>
                  ))}
              </>
            )}
          </section>

          {rubric.length > 0 && SCORE_STAGES.includes(c.status) && !conflicted && (
            <section aria-labelledby="score-h" className="space-y-2">
              <h2 id="score-h">{t("scoreTitle")}</h2>
              <p className="text-sm text-neutral-700">{t("scoreHint")}</p>
              <ScoreForm
                applicationId={c.id}
                criteria={rubric}
                mine={(c.myBallot?.rubricScores as Record<string, number> | null) ?? null}
              />
            </section>
          )}

          <section id="notes" className="space-y-2">
            <h2>{t("notes")}</h2>
            <ul className="space-y-2">
              {c.messages
                .filter((m) => m.kind === "REVIEWER_NOTE")
                .map((m) => (
                  <li key={m.id} className="rounded border border-neutral-200 bg-neutral-50 p-3">
                    <p className="text-sm text-neutral-700">{when(m.createdAt)}</p>
                    <p className="whitespace-pre-wrap">{m.body}</p>
                  </li>
                ))}
            </ul>
            {!conflicted && !deleted && <NoteForm applicationId={c.id} />}
          </section>
        </aside>
      </div>
    </article>
  );
}
