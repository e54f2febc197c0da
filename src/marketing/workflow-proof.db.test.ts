/**
 * The workflow proof, table-driven: for every kind of content and every row of the delegation
 * matrix (the charter's rows, and rows a Chair's override gives), an item is created, sent for
 * review, its review steps checked against the row, every step refused to its authors (whatever
 * else they are) and to the wrong people, and approved by the right ones through the item's
 * review route, until the item is approved and the approved revision recorded. Then: an edit after
 * approval voids it; a partner's deadline passing, with the requests sweep run on a FixedClock;
 * a Chair's override changing the steps, in the audit log.
 */
import { and, asc, eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import {
  EVERY_DECIDER,
  itemFields,
  type MarketingTest,
  openMarketingTest,
} from "../../test/factories/marketing.ts";
import { governanceJobs } from "../governance/index.ts";
import { schema } from "../platform/db/index.ts";
import { CONTENT_KINDS, type ContentKind, networksOf, PARTNER_DAYS } from "./content-kinds.ts";
import { getMatrix } from "./get-matrix.ts";
import { createItem } from "./items/create-item.ts";
import { approveStep } from "./items/items.fixtures.ts";
import { saveItem } from "./items/save-item.ts";
import { partnerDueAt, submitItem } from "./items/submit-item.ts";
import { getItem, listRevisions, liveSteps, type StepRow } from "./marketing.repo.ts";
import { overrideMatrixRow } from "./override-matrix-row.ts";

let database: MarketingTest["database"];
let services: MarketingTest["services"];
let clock: MarketingTest["clock"];
let g: MarketingTest["g"];
let who: MarketingTest["who"];
let request: MarketingTest["request"];
const AUTHOR = "Milo Member";

const slugOf = (groupId: number | null) =>
  groupId === null ? null : ([...g.groups].find(([, id]) => id === groupId)?.[0] ?? "?");

/** The member of each partner group in the factory. */
const PARTNER_MEMBER: Record<string, string> = {
  fundraising: "Fay Fundraiser",
  "social-media": "Sol Social",
  "online-community": "Oli Community",
  "events-support": "Eve Events",
  website: "Wes Website",
};

/** Who decides a step, and who must be refused it (before any deadline). */
function peopleFor(s: StepRow): { right: string; wrong: string[] } {
  const slug = slugOf(s.groupId);
  if (s.step === "member")
    return { right: "Mina Member", wrong: ["Fay Fundraiser", "Bo Board", "Out Sider"] };
  if (s.step === "board") return { right: "Bo Board", wrong: ["Mina Member", "Sid Council", "Out Sider"] };
  if (s.step === "final-check")
    return { right: PARTNER_MEMBER[slug ?? ""] ?? "?", wrong: ["Mina Member", "Bo Board"] };
  // A partner step: the partner group, or the Steering Council for a partner that is no group;
  // the Board only once the deadline has passed.
  if (slug === null) return { right: "Sid Council", wrong: ["Mina Member", "Bo Board"] };
  return { right: PARTNER_MEMBER[slug] ?? "?", wrong: ["Mina Member", "Bo Board", "Sid Council"] };
}

/** Decides a step through the item's review route, as the named person. */
const decide = (itemId: number, stepId: number, as: string, decision = "approve", comment = "") =>
  request(`/marketing/items/${itemId}/steps/${stepId}`, as, {
    method: "POST",
    headers: { "content-type": "application/x-www-form-urlencoded" },
    body: new URLSearchParams({ decision, comment }).toString(),
  });

async function newItem(kind: ContentKind) {
  const { id } = await createItem({
    db: database.db,
    clock,
    kind,
    network: networksOf(kind)[0] ?? null,
    docType: kind === "strategy-document" ? "marketing-strategy" : null,
    fields: itemFields(`Proof ${kind}`, {
      body: "Proof.",
      slug: kind === "blog-post" ? `proof-${Math.random().toString(36).slice(2, 8)}` : null,
      summary: kind === "blog-post" ? "A summary." : null,
      authors: kind === "blog-post" ? [AUTHOR] : [],
    }),
    by: who(AUTHOR),
  });
  return id;
}

async function auditOf(action: string, subjectId?: string) {
  return database.db
    .select()
    .from(schema.auditLog)
    .where(
      and(
        eq(schema.auditLog.action, action),
        ...(subjectId === undefined ? [] : [eq(schema.auditLog.subjectId, subjectId)]),
      ),
    )
    .orderBy(asc(schema.auditLog.id));
}

/** The sweep's events recorded on a request, in order. */
async function eventsOf(requestId: number): Promise<string[]> {
  const rows = await database.db
    .select()
    .from(schema.requestEvents)
    .where(eq(schema.requestEvents.requestId, requestId))
    .orderBy(asc(schema.requestEvents.id));
  return rows.map((r) => r.kind);
}

/** Runs the requests sweep the way the worker does, on the test's clock. */
async function sweep(): Promise<Record<string, number>> {
  const job = governanceJobs.find((j) => j.name === "governance.sweep-requests");
  if (!job) throw new Error("no request sweep job");
  const result = (await job.run({}, {
    deps: { database, clock, log: services.log },
    job: { id: "proof", name: job.name, attempt: 0 },
    log: services.log,
    jobs: { send: async () => null },
    outbound: (fn: () => Promise<unknown>) => fn(),
  } as never)) as { recorded: Record<string, number> };
  return result.recorded;
}

beforeAll(async () => {
  ({ database, clock, g, who, request, services } = await openMarketingTest(EVERY_DECIDER));
});

afterAll(async () => {
  await database?.close();
});

/** A row of the matrix the proof walks: a kind, the steps expected ([step, group slug]), and the override making them, if any. */
interface Row {
  kind: ContentKind;
  steps: Array<[string, string | null]>;
  override?: { member: boolean; board: boolean; partners: string[]; finalCheck: string | null };
}

/** The charter's rows, one per kind, as the Marketing WG's charter gives them. */
const CHARTER_ROWS: Row[] = [
  { kind: "blog-post", steps: [["member", null]] },
  { kind: "www-page", steps: [["member", null]] },
  {
    kind: "www-template-page",
    steps: [
      ["member", null],
      ["final-check", "website"],
    ],
  },
  {
    kind: "fundraising-page",
    steps: [
      ["member", null],
      ["partner", "fundraising"],
    ],
  },
  {
    kind: "docs-contribution",
    steps: [
      ["member", null],
      ["partner", null],
    ],
  },
  {
    kind: "social-post",
    steps: [
      ["member", null],
      ["partner", "social-media"],
    ],
  },
  {
    kind: "community-announcement",
    steps: [
      ["member", null],
      ["partner", "online-community"],
    ],
  },
  {
    kind: "event-collateral",
    steps: [
      ["member", null],
      ["partner", "events-support"],
    ],
  },
  { kind: "campaign-site-page", steps: [["member", null]] },
  { kind: "strategy-document", steps: [["member", null]] },
];

/** Rows only an override gives: the Board alone, and every kind of step at once. */
const OVERRIDE_ROWS: Row[] = [
  {
    kind: "blog-post",
    steps: [["board", null]],
    override: { member: false, board: true, partners: [], finalCheck: null },
  },
  {
    kind: "campaign-site-page",
    steps: [
      ["member", null],
      ["partner", "fundraising"],
      ["partner", "social-media"],
      ["final-check", "website"],
      ["board", null],
    ],
    override: { member: true, board: true, partners: ["fundraising", "social-media"], finalCheck: "website" },
  },
];

describe("the proof covers the whole matrix", () => {
  it("has a charter row for every kind, and every kind of step appears in some row", () => {
    expect(CHARTER_ROWS.map((r) => r.kind)).toEqual([...CONTENT_KINDS]);
    const kinds = new Set([...CHARTER_ROWS, ...OVERRIDE_ROWS].flatMap((r) => r.steps.map((s) => s[0])));
    expect([...kinds].sort()).toEqual(["board", "final-check", "member", "partner"]);
  });
});

describe("every kind through every row of the matrix", () => {
  for (const row of [...CHARTER_ROWS, ...OVERRIDE_ROWS]) {
    const label = `${row.kind}${row.override ? " (overridden)" : ""}: ${row.steps.map((s) => s.filter(Boolean).join(":")).join(", ")}`;
    it(label, async () => {
      if (row.override) {
        await overrideMatrixRow({
          db: database.db,
          clock,
          kind: row.kind,
          reset: false,
          ...row.override,
          reason: `proof of ${label}`,
          by: who("Mara Chair"),
        });
      }
      try {
        // The matrix row derived (or overridden) is the row expected.
        const m = await getMatrix({ db: database.db, clock });
        const matrixRow = m.rows.find((r) => r.kind === row.kind);
        expect(matrixRow?.steps.map((s) => [s.step, s.groupSlug])).toEqual(row.steps);
        expect(matrixRow?.override === null).toBe(!row.override);

        const id = await newItem(row.kind);
        const sentAt = clock.now();
        const sent = await submitItem({ database, clock, itemId: id, by: who(AUTHOR) });
        const steps = await liveSteps(database.db, id);
        // One step per approval of the row, for revision 1, each pending; the member step is the group's.
        expect(steps.map((s) => [s.step, s.step === "member" ? null : slugOf(s.groupId)])).toEqual(row.steps);
        expect(sent.steps).toEqual(matrixRow?.steps.map((s) => s.who));
        for (const s of steps) {
          expect([s.revision, s.status]).toEqual([1, "pending"]);
          if (s.step === "member") expect(s.groupId).toBe(g.marketing);
          // Partner steps fall due at the end of the PARTNER_DAYS-th day, and are asked for by a request.
          expect(s.dueAt?.toISOString() ?? null).toBe(
            s.step === "partner" ? partnerDueAt(sentAt).toISOString() : null,
          );
          expect(s.requestId !== null, `${s.step} request`).toBe(s.step === "partner");
        }
        expect(sent.requests).toHaveLength(row.steps.filter((s) => s[0] === "partner").length);

        for (const [i, s] of steps.entries()) {
          // Nobody approves their own item, whatever else they are.
          await expect(
            approveStep(
              { db: database.db, clock },
              {
                itemId: id,
                stepId: s.id,
                reviewer: {
                  userId: who(AUTHOR).userId,
                  groupIds: new Set(g.groups.values()),
                  board: true,
                  steeringCouncil: true,
                },
                by: who(AUTHOR),
              },
            ),
          ).rejects.toMatchObject({ code: "forbidden", message: expect.stringMatching(/own item/u) });
          const self = await decide(id, s.id, AUTHOR);
          expect(self.status, "the author, over HTTP").toBe(403);
          expect(await self.text()).toContain("Nobody approves their own item");

          const { right, wrong } = peopleFor(s);
          for (const name of wrong) {
            const res = await decide(id, s.id, name);
            expect(res.status, `${name} on the ${s.step} step`).toBe(403);
          }
          const res = await decide(id, s.id, right);
          expect(res.status, `${right} on the ${s.step} step`).toBe(303);
          const [after] = (await liveSteps(database.db, id)).filter((x) => x.id === s.id);
          expect([after?.status, after?.decidedByName]).toEqual(["approved", right]);
          // Decided once: a second decision is refused.
          expect((await decide(id, s.id, right)).status).toBe(409);
          const state = (await getItem(database.db, id)).state;
          expect(state).toBe(i === steps.length - 1 ? "approved" : "in-review");
        }

        // Approved: the revision approved is recorded with who approved it, and every decision is audited.
        const item = await getItem(database.db, id);
        const [rev1] = await listRevisions(database.db, id);
        expect(item.approvedRevisionId).toBe(rev1?.id);
        expect(item.approvedByName?.split(", ").sort()).toEqual(
          [...new Set(steps.map((s) => peopleFor(s).right))].sort(),
        );
        expect((await auditOf("marketing.item-review", String(id))).length).toBe(steps.length);
        // Each partner's request was answered by the decision on the page: the sweep has nothing to chase.
        for (const s of steps.filter((x) => x.requestId !== null)) {
          const [req] = await database.db
            .select()
            .from(schema.groupRequests)
            .where(eq(schema.groupRequests.id, s.requestId ?? 0));
          expect([req?.state, req?.outcome], `request of the ${s.step} step`).toEqual([
            "answered",
            "approved",
          ]);
        }
      } finally {
        if (row.override) {
          await overrideMatrixRow({
            db: database.db,
            clock,
            kind: row.kind,
            reset: true,
            member: false,
            board: false,
            partners: [],
            finalCheck: null,
            reason: "back to the charter",
            by: who("Mara Chair"),
          });
        }
      }
    });
  }
});

describe("the cases the issue names", () => {
  it("an edit after approval voids it: back to draft, the approved revision kept, a new round for the new one", async () => {
    const id = await newItem("event-collateral");
    await submitItem({ database, clock, itemId: id, by: who(AUTHOR) });
    for (const s of await liveSteps(database.db, id)) {
      expect((await decide(id, s.id, peopleFor(s).right)).status).toBe(303);
    }
    expect((await getItem(database.db, id)).state).toBe("approved");
    const approvedRevision = (await getItem(database.db, id)).approvedRevisionId;
    const saved = await saveItem({
      db: database.db,
      clock,
      itemId: id,
      baseRevision: 1,
      fields: itemFields("Proof event-collateral", { body: "Changed after approval." }),
      by: who("Mina Member"),
    });
    expect(saved).toEqual({ revision: 2, voided: 2 });
    const item = await getItem(database.db, id);
    expect([item.state, item.approvedRevisionId]).toEqual(["draft", approvedRevision]);
    expect(await liveSteps(database.db, id)).toEqual([]);
    const voided = await database.db
      .select()
      .from(schema.marketingReviewSteps)
      .where(eq(schema.marketingReviewSteps.itemId, id));
    expect(voided.map((s) => s.status)).toEqual(["voided", "voided"]);
    // Publishing is refused until a new round approves revision 2; Mina edited it, so she may not approve it now.
    const publish = await request(`/marketing/items/${id}/publish`, AUTHOR, { method: "POST" });
    expect(publish.status).toBe(409);
    await submitItem({ database, clock, itemId: id, by: who(AUTHOR) });
    const round = await liveSteps(database.db, id);
    expect(round.map((s) => [s.revision, s.status])).toEqual([
      [2, "pending"],
      [2, "pending"],
    ]);
    const member = round.find((s) => s.step === "member");
    const res = await decide(id, member?.id ?? 0, "Mina Member");
    expect(res.status).toBe(403);
    expect(await res.text()).toContain("Nobody approves their own item");
    expect((await auditOf("marketing.item-edit", String(id))).map((a) => a.after)).toEqual([
      { revision: 2, voidedApprovals: 2 },
    ]);
  });

  it(`a partner's deadline (${PARTNER_DAYS} days, to the end of the day) passing: the sweep escalates and the Board may decide`, async () => {
    const start = clock.now();
    const id = await newItem("fundraising-page");
    await submitItem({ database, clock, itemId: id, by: who(AUTHOR) });
    const partner = (await liveSteps(database.db, id)).find((s) => s.step === "partner");
    if (!partner?.dueAt || partner.requestId === null) throw new Error("no partner step with a request");
    const [req] = await database.db
      .select()
      .from(schema.groupRequests)
      .where(eq(schema.groupRequests.id, partner.requestId));
    // Submitted 2026-11-21 12:00 UTC: the request's last day is 2026-11-28; the step falls due as it ends.
    expect(start.toISOString()).toBe("2026-11-21T12:00:00.000Z");
    expect(req?.deadline).toBe("2026-11-28");
    expect(partner.dueAt.toISOString()).toBe("2026-11-29T00:00:00.000Z");
    const at = (iso: string) => clock.set(new Date(iso));
    try {
      // On the last day the partner is still in time: the Board is refused, the sweep only reminds.
      at("2026-11-28T23:59:00Z");
      await sweep();
      expect(await eventsOf(partner.requestId)).toEqual(["reminder"]);
      const early = await decide(id, partner.id, "Bo Board");
      expect(early.status).toBe(403);
      expect(await early.text()).toContain("the Board may once its deadline has passed");
      // The hour after: the sweep escalates to the partner's Chair; the page says the Board may decide.
      at("2026-11-29T00:10:00Z");
      await sweep();
      expect(await eventsOf(partner.requestId)).toEqual(["reminder", "escalated-target"]);
      const page = await (await request(`/marketing/items/${id}`, "Bo Board")).text();
      expect(page).toContain("overdue: the Board may decide in the partner&#39;s place");
      // Still not someone else: a member of the Marketing WG is refused the partner's step.
      expect((await decide(id, partner.id, "Mina Member")).status).toBe(403);
      expect((await decide(id, partner.id, "Bo Board")).status).toBe(303);
      const [entry] = (await auditOf("marketing.item-review", String(id))).slice(-1);
      expect(entry?.after).toMatchObject({
        status: "approved",
        decidedFor: "the Board, the partner's deadline having passed",
      });
      // The member step remains; then the item is approved.
      const member = (await liveSteps(database.db, id)).find((s) => s.step === "member");
      expect((await decide(id, member?.id ?? 0, "Mina Member")).status).toBe(303);
      expect((await getItem(database.db, id)).state).toBe("approved");
      // The request the Board decided in place of is closed with the decision: nothing more to escalate.
      const [closed] = await database.db
        .select()
        .from(schema.groupRequests)
        .where(eq(schema.groupRequests.id, partner.requestId));
      expect([closed?.state, closed?.outcome]).toEqual(["answered", "approved"]);
      at("2026-12-07T00:10:00Z");
      await sweep();
      expect(await eventsOf(partner.requestId)).toEqual(["reminder", "escalated-target"]);
    } finally {
      clock.set(start);
    }
  });

  it("the partner group answering its request through the requests room decides the step", async () => {
    const id = await newItem("social-post");
    await submitItem({ database, clock, itemId: id, by: who(AUTHOR) });
    const partner = (await liveSteps(database.db, id)).find((s) => s.step === "partner");
    const answer = (as: string, outcome: string) =>
      request(`/api/requests/${partner?.requestId}/answer`, as, {
        method: "POST",
        headers: { "content-type": "application/json" },
        body: JSON.stringify({ outcome, note: `${outcome} by ${as}` }),
      });
    // The asking side may not answer its own request; the partner group may.
    expect((await answer("Mina Member", "approved")).status).toBe(403);
    expect((await answer("Sol Social", "changes-requested")).status).toBe(200);
    const [step] = (await liveSteps(database.db, id)).filter((s) => s.id === partner?.id);
    expect([step?.status, step?.comment]).toEqual(["changes-requested", "changes-requested by Sol Social"]);
    expect((await getItem(database.db, id)).state).toBe("changes-requested");
    expect((await getItem(database.db, id)).approvedRevisionId).toBeNull();
  });

  it("a Chair's override changes the steps an item gets, is in the audit log, and a member may not make one", async () => {
    const denied = await request("/marketing/matrix/override", "Mina Member", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({ kind: "www-page", board: "on", reason: "no" }).toString(),
    });
    expect(denied.status).toBe(403);
    const res = await request("/marketing/matrix/override", "Mara Chair", {
      method: "POST",
      headers: { "content-type": "application/x-www-form-urlencoded" },
      body: new URLSearchParams({
        kind: "www-page",
        member: "on",
        finalCheck: "website",
        reason: "The front page moves into the templates.",
      }).toString(),
    });
    expect(res.status).toBe(303);
    const before = await newItem("www-page");
    await submitItem({ database, clock, itemId: before, by: who(AUTHOR) });
    expect((await liveSteps(database.db, before)).map((s) => [s.step, slugOf(s.groupId)])).toEqual([
      ["member", "marketing"],
      ["final-check", "website"],
    ]);
    const [audit] = (await auditOf("marketing.matrix-override", "www-page")).slice(-1);
    expect(audit?.cause).toBe("The front page moves into the templates.");
    expect(audit?.before).toEqual({ steps: "as the charter says" });
    expect(audit?.after).toEqual({
      steps: [
        { step: "member", group: null },
        { step: "final-check", group: "Website Working Group" },
      ],
    });
    // The row shows the override and what the charter says; putting it back is audited too.
    const m = await getMatrix({ db: database.db, clock });
    const row = m.rows.find((r) => r.kind === "www-page");
    expect(row?.charterSteps).toEqual([{ step: "member", group: null }]);
    expect(row?.override?.reason).toBe("The front page moves into the templates.");
    await overrideMatrixRow({
      db: database.db,
      clock,
      kind: "www-page",
      reset: true,
      member: false,
      board: false,
      partners: [],
      finalCheck: null,
      reason: "Not yet.",
      by: who("Mara Chair"),
    });
    const [reset] = (await auditOf("marketing.matrix-override", "www-page")).slice(-1);
    expect(reset?.after).toEqual({ steps: "as the charter says" });
    const after = await newItem("www-page");
    await submitItem({ database, clock, itemId: after, by: who(AUTHOR) });
    expect((await liveSteps(database.db, after)).map((s) => s.step)).toEqual(["member"]);
    // The item sent before the reset keeps the steps it was sent with.
    expect((await liveSteps(database.db, before)).map((s) => s.step)).toEqual(["member", "final-check"]);
  });
});
