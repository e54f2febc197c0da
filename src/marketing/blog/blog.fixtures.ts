/** Blog posts for tests: made through the real workflow (created, reviewed by another member, published or scheduled). */
import type { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { createItem } from "../items/create-item.ts";
import type { ItemFields } from "../items/item-fields.ts";
import { approveStep, groupMemberFacts } from "../items/items.fixtures.ts";
import { moveItem } from "../items/move-item.ts";
import { submitItem } from "../items/submit-item.ts";
import { liveSteps } from "../marketing.repo.ts";

/** Who writes and who reviews (two members of the Marketing WG). */
export interface BlogPeople {
  author: { userId: number; name: string };
  reviewer: { userId: number; name: string };
  marketingGroupId: number;
}

/** A blog post's fields, with `over` replacing any of them. */
export function postFields(slug: string, over: Partial<ItemFields> = {}): ItemFields {
  return {
    title: `Post ${slug}`,
    body: `Hello **${slug}**.`,
    slug,
    summary: `Summary of ${slug}.`,
    authors: ["Milo Member"],
    tags: [],
    socialCardUrl: null,
    socialCardAlt: null,
    ...over,
  };
}

/**
 * A blog post taken as far as `state`: a draft, in review, approved, scheduled for `at`, or
 * published at the clock's time. Returns its id.
 */
export async function makePost(
  deps: { database: Database; clock: FixedClock; people: BlogPeople },
  fields: ItemFields,
  state: "draft" | "in-review" | "approved" | "scheduled" | "published",
  at?: Date,
): Promise<number> {
  const { database, clock, people } = deps;
  const db = database.db;
  const { id } = await createItem({ db, clock, kind: "blog-post", network: null, fields, by: people.author });
  if (state === "draft") return id;
  await submitItem({ database, clock, itemId: id, by: people.author });
  if (state === "in-review") return id;
  for (const s of await liveSteps(db, id)) {
    const reviewer = groupMemberFacts(people.reviewer.userId, [people.marketingGroupId]);
    await approveStep({ db, clock }, { itemId: id, stepId: s.id, reviewer, by: people.reviewer });
  }
  if (state === "approved") return id;
  const move = state === "scheduled" ? "schedule" : "publish";
  await moveItem({ db, clock, itemId: id, move, at: at ?? null, by: people.author });
  return id;
}
