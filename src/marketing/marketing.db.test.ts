/**
 * The marketing workflow on the database: every kind of item through every row of the delegation
 * matrix read from the real charter, self-approval, an approval voided by an edit, a partner's
 * deadline passing, a Chair's override, the edit lock and stale saves, restoring, scheduled
 * publishing, and drafts hidden from the public on every page.
 */
import { and, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { EVERY_DECIDER, type MarketingTest, openMarketingTest } from "../../test/factories/marketing.ts";
import { schema, type Tx } from "../platform/db/index.ts";
import { CONTENT_KINDS, type ContentKind, networksOf } from "./content-kinds.ts";
import { getMatrix } from "./get-matrix.ts";
import { applyRequestAnswer } from "./items/content-request.ts";
import { createItem } from "./items/create-item.ts";
import type { ItemFields } from "./items/item-fields.ts";
import { moveItem } from "./items/move-item.ts";
import { publishDue } from "./items/publish-due.ts";
import { restoreRevision } from "./items/restore-revision.ts";
import { reviewItem } from "./items/review-item.ts";
import { saveItem } from "./items/save-item.ts";
import { submitItem } from "./items/submit-item.ts";
import { takeEditLock } from "./items/take-edit-lock.ts";
import { getItem, listRevisions, liveSteps } from "./marketing.repo.ts";
import { overrideMatrixRow } from "./override-matrix-row.ts";
import type { ReviewerFacts } from "./workflow.ts";

let database: MarketingTest["database"];
let clock: MarketingTest["clock"];
let g: MarketingTest["g"];
let who: MarketingTest["who"];
let request: MarketingTest["request"];

/** The review facts of a named user, as the route builds them from the actor. */
function facts(name: string, over: Partial<ReviewerFacts> = {}): ReviewerFacts {
  const groupBy: Record<string, string> = {
    "Mara Chair": "marketing",
    "Milo Member": "marketing",
    "Mina Member": "marketing",
    "Fay Fundraiser": "fundraising",
    "Sol Social": "social-media",
    "Oli Community": "online-community",
    "Eve Events": "events-support",
    "Wes Website": "website",
  };
  const slug = groupBy[name];
  return {
    userId: who(name).userId,
    groupIds: new Set(slug ? [g.groups.get(slug) ?? 0] : []),
    board: name === "Bo Board",
    steeringCouncil: name === "Sid Council",
    ...over,
  };
}

const fieldsFor = (kind: ContentKind, over: Partial<ItemFields> = {}): ItemFields => ({
  title: `A ${kind}`,
  body: "Hello **Django**.\n\n![the pony](https://example.org/pony.png)",
  slug: kind === "blog-post" ? `post-${Math.random().toString(36).slice(2, 8)}` : null,
  summary: kind === "blog-post" ? "A summary." : null,
  authors: kind === "blog-post" ? ["Milo Member"] : [],
  tags: [],
  socialCardUrl: null,
  socialCardAlt: null,
  ...over,
});

/** One reviewer's decision on a step, with the reviewer's facts as the route builds them. */
function review(input: {
  itemId: number;
  stepId: number;
  as: string;
  decision: "approve" | "request-changes";
  comment: string | null;
}) {
  return reviewItem({
    db: database.db,
    clock,
    itemId: input.itemId,
    stepId: input.stepId,
    decision: input.decision,
    comment: input.comment,
    reviewer: facts(input.as),
    by: who(input.as),
  });
}

/** Saves `fields` over `baseRevision` as the named person. */
const save = (itemId: number, baseRevision: number, fields: ItemFields, by: string) =>
  saveItem({ db: database.db, clock, itemId, baseRevision, fields, by: who(by) });

/** Moves an item (publish, schedule, ...) as the named person. */
const move = (itemId: number, to: "publish" | "schedule", at: Date | null, by: string) =>
  moveItem({ db: database.db, clock, itemId, move: to, at, by: who(by) });

/** Creates an item of `kind` without a network, as Milo Member. */
const create = (kind: ContentKind, fields: ItemFields) =>
  createItem({ db: database.db, clock, kind, network: null, fields, by: who("Milo Member") });

/** The partner's approval of the request, as the requests' answering operation applies it in `tx`. */
const answerApproved = (tx: Tx, requestId: number, itemId: number, note: string | null) =>
  applyRequestAnswer({
    tx,
    requestId,
    subjectId: String(itemId),
    outcome: "approved",
    byLazyConsensus: false,
    answeredByPersonId: null,
    note,
    now: clock.now(),
  });

async function newItem(kind: ContentKind, by = "Milo Member") {
  const network = networksOf(kind)[0] ?? null;
  const docType = kind === "strategy-document" ? "kpis" : null;
  return (
    await createItem({ db: database.db, clock, kind, network, docType, fields: fieldsFor(kind), by: who(by) })
  ).id;
}

/** Who decides each kind of step in these tests. */
function deciderFor(step: { step: string; groupId: number | null }): string {
  if (step.step === "member") return "Mina Member";
  if (step.step === "board") return "Bo Board";
  if (step.groupId === null) return "Sid Council";
  const slug = [...g.groups].find(([, id]) => id === step.groupId)?.[0];
  const bySlug: Record<string, string> = {
    fundraising: "Fay Fundraiser",
    "social-media": "Sol Social",
    "online-community": "Oli Community",
    "events-support": "Eve Events",
    website: "Wes Website",
  };
  return bySlug[slug ?? ""] ?? "nobody";
}

async function approveAll(itemId: number) {
  for (const s of await liveSteps(database.db, itemId)) {
    const name = deciderFor(s);
    await review({ itemId, stepId: s.id, as: name, decision: "approve", comment: null });
  }
}

beforeAll(async () => {
  ({ database, clock, g, who, request } = await openMarketingTest(EVERY_DECIDER));
});

afterAll(async () => {
  await database?.close();
});

describe("the delegation matrix as applied", () => {
  it("resolves partner and checking groups to the directory's groups", async () => {
    const m = await getMatrix({ db: database.db, clock });
    const row = (k: ContentKind) => m.rows.find((r) => r.kind === k);
    expect(row("fundraising-page")?.steps.map((s) => s.groupSlug)).toEqual([null, "fundraising"]);
    expect(row("social-post")?.steps.map((s) => s.groupSlug)).toEqual([null, "social-media"]);
    expect(row("community-announcement")?.steps.map((s) => s.groupSlug)).toEqual([null, "online-community"]);
    expect(row("event-collateral")?.steps.map((s) => s.groupSlug)).toEqual([null, "events-support"]);
    expect(row("www-template-page")?.steps.map((s) => [s.step, s.groupSlug])).toEqual([
      ["member", null],
      ["final-check", "website"],
    ]);
    // Core contributors are no group of the directory: the Steering Council speaks for them.
    expect(row("docs-contribution")?.steps[1]?.who).toMatch(
      /Django core contributors \(through the Steering Council\)/u,
    );
  });

  it("serves the matrix to anyone as a page and as JSON with the charter line of each row", async () => {
    const page = await request("/marketing/matrix", null);
    expect(page.status).toBe(200);
    const html = await page.text();
    expect(html).toContain("proposals/marketing.md, line 31");
    expect(html).not.toContain("Override a row");
    const res = await request("/api/marketing/matrix", null);
    expect(res.status).toBe(200);
    const body = (await res.json()) as {
      rows: Array<{ kind: string; approvers: Array<{ step: string }>; sources: Array<{ line: number }> }>;
    };
    expect(body.rows.map((r) => r.kind)).toEqual([...CONTENT_KINDS]);
    expect(body.rows.find((r) => r.kind === "fundraising-page")?.sources[0]?.line).toBe(31);
    expect(body.rows.find((r) => r.kind === "www-template-page")?.approvers.map((a) => a.step)).toEqual([
      "member",
      "final-check",
    ]);
  });
});

describe("every kind through its row of the matrix", () => {
  for (const kind of CONTENT_KINDS) {
    it(`${kind}: submitted, approved by every step the matrix names, published`, async () => {
      const id = await newItem(kind);
      const sent = await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
      const m = await getMatrix({ db: database.db, clock });
      const row = m.rows.find((r) => r.kind === kind);
      expect(sent.steps).toEqual(row?.steps.map((s) => s.who));
      const steps = await liveSteps(database.db, id);
      expect(steps.map((s) => s.step)).toEqual(row?.steps.map((s) => s.step));
      // Partner steps carry a deadline, others none.
      for (const s of steps) expect(s.dueAt === null, s.step).toBe(s.step !== "partner");
      await approveAll(id);
      expect((await getItem(database.db, id)).state).toBe("approved");
      const publish = move(id, "publish", null, "Milo Member");
      if (kind === "strategy-document") {
        // Approved is where a strategy document ends: DSF members read the approved revision.
        await expect(publish).rejects.toMatchObject({ code: "conflict" });
        return;
      }
      await publish;
      expect((await getItem(database.db, id)).state).toBe("published");
    });
  }
});

describe("partner sign-offs as requests between groups", () => {
  it("asks the partner group with a request due on the step's deadline, and applies its answer", async () => {
    const id = await newItem("social-post");
    const sent = await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    expect(sent.requests).toHaveLength(1);
    const [request] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, sent.requests[0] ?? 0));
    const partner = (await liveSteps(database.db, id)).find((s) => s.step === "partner");
    expect(partner?.requestId).toBe(request?.id);
    expect(request?.targetGroupId).toBe(g.groups.get("social-media"));
    expect(request?.fromGroupId).toBe(g.marketing);
    expect(request?.subjectType).toBe("marketing.content-item");
    expect(request?.subjectId).toBe(String(id));
    // The step falls due when the request's deadline day ends.
    expect(`${request?.deadline}T23:59:59.999Z`).toBe(
      new Date((partner?.dueAt?.getTime() ?? 0) - 1).toISOString(),
    );
    // The answer (as the requests' answering operation runs it, inside its transaction) decides the step.
    await database.db.transaction((tx) => answerApproved(tx, request?.id ?? 0, id, "Looks good."));
    const decided = (await liveSteps(database.db, id)).find((s) => s.step === "partner");
    expect([decided?.status, decided?.comment]).toEqual(["approved", "Looks good."]);
    expect((await getItem(database.db, id)).state).toBe("in-review");
    const member = (await liveSteps(database.db, id)).find((s) => s.step === "member");
    await review({
      itemId: id,
      stepId: member?.id ?? 0,
      as: "Mina Member",
      decision: "approve",
      comment: null,
    });
    expect((await getItem(database.db, id)).state).toBe("approved");
  });

  it("a partner that is no directory group is asked through the Steering Council; an answer after an edit changes nothing", async () => {
    const id = await newItem("docs-contribution");
    const sent = await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    const [request] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, sent.requests[0] ?? 0));
    expect(request?.targetKind).toBe("steering-council");
    await save(id, 1, fieldsFor("docs-contribution", { body: "New." }), "Milo Member");
    await database.db.transaction((tx) => answerApproved(tx, request?.id ?? 0, id, null));
    expect((await getItem(database.db, id)).state).toBe("draft");
    expect(await liveSteps(database.db, id)).toEqual([]);
  });
});

describe("review rules", () => {
  it("nobody approves their own item, not even after another member's edit", async () => {
    const id = await newItem("blog-post", "Mina Member");
    await save(id, 1, fieldsFor("blog-post", { title: "Edited" }), "Milo Member");
    await submitItem({ database, clock, itemId: id, by: who("Mina Member") });
    const [step] = await liveSteps(database.db, id);
    for (const name of ["Mina Member", "Milo Member"]) {
      await expect(
        review({ itemId: id, stepId: step?.id ?? 0, as: name, decision: "approve", comment: null }),
      ).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/own item/u) });
    }
    // The Chair, who wrote nothing of it, may.
    await review({ itemId: id, stepId: step?.id ?? 0, as: "Mara Chair", decision: "approve", comment: null });
    expect((await getItem(database.db, id)).state).toBe("approved");
  });

  it("an edit after approval voids it: back to draft, a new round needed", async () => {
    const id = await newItem("social-post");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    await approveAll(id);
    expect((await getItem(database.db, id)).state).toBe("approved");
    const saved = await save(id, 1, fieldsFor("social-post", { body: "Changed." }), "Milo Member");
    expect(saved.voided).toBe(2);
    const item = await getItem(database.db, id);
    expect(item.state).toBe("draft");
    expect(await liveSteps(database.db, id)).toEqual([]);
    await expect(move(id, "publish", null, "Milo Member")).rejects.toMatchObject({ code: "conflict" });
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    const round = await liveSteps(database.db, id);
    expect(round.map((s) => [s.revision, s.status])).toEqual([
      [2, "pending"],
      [2, "pending"],
    ]);
    const audit = await database.db
      .select()
      .from(schema.auditLog)
      .where(
        and(eq(schema.auditLog.subjectType, "marketing-item"), eq(schema.auditLog.subjectId, String(id))),
      );
    expect(audit.map((a) => a.action)).toContain("marketing.item-edit");
  });

  it("a partner's deadline passing lets the Board decide in its place", async () => {
    const id = await newItem("fundraising-page");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    const partner = (await liveSteps(database.db, id)).find((s) => s.step === "partner");
    if (!partner) throw new Error("no partner step");
    const board = () =>
      review({ itemId: id, stepId: partner.id, as: "Bo Board", decision: "approve", comment: null });
    await expect(board()).rejects.toMatchObject({
      code: "forbidden",
      message: expect.stringMatching(/once its deadline has passed/u),
    });
    const saved = clock.now();
    clock.set(new Date(saved.getTime() + 8 * 86_400_000));
    try {
      const r = await board();
      expect(r.escalated).toBe(true);
      const [entry] = (
        await database.db
          .select()
          .from(schema.auditLog)
          .where(
            and(
              eq(schema.auditLog.action, "marketing.item-review"),
              eq(schema.auditLog.subjectId, String(id)),
            ),
          )
      ).slice(-1);
      expect(JSON.stringify(entry?.after)).toMatch(/deadline having passed/u);
    } finally {
      clock.set(saved);
    }
  });

  it("changes requested send the item back; it needs a comment", async () => {
    const id = await newItem("www-page");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    const [step] = await liveSteps(database.db, id);
    const ask = (comment: string | null) =>
      review({ itemId: id, stepId: step?.id ?? 0, as: "Mina Member", decision: "request-changes", comment });
    await expect(ask(null)).rejects.toMatchObject({ code: "validation" });
    expect((await ask("Shorter, please.")).state).toBe("changes-requested");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    expect((await getItem(database.db, id)).state).toBe("in-review");
  });

  it("a Chair's override changes who approves, audited; a member cannot override", async () => {
    const denied = await request("/marketing/matrix/override", "Milo Member", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "blog-post", board: "on", reason: "x" }).toString(),
    });
    expect(denied.status).toBe(403);
    const res = await request("/marketing/matrix/override", "Mara Chair", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        kind: "campaign-site-page",
        member: "on",
        partners: "website",
        reason: "The birthday site runs on the website's servers.",
      }).toString(),
    });
    expect(res.status).toBe(303);
    const m = await getMatrix({ db: database.db, clock });
    const row = m.rows.find((r) => r.kind === "campaign-site-page");
    expect(row?.steps.map((s) => [s.step, s.groupSlug])).toEqual([
      ["member", null],
      ["partner", "website"],
    ]);
    expect(row?.override?.byName).toBe("Mara Chair");
    const id = await newItem("campaign-site-page");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    expect((await liveSteps(database.db, id)).map((s) => s.step)).toEqual(["member", "partner"]);
    const [audit] = await database.db
      .select()
      .from(schema.auditLog)
      .where(eq(schema.auditLog.action, "marketing.matrix-override"));
    expect(audit?.cause).toBe("The birthday site runs on the website's servers.");
    await overrideMatrixRow({
      db: database.db,
      clock,
      kind: "campaign-site-page",
      reset: true,
      member: false,
      board: false,
      partners: [],
      finalCheck: null,
      reason: "Back to the charter.",
      by: who("Mara Chair"),
    });
    expect(
      (await getMatrix({ db: database.db, clock })).rows
        .find((r) => r.kind === "campaign-site-page")
        ?.steps.map((s) => s.step),
    ).toEqual(["member"]);
  });
});

describe("editing", () => {
  it("refuses a stale save and another person's lock; the lock expires", async () => {
    const id = await newItem("blog-post");
    await save(id, 1, fieldsFor("blog-post", { body: "First edit." }), "Mina Member");
    await expect(
      save(id, 1, fieldsFor("blog-post", { body: "Second edit." }), "Milo Member"),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/saved as revision 2 by someone else/u),
    });
    expect((await getItem(database.db, id)).body).toBe("First edit.");
    await takeEditLock({ db: database.db, clock, itemId: id, by: who("Mina Member") });
    await expect(save(id, 2, fieldsFor("blog-post"), "Milo Member")).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/Mina Member is editing/u),
    });
    await expect(
      takeEditLock({ db: database.db, clock, itemId: id, by: who("Milo Member") }),
    ).rejects.toMatchObject({ code: "conflict" });
    const saved = clock.now();
    clock.set(new Date(saved.getTime() + 31 * 60_000));
    try {
      await takeEditLock({ db: database.db, clock, itemId: id, by: who("Milo Member") });
      const r = await save(id, 2, fieldsFor("blog-post", { body: "Third." }), "Milo Member");
      expect(r.revision).toBe(3);
      expect((await getItem(database.db, id)).lockUserId).toBeNull();
    } finally {
      clock.set(saved);
    }
  });

  it("a stale save over HTTP re-shows what was typed", async () => {
    const id = await newItem("www-page");
    await save(id, 1, fieldsFor("www-page", { body: "Theirs." }), "Mina Member");
    const res = await request(`/marketing/items/${id}`, "Milo Member", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ baseRevision: "1", title: "Mine", body: "MY-TYPED-WORDS" }).toString(),
    });
    expect(res.status).toBe(409);
    const html = await res.text();
    expect(html).toContain("MY-TYPED-WORDS");
    expect(html).toContain("revision 2 by someone else was saved after you opened revision 1");
  });

  it("refuses images without alt text and a blog post without its fields", async () => {
    await expect(
      create("www-page", fieldsFor("www-page", { body: "![](https://example.org/a.png)" })),
    ).rejects.toMatchObject({ code: "validation", issues: [expect.objectContaining({ field: "body" })] });
    await expect(
      create("blog-post", fieldsFor("www-page", { socialCardUrl: "https://example.org/c.png" })),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(create("social-post", fieldsFor("social-post"))).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "network" })],
    });
  });

  it("restores an old revision as a new one and shows the diff", async () => {
    const id = await newItem("docs-contribution");
    await save(id, 1, fieldsFor("docs-contribution", { body: "Rewritten." }), "Mina Member");
    const r = await restoreRevision({
      db: database.db,
      clock,
      itemId: id,
      number: 1,
      by: who("Milo Member"),
    });
    expect(r.revision).toBe(3);
    const revisions = await listRevisions(database.db, id);
    expect(revisions.map((x) => x.restoredFrom)).toEqual([null, null, 1]);
    expect((await getItem(database.db, id)).body).toBe(revisions[0]?.body);
    const diff = await request(`/marketing/items/${id}/diff?from=2&to=3`, "Milo Member");
    expect(diff.status).toBe(200);
    const html = await diff.text();
    expect(html).toContain("<del>- Rewritten.");
    expect(html).toContain("<ins>+ Hello **Django**.");
  });
});

describe("publishing and who sees what", () => {
  it("publishes a scheduled item at its time through the job's operation", async () => {
    const id = await newItem("event-collateral");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    await approveAll(id);
    const at = new Date(clock.now().getTime() + 3_600_000);
    await expect(move(id, "schedule", clock.now(), "Milo Member")).rejects.toMatchObject({
      code: "validation",
    });
    await move(id, "schedule", at, "Milo Member");
    expect((await publishDue({ db: database.db, clock })).published).not.toContain(id);
    const saved = clock.now();
    clock.set(new Date(at.getTime() + 1000));
    try {
      expect((await publishDue({ db: database.db, clock })).published).toContain(id);
      expect((await getItem(database.db, id)).state).toBe("published");
    } finally {
      clock.set(saved);
    }
  });

  it("keeps drafts from the public and from outsiders on every page", async () => {
    const draft = await create("www-page", fieldsFor("www-page", { title: "SECRET-DRAFT-TITLE" }));
    const pub = await create("www-page", fieldsFor("www-page", { title: "PUBLIC-PAGE-TITLE" }));
    await submitItem({ database, clock, itemId: pub.id, by: who("Milo Member") });
    await approveAll(pub.id);
    await move(pub.id, "publish", null, "Milo Member");
    for (const as of [null, "Out Sider"]) {
      const list = await (await request("/marketing/items", as)).text();
      expect(list).not.toContain("SECRET-DRAFT-TITLE");
      expect(list).toContain("PUBLIC-PAGE-TITLE");
      const page = await request(`/marketing/items/${draft.id}`, as);
      expect(page.status).toBe(as === null ? 303 : 403);
      expect(await page.text()).not.toContain("SECRET-DRAFT-TITLE");
      expect((await request(`/marketing/items/${pub.id}`, as)).status).toBe(200);
      expect((await request(`/marketing/items/${draft.id}/diff?from=1&to=1`, as)).status).toBe(
        as === null ? 303 : 403,
      );
    }
    expect(await (await request("/marketing/items", "Mina Member")).text()).toContain("SECRET-DRAFT-TITLE");
    expect((await request(`/marketing/items/${draft.id}`, "Bo Board")).status).toBe(200);
  });

  it("renders a hostile body safely on the item page", async () => {
    const id = await newItem("blog-post");
    await save(
      id,
      1,
      fieldsFor("blog-post", {
        body: '<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror="alert(1)">',
      }),
      "Milo Member",
    );
    const html = await (await request(`/marketing/items/${id}`, "Mina Member")).text();
    const body = html.slice(html.indexOf('<article class="content-body">'), html.indexOf("</article>"));
    expect(body).not.toMatch(/<script|onerror|javascript:/iu);
  });
});
