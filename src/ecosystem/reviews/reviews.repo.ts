/** Queries of stored ecosystem reviews. */
import { desc, eq } from "drizzle-orm";
import type { Db } from "../../platform/db/client.ts";
import { ecosystemReviews } from "../../platform/db/schema.ts";
import type { ReviewData } from "./review.ts";
import type { SurveyQuestion } from "./survey-questions.ts";

/** A stored review. */
export interface StoredReview {
  id: number;
  takenOn: string;
  takenAt: Date;
  takenBy: string;
  title: string;
  data: ReviewData;
  questions: SurveyQuestion[];
}

/** Saves a review; returns it with its id. */
export async function insertReview(db: Db, r: Omit<StoredReview, "id">): Promise<StoredReview> {
  const [row] = await db.insert(ecosystemReviews).values(r).returning({ id: ecosystemReviews.id });
  if (!row) throw new Error("review not saved");
  return { ...r, id: row.id };
}

/** Every review, newest first, without its figures. */
export async function listReviewHeads(db: Db) {
  return db
    .select({
      id: ecosystemReviews.id,
      takenOn: ecosystemReviews.takenOn,
      takenAt: ecosystemReviews.takenAt,
      takenBy: ecosystemReviews.takenBy,
      title: ecosystemReviews.title,
    })
    .from(ecosystemReviews)
    .orderBy(desc(ecosystemReviews.takenAt), desc(ecosystemReviews.id));
}

/** One review by id. */
export async function findReview(db: Db, id: number): Promise<StoredReview | undefined> {
  const [row] = await db.select().from(ecosystemReviews).where(eq(ecosystemReviews.id, id)).limit(1);
  return row ? { ...row, data: row.data as ReviewData } : undefined;
}
