/** Reads stored reviews: one, the list, and the comparison of two. */
import type { Db } from "../../platform/db/client.ts";
import { AppError } from "../../platform/errors.ts";
import { compareReviews, type ReviewComparison } from "./compare-reviews.ts";
import { findReview, listReviewHeads, type StoredReview } from "./reviews.repo.ts";

function reviewId(raw: string): number {
  if (!/^\d{1,15}$/.test(raw)) throw new AppError("not_found", { message: `No review "${raw}".` });
  return Number(raw);
}

/** One review by id (as text from a path or argument); not_found otherwise. */
export async function getReview(input: { db: Db; id: string }): Promise<StoredReview> {
  const r = await findReview(input.db, reviewId(input.id));
  if (!r) throw new AppError("not_found", { message: `No review ${input.id}.` });
  return r;
}

/** Every review, newest first, without figures. */
export async function listReviews(input: { db: Db }) {
  return listReviewHeads(input.db);
}

/** The id of the review taken just before `id`, or null. */
export async function previousReviewId(input: { db: Db; id: number }): Promise<number | null> {
  const heads = await listReviewHeads(input.db);
  const i = heads.findIndex((h) => h.id === input.id);
  return i >= 0 ? (heads[i + 1]?.id ?? null) : null;
}

/** What changed between two reviews, the older one first whichever order they are given in. */
export async function getComparison(input: {
  db: Db;
  id: string;
  other: string;
}): Promise<{ comparison: ReviewComparison; after: StoredReview; before: StoredReview }> {
  const [a, b] = await Promise.all([
    getReview({ db: input.db, id: input.id }),
    getReview({ db: input.db, id: input.other }),
  ]);
  const [before, after] =
    a.takenAt.getTime() < b.takenAt.getTime() || (a.takenAt.getTime() === b.takenAt.getTime() && a.id < b.id)
      ? [a, b]
      : [b, a];
  return { comparison: compareReviews(before.data, after.data), after, before };
}
