/**
 * Strategy documents on the database and over HTTP: created with their document type, approved by
 * another member (never the author), the approved revision recorded and shown to signed-in DSF
 * members even after a later edit, drafts and the diff to the current draft for the group only.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { itemFields, type MarketingTest, openMarketingTest } from "../../test/factories/marketing.ts";
import { createItem } from "./items/create-item.ts";
import type { ItemFields } from "./items/item-fields.ts";
import { approveStep, groupMemberFacts } from "./items/items.fixtures.ts";
import { moveItem } from "./items/move-item.ts";
import { saveItem } from "./items/save-item.ts";
import { submitItem } from "./items/submit-item.ts";
import { getItem, listRevisions, liveSteps } from "./marketing.repo.ts";

let database: MarketingTest["database"];
let clock: MarketingTest["clock"];
let g: MarketingTest["g"];
let who: MarketingTest["who"];
let request: MarketingTest["request"];

const fields = (over: Partial<ItemFields> = {}): ItemFields =>
  itemFields("Brand guidelines 2027", { body: "Use the **green** logo. APPROVED-WORDS", ...over });

const form = (body: Record<string, string>): RequestInit => ({
  method: "POST",
  headers: { "content-type": "application/x-www-form-urlencoded" },
  body: new URLSearchParams(body).toString(),
});

/** Approves the first live step of item `id` as the member `name`. */
async function approveAs(name: string, id: number) {
  const [step] = await liveSteps(database.db, id);
  const reviewer = groupMemberFacts(who(name).userId, [g.marketing]);
  return approveStep(
    { db: database.db, clock },
    { itemId: id, stepId: step?.id ?? 0, reviewer, by: who(name) },
  );
}

beforeAll(async () => {
  ({ database, clock, g, who, request } = await openMarketingTest({
    names: ["Milo Member", "Mina Member", "Dee Member", "Bo Board", "Out Sider"],
    roles: [
      // Dee is a DSF Individual Member, not in the group; Out Sider is signed in and neither.
      ["Dee Member", "dsf-member"],
      ["Bo Board", "board-member"],
    ],
  }));
});

afterAll(async () => {
  await database?.close();
});

describe("strategy documents", () => {
  it("need one of the charter's document types, and only strategy documents have one", async () => {
    const missing = await request(
      "/marketing/items",
      "Milo Member",
      form({ kind: "strategy-document", ...text() }),
    );
    expect(missing.status).toBe(422);
    expect(await missing.text()).toMatch(/must be one of marketing-strategy, content-strategy/u);
    await expect(
      createItem({
        db: database.db,
        clock,
        kind: "www-page",
        network: null,
        docType: "kpis",
        fields: fields(),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({ issues: [expect.objectContaining({ field: "docType" })] });
    // A DSF member outside the group creates nothing.
    const denied = await request(
      "/marketing/items",
      "Dee Member",
      form({ kind: "strategy-document", docType: "kpis", ...text() }),
    );
    expect(denied.status).toBe(403);
  });

  it("are approved by another member; DSF members read the approved revision even after an edit", async () => {
    const created = await request(
      "/marketing/items",
      "Milo Member",
      form({ kind: "strategy-document", docType: "brand-guidelines", ...text() }),
    );
    expect(created.status).toBe(303);
    const location = created.headers.get("location") ?? "";
    expect(location).toMatch(/^\/marketing\/strategy\/\d+$/u);
    const id = Number(location.split("/").pop());
    expect((await getItem(database.db, id)).docType).toBe("brand-guidelines");

    // Not approved yet: the group sees the draft; DSF members, the Board and outsiders see nothing.
    const draft = await request(location, "Mina Member");
    expect(draft.status).toBe(200);
    const draftHtml = await draft.text();
    expect(draftHtml).toContain("No revision of this document has been approved yet.");
    expect(draftHtml).toContain("APPROVED-WORDS");
    for (const as of ["Dee Member", "Bo Board", "Out Sider"]) {
      expect((await request(location, as)).status, as).toBe(403);
      expect(await (await request("/marketing/strategy", as)).text(), as).not.toContain(
        "Brand guidelines 2027",
      );
    }
    expect((await request(location, null)).status).toBe(303);
    expect((await request("/marketing/strategy", null)).status).toBe(303);

    // The author cannot approve it; another member can, and the approval records revision 1.
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    await expect(approveAs("Milo Member", id)).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/own item/u),
    });
    expect((await getItem(database.db, id)).approvedRevisionId).toBeNull();
    const approvedAt = clock.now();
    expect((await approveAs("Mina Member", id)).state).toBe("approved");
    const [rev1] = await listRevisions(database.db, id);
    const approved = await getItem(database.db, id);
    expect([
      approved.approvedRevisionId,
      approved.approvedByName,
      approved.approvedAt?.toISOString(),
    ]).toEqual([rev1?.id, "Mina Member", approvedAt.toISOString()]);

    // A strategy document is not published: approved is where it ends.
    await expect(
      moveItem({ db: database.db, clock, itemId: id, move: "publish", at: null, by: who("Milo Member") }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/not published/u) });

    // A later edit, not approved: DSF members still read revision 1, with who approved it and when.
    const later = clock.now();
    clock.set(new Date(later.getTime() + 86_400_000));
    try {
      const saved = await saveItem({
        db: database.db,
        clock,
        itemId: id,
        baseRevision: 1,
        fields: fields({ body: "Use the **purple** logo. DRAFT-WORDS" }),
        by: who("Milo Member"),
      });
      expect(saved).toEqual({ revision: 2, voided: 1 });
    } finally {
      clock.set(later);
    }
    expect((await getItem(database.db, id)).state).toBe("draft");
    for (const as of ["Dee Member", "Bo Board"]) {
      const res = await request(location, as);
      expect(res.status, as).toBe(200);
      const html = await res.text();
      expect(html).toContain("APPROVED-WORDS");
      expect(html).not.toContain("DRAFT-WORDS");
      expect(html).toContain(
        'Approved on <time datetime="2026-11-21T12:00:00.000Z">21 November 2026, 12:00 UTC</time> by Mina Member, revision 1',
      );
      expect(html).not.toContain("The current draft");
      const list = await (await request("/marketing/strategy", as)).text();
      expect(list).toContain("Brand guidelines 2027");
      expect(list).not.toContain("Current draft");
    }
    // Drafts stay the group's on the item pages too.
    expect((await request(`/marketing/items/${id}`, "Dee Member")).status).toBe(403);
    expect((await request(`/marketing/items/${id}`, "Bo Board")).status).toBe(403);
    expect((await request(`/marketing/items/${id}`, "Mina Member")).status).toBe(200);
    expect((await request(location, "Out Sider")).status).toBe(403);

    // The group sees the approved text and the changes to the current draft.
    const mine = await (await request(location, "Mina Member")).text();
    expect(mine).toContain("APPROVED-WORDS");
    expect(mine).toContain("Changes from the approved revision 1 to revision 2");
    expect(mine).toContain("<del>- Use the **green** logo. APPROVED-WORDS");
    expect(mine).toContain("<ins>+ Use the **purple** logo. DRAFT-WORDS");
    expect(await (await request("/marketing/strategy", "Mina Member")).text()).toContain("revision 2, draft");

    // The next round approves revision 2, which DSF members then read.
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    await approveAs("Mina Member", id);
    const html = await (await request(location, "Dee Member")).text();
    expect(html).toContain("DRAFT-WORDS");
    expect(html).not.toContain("APPROVED-WORDS");
    expect(html).toContain("by Mina Member, revision 2");
  });

  it("a content item of another kind is no strategy document", async () => {
    const { id } = await createItem({
      db: database.db,
      clock,
      kind: "www-page",
      network: null,
      fields: fields(),
      by: who("Milo Member"),
    });
    expect((await request(`/marketing/strategy/${id}`, "Mina Member")).status).toBe(404);
  });
});

function text() {
  return { title: "Brand guidelines 2027", body: "Use the **green** logo. APPROVED-WORDS" };
}
