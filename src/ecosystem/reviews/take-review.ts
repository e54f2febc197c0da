/** Takes an ecosystem review of the catalogue now and stores it. */
import { type AuditActor, appendAudit } from "../../kernel/index.ts";
import type { Clock } from "../../platform/clock.ts";
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { healthContext } from "../health/compute-health.ts";
import { catalogueRanks, loadHealthFacts } from "../health/health.repo.ts";
import { lastFinishedSyncRun } from "../packages/packages.repo.ts";
import { isoDay } from "../releases/calendar.ts";
import { loadReleaseCalendar } from "../releases/load-release-calendar.ts";
import { buildReview } from "./review.ts";
import { DEFAULT_REVIEW_TOP } from "./review-defaults.ts";
import { insertReview, type StoredReview } from "./reviews.repo.ts";
import { suggestSurveyQuestions } from "./survey-questions.ts";

/** Computes the review of today and saves it with its survey questions. */
export async function takeReview(input: {
  db: Db;
  clock: Clock;
  by: string;
  /** Who takes it, for the audit log (the account when known; else `by` as a label). */
  actor?: AuditActor;
  top?: number;
  title?: string;
}): Promise<StoredReview> {
  const top = input.top ?? DEFAULT_REVIEW_TOP;
  if (!Number.isInteger(top) || top < 1 || top > 15_000)
    throw new AppError("validation", {
      message: "Invalid review: top: must be a whole number from 1 to 15000",
      issues: [{ field: "top", message: "must be a whole number from 1 to 15000" }],
    });
  const title = (input.title ?? "").trim();
  if (title.length > 200 || title.includes("\u0000"))
    throw new AppError("validation", {
      message: "Invalid review: title: at most 200 characters, no NUL",
      issues: [{ field: "title", message: "at most 200 characters" }],
    });
  const now = input.clock.now();
  const [calendar, ranks, facts, lastSync] = await Promise.all([
    loadReleaseCalendar({ db: input.db, now }),
    catalogueRanks(input.db),
    loadHealthFacts(input.db, null, now),
    lastFinishedSyncRun(input.db).then((run) => run?.finishedAt ?? null),
  ]);
  const data = buildReview({
    facts,
    ctx: healthContext({ today: isoDay(now), calendar, ranks }),
    top,
    lastSyncedAt: lastSync,
  });
  return input.db.transaction(async (tx) => {
    const review = await insertReview(tx, {
      takenOn: data.takenOn,
      takenAt: now,
      takenBy: input.by,
      title: title || `Ecosystem review of ${data.takenOn}`,
      data,
      questions: suggestSurveyQuestions(data),
    });
    await appendAudit(tx, {
      by: input.actor ?? { userId: null, label: input.by },
      at: now,
      action: "review.take",
      subjectType: "ecosystem-review",
      subjectId: review.id,
      after: { id: review.id, takenOn: review.takenOn, title: review.title, top },
    });
    return review;
  });
}
