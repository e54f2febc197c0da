/**
 * Marketing content in review as open items of the Marketing WG: when its creator's roles there
 * end, the items still in review or sent back for changes are flagged (not drafts, published
 * ones or other people's), with the earliest pending step's due day; handing one on sets its
 * owner, and the item's creator is kept.
 */
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../test/db.ts";
import { createTestAccount } from "../../test/factories/accounts.ts";
import { insertMarketingGroups, type MarketingGroups } from "../../test/factories/marketing.ts";
import { listHandovers, openItemSource, reassignOpenItem, recordRoleEnds } from "../kernel/index.ts";
import { FixedClock } from "../platform/clock.ts";
import { type Database, schema } from "../platform/db/index.ts";
import { marketingReviewSource } from "./index.ts";

const { marketingItems, marketingReviewSteps } = schema;

let database: Database;
let groups: MarketingGroups;
const clock = new FixedClock("2026-06-01T12:00:00Z");
const users: Record<string, number> = {};

beforeAll(async () => {
  database = await createTestDatabase();
  groups = await insertMarketingGroups(database.db);
  for (const name of ["Milo Member", "Mina Member"]) {
    const a = await createTestAccount({
      db: database.db,
      clock,
      email: `${name.split(" ")[0]?.toLowerCase()}@example.org`,
      personId: groups.people.get(name) ?? null,
    });
    users[name] = a.user.id;
  }
});
afterAll(async () => {
  await database?.close();
});

async function item(by: string, state: string, title: string): Promise<number> {
  const now = clock.now();
  const [row] = await database.db
    .insert(marketingItems)
    .values({
      kind: "blog-post",
      state,
      title,
      body: "Body",
      createdByUserId: users[by] ?? null,
      createdByName: by,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: marketingItems.id });
  return row?.id ?? 0;
}

describe("marketing content in review as open items", () => {
  it("is registered when the room loads, and flags only the leaver's items in review", async () => {
    expect(openItemSource("marketing-review")).toBe(marketingReviewSource);
    const inReview = await item("Milo Member", "in-review", "Autumn post");
    const changes = await item("Milo Member", "changes-requested", "Sprint recap");
    await item("Milo Member", "draft", "Still a draft");
    await item("Milo Member", "published", "Already out");
    const others = await item("Mina Member", "in-review", "Mina's post");
    await database.db.insert(marketingReviewSteps).values([
      {
        itemId: inReview,
        revision: 1,
        step: "partner",
        who: "Fundraising WG",
        dueAt: new Date("2026-06-08T12:00:00Z"),
        createdAt: clock.now(),
      },
      { itemId: inReview, revision: 1, step: "member", who: "another member", createdAt: clock.now() },
    ]);
    const leaver = groups.people.get("Milo Member") ?? 0;
    await database.db.transaction((tx) =>
      recordRoleEnds(tx, {
        ends: [
          {
            personId: leaver,
            groupId: groups.marketing,
            endedOn: "2026-06-01",
            cause: "left",
            reason: "left",
          },
        ],
        now: clock.now(),
        by: { userId: null, label: "test" },
      }),
    );
    const list = await listHandovers(database.db, { groupIds: [groups.marketing], open: true });
    const items = list.flatMap((h) => h.items.filter((i) => i.kind === "marketing-review"));
    expect(items.map((i) => [i.itemId, i.title]).sort()).toEqual(
      [
        [String(inReview), "Autumn post"],
        [String(changes), "Sprint recap"],
      ].sort(),
    );
    expect(items.map((i) => i.itemId)).not.toContain(String(others));
    const open = await marketingReviewSource.listOpenForGroup(database.db, { groupId: groups.marketing });
    expect(open.find((o) => o.id === String(inReview))).toMatchObject({
      ownerPersonId: leaver,
      dueOn: "2026-06-08",
      href: `/marketing/items/${inReview}`,
    });
    // Another group's hand-overs never list marketing content.
    const fundraising = groups.groups.get("fundraising") ?? 0;
    expect(await marketingReviewSource.listOpenForGroup(database.db, { groupId: fundraising })).toEqual([]);

    const flag = items.find((i) => i.itemId === String(inReview));
    const mina = groups.people.get("Mina Member") ?? 0;
    await reassignOpenItem({
      db: database.db,
      now: clock.now(),
      by: { userId: null, label: "chair" },
      handoverItemId: flag?.id ?? 0,
      toPersonId: mina,
    });
    const [row] = await database.db.select().from(marketingItems).where(eq(marketingItems.id, inReview));
    expect([row?.ownerPersonId, row?.createdByName]).toEqual([mina, "Milo Member"]);
    const byMina = await marketingReviewSource.listOpenByOwner(database.db, {
      groupId: groups.marketing,
      personId: mina,
    });
    expect(byMina.map((o) => o.id).sort()).toEqual([String(inReview), String(others)].sort());
  });
});
