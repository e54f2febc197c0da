/**
 * The marketing workflow on the database: every kind of item through every row of the delegation
 * matrix read from the real charter, self-approval, an approval voided by an edit, a partner's
 * deadline passing, a Chair's override, the edit lock and stale saves, restoring, scheduled
 * publishing, and drafts hidden from the public on every page.
 */
import { and, eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../test/app.ts";
import { createTestDatabase } from "../../test/db.ts";
import { createTestAccount } from "../../test/factories/accounts.ts";
import { insertMarketingGroups, type MarketingGroups } from "../../test/factories/marketing.ts";
import { CLI_ACTOR, grantFoundationRole } from "../kernel/index.ts";
import type { FixedClock } from "../platform/clock.ts";
import { type Database, schema } from "../platform/db/index.ts";
import type { AppEnv } from "../platform/http/app.tsx";
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

let database: Database;
let clock: FixedClock;
let app: Hono<AppEnv>;
let g: MarketingGroups;
const users = new Map<string, { id: number; name: string; token: string }>();

const who = (name: string) => {
  const u = users.get(name);
  if (!u) throw new Error(`no user ${name}`);
  return { userId: u.id, name: u.name };
};

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
    await reviewItem({
      db: database.db,
      clock,
      itemId,
      stepId: s.id,
      decision: "approve",
      comment: null,
      reviewer: facts(name),
      by: who(name),
    });
  }
}

async function request(path: string, as: string | null, init: RequestInit = {}) {
  const headers = new Headers(init.headers);
  if (as) headers.set("authorization", `Bearer ${users.get(as)?.token}`);
  return app.request(path, { ...init, headers });
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ clock, app } = await createTestApplication(database));
  g = await insertMarketingGroups(database.db);
  const names = [
    "Mara Chair",
    "Milo Member",
    "Mina Member",
    "Fay Fundraiser",
    "Sol Social",
    "Oli Community",
    "Eve Events",
    "Wes Website",
    "Bo Board",
    "Sid Council",
    "Out Sider",
  ];
  for (const name of names) {
    const a = await createTestAccount({
      db: database.db,
      clock,
      email: `${name.toLowerCase().replace(/\s+/gu, ".")}@example.org`,
      name,
      personId: g.people.get(name) ?? null,
      scopes: ["read", "groups"],
    });
    users.set(name, { id: a.user.id, name, token: a.token });
  }
  const grant = (name: string, role: string) =>
    grantFoundationRole({
      db: database.db,
      now: clock.now(),
      by: CLI_ACTOR,
      userId: who(name).userId,
      role,
      startedOn: "2026-01-01",
    });
  await grant("Bo Board", "board-member");
  await grant("Sid Council", "steering-council-member");
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
      const publish = moveItem({
        db: database.db,
        clock,
        itemId: id,
        move: "publish",
        at: null,
        by: who("Milo Member"),
      });
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
    await database.db.transaction((tx) =>
      applyRequestAnswer({
        tx,
        requestId: request?.id ?? 0,
        subjectId: String(id),
        outcome: "approved",
        byLazyConsensus: false,
        answeredByPersonId: null,
        note: "Looks good.",
        now: clock.now(),
      }),
    );
    const decided = (await liveSteps(database.db, id)).find((s) => s.step === "partner");
    expect([decided?.status, decided?.comment]).toEqual(["approved", "Looks good."]);
    expect((await getItem(database.db, id)).state).toBe("in-review");
    const member = (await liveSteps(database.db, id)).find((s) => s.step === "member");
    await reviewItem({
      db: database.db,
      clock,
      itemId: id,
      stepId: member?.id ?? 0,
      decision: "approve",
      comment: null,
      reviewer: facts("Mina Member"),
      by: who("Mina Member"),
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
    await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("docs-contribution", { body: "New." }),
      by: who("Milo Member"),
    });
    await database.db.transaction((tx) =>
      applyRequestAnswer({
        tx,
        requestId: request?.id ?? 0,
        subjectId: String(id),
        outcome: "approved",
        byLazyConsensus: false,
        answeredByPersonId: null,
        note: null,
        now: clock.now(),
      }),
    );
    expect((await getItem(database.db, id)).state).toBe("draft");
    expect(await liveSteps(database.db, id)).toEqual([]);
  });
});

describe("review rules", () => {
  it("nobody approves their own item, not even after another member's edit", async () => {
    const id = await newItem("blog-post", "Mina Member");
    await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("blog-post", { title: "Edited" }),
      by: who("Milo Member"),
    });
    await submitItem({ database, clock, itemId: id, by: who("Mina Member") });
    const [step] = await liveSteps(database.db, id);
    for (const name of ["Mina Member", "Milo Member"]) {
      await expect(
        reviewItem({
          db: database.db,
          clock,
          itemId: id,
          stepId: step?.id ?? 0,
          decision: "approve",
          comment: null,
          reviewer: facts(name),
          by: who(name),
        }),
      ).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/own item/u) });
    }
    // The Chair, who wrote nothing of it, may.
    await reviewItem({
      db: database.db,
      clock,
      itemId: id,
      stepId: step?.id ?? 0,
      decision: "approve",
      comment: null,
      reviewer: facts("Mara Chair"),
      by: who("Mara Chair"),
    });
    expect((await getItem(database.db, id)).state).toBe("approved");
  });

  it("an edit after approval voids it: back to draft, a new round needed", async () => {
    const id = await newItem("social-post");
    await submitItem({ database, clock, itemId: id, by: who("Milo Member") });
    await approveAll(id);
    expect((await getItem(database.db, id)).state).toBe("approved");
    const saved = await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("social-post", { body: "Changed." }),
      by: who("Milo Member"),
    });
    expect(saved.voided).toBe(2);
    const item = await getItem(database.db, id);
    expect(item.state).toBe("draft");
    expect(await liveSteps(database.db, id)).toEqual([]);
    await expect(
      moveItem({ db: database.db, clock, itemId: id, move: "publish", at: null, by: who("Milo Member") }),
    ).rejects.toMatchObject({ code: "conflict" });
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
      reviewItem({
        db: database.db,
        clock,
        itemId: id,
        stepId: partner.id,
        decision: "approve",
        comment: null,
        reviewer: facts("Bo Board"),
        by: who("Bo Board"),
      });
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
      reviewItem({
        db: database.db,
        clock,
        itemId: id,
        stepId: step?.id ?? 0,
        decision: "request-changes",
        comment,
        reviewer: facts("Mina Member"),
        by: who("Mina Member"),
      });
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
    await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("blog-post", { body: "First edit." }),
      by: who("Mina Member"),
    });
    await expect(
      saveItem({
        db: database.db,
        clock,
        itemId: id,
        baseRevision: 1,
        fields: fieldsFor("blog-post", { body: "Second edit." }),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({
      code: "conflict",
      message: expect.stringMatching(/saved as revision 2 by someone else/u),
    });
    expect((await getItem(database.db, id)).body).toBe("First edit.");
    await takeEditLock({ db: database.db, clock, itemId: id, by: who("Mina Member") });
    await expect(
      saveItem({
        db: database.db,
        clock,
        itemId: id,
        baseRevision: 2,
        fields: fieldsFor("blog-post"),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({ code: "conflict", message: expect.stringMatching(/Mina Member is editing/u) });
    await expect(
      takeEditLock({ db: database.db, clock, itemId: id, by: who("Milo Member") }),
    ).rejects.toMatchObject({ code: "conflict" });
    const saved = clock.now();
    clock.set(new Date(saved.getTime() + 31 * 60_000));
    try {
      await takeEditLock({ db: database.db, clock, itemId: id, by: who("Milo Member") });
      const r = await saveItem({
        db: database.db,
        clock,
        itemId: id,
        baseRevision: 2,
        fields: fieldsFor("blog-post", { body: "Third." }),
        by: who("Milo Member"),
      });
      expect(r.revision).toBe(3);
      expect((await getItem(database.db, id)).lockUserId).toBeNull();
    } finally {
      clock.set(saved);
    }
  });

  it("a stale save over HTTP re-shows what was typed", async () => {
    const id = await newItem("www-page");
    await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("www-page", { body: "Theirs." }),
      by: who("Mina Member"),
    });
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
      createItem({
        db: database.db,
        clock,
        kind: "www-page",
        network: null,
        fields: fieldsFor("www-page", { body: "![](https://example.org/a.png)" }),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({ code: "validation", issues: [expect.objectContaining({ field: "body" })] });
    await expect(
      createItem({
        db: database.db,
        clock,
        kind: "blog-post",
        network: null,
        fields: fieldsFor("www-page", { socialCardUrl: "https://example.org/c.png" }),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({ code: "validation" });
    await expect(
      createItem({
        db: database.db,
        clock,
        kind: "social-post",
        network: null,
        fields: fieldsFor("social-post"),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({
      issues: [expect.objectContaining({ field: "network" })],
    });
  });

  it("restores an old revision as a new one and shows the diff", async () => {
    const id = await newItem("docs-contribution");
    await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("docs-contribution", { body: "Rewritten." }),
      by: who("Mina Member"),
    });
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
    await expect(
      moveItem({
        db: database.db,
        clock,
        itemId: id,
        move: "schedule",
        at: clock.now(),
        by: who("Milo Member"),
      }),
    ).rejects.toMatchObject({ code: "validation" });
    await moveItem({ db: database.db, clock, itemId: id, move: "schedule", at, by: who("Milo Member") });
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
    const draft = await createItem({
      db: database.db,
      clock,
      kind: "www-page",
      network: null,
      fields: fieldsFor("www-page", { title: "SECRET-DRAFT-TITLE" }),
      by: who("Milo Member"),
    });
    const pub = await createItem({
      db: database.db,
      clock,
      kind: "www-page",
      network: null,
      fields: fieldsFor("www-page", { title: "PUBLIC-PAGE-TITLE" }),
      by: who("Milo Member"),
    });
    await submitItem({ database, clock, itemId: pub.id, by: who("Milo Member") });
    await approveAll(pub.id);
    await moveItem({
      db: database.db,
      clock,
      itemId: pub.id,
      move: "publish",
      at: null,
      by: who("Milo Member"),
    });
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
    await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: fieldsFor("blog-post", {
        body: '<script>alert(1)</script>\n\n[x](javascript:alert(1))\n\n<img src=x onerror="alert(1)">',
      }),
      by: who("Milo Member"),
    });
    const html = await (await request(`/marketing/items/${id}`, "Mina Member")).text();
    const body = html.slice(html.indexOf('<article class="content-body">'), html.indexOf("</article>"));
    expect(body).not.toMatch(/<script|onerror|javascript:/iu);
  });
});
