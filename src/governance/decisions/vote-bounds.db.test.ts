/**
 * Votes cannot be stalled: opening and every extension stay within the group's longest vote
 * duration (a decision setting, 28 days unless the group sets 1 to 365), frozen on each vote as
 * it opens; and only those the policy names (vote.extend: the opener, the group's Chair and
 * Co-Chair, the deciding body; never the subject) may extend.
 */
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestApplication } from "../../../test/app.ts";
import { createTestDatabase } from "../../../test/db.ts";
import { createMemberAccount } from "../../../test/factories/accounts.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import type { AppEnv } from "../../platform/http/app.tsx";
import {
  addToGroup,
  charterWith,
  grantFoundationRole,
  groupWithMembers,
  makeGroup,
  makePeople,
} from "./decisions.fixtures.ts";

const clock = new FixedClock("2026-03-01T12:00:00Z");
const DAY = 86_400_000;
let database: Database;
let app: Hono<AppEnv>;
const tokens = new Map<string, string>();

async function account(key: string, personId: number) {
  const { token } = await createMemberAccount({ db: database.db, clock }, `bounds-${key}`, personId);
  tokens.set(key, token);
}

async function call(who: string, method: string, path: string, json?: unknown) {
  const res = await app.request(path, {
    method,
    headers: { authorization: `Bearer ${tokens.get(who)}`, "content-type": "application/json" },
    body: json === undefined ? undefined : JSON.stringify(json),
  });
  const body = (await res.json()) as Record<string, unknown> & { error?: { code: string; message: string } };
  return { status: res.status, body };
}

const at = (ms: number) => new Date(clock.now().getTime() + ms).toISOString();

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app } = await createTestApplication(database, {}, clock));
  // A direct-model group: its members vote.
  const {
    ids: [chair, m1, m2, m3],
  } = await groupWithMembers(database, charterWith({ slug: "bounds", name: "Bounds" }), 4, { chair: true });
  await account("chair", chair ?? 0);
  await account("voter", m1 ?? 0);
  await account("other-voter", m2 ?? 0);
  await account("subject", m3 ?? 0);
  // A Board-managed group: the Board votes; its ordinary members do not decide.
  const managed = await makeGroup(
    database,
    charterWith({ slug: "managed", name: "Managed", membershipModel: "board-managed" }),
  );
  const [mChair, mMember, board1, board2] = await makePeople(database, 4, "managed");
  await addToGroup(database, managed.id, [mChair ?? 0, mMember ?? 0]);
  await addToGroup(database, managed.id, [mChair ?? 0], { role: "chair" });
  await grantFoundationRole(database, [board1 ?? 0, board2 ?? 0], "board-member");
  await account("managed-chair", mChair ?? 0);
  await account("managed-member", mMember ?? 0);
  await account("board1", board1 ?? 0);
  await account("board2", board2 ?? 0);
  tokens.set("subject-id", String(m3));
  tokens.set("managed-member-id", String(mMember));
});

afterAll(async () => {
  await database?.close();
});

describe("vote durations are bounded", () => {
  it("an extension to 9999-12-31 or 2199-12-31 is refused; the bound is 28 days from opening by default", async () => {
    const opened = await call("chair", "POST", "/api/groups/bounds/votes", {
      kind: "proposal",
      title: "Bounded",
      closesAt: at(7 * DAY),
    });
    expect(opened.status).toBe(201);
    const vote = (opened.body as { vote: { id: number; latestClosesAt: string } }).vote;
    expect(vote.latestClosesAt).toBe(at(28 * DAY));
    // A year outside 1900-2199 is refused at the edge, as every date is.
    const forever = await call("voter", "POST", `/api/votes/${vote.id}/extend`, {
      closesAt: "9999-12-31T00:00:00Z",
      reason: "stall",
    });
    expect(forever.status).toBe(422);
    expect(forever.body.error?.message).toContain("must be a date from 1900 to 2199");
    // A far date the edge takes learns the real bound.
    const far = await call("voter", "POST", `/api/votes/${vote.id}/extend`, {
      closesAt: "2199-12-31T00:00:00Z",
      reason: "stall",
    });
    expect(far.status).toBe(422);
    expect(far.body.error?.message).toContain("at most 28 days from its opening");
    // Up to the bound, in steps: fine; one minute past it: refused.
    expect(
      (await call("voter", "POST", `/api/votes/${vote.id}/extend`, { closesAt: at(20 * DAY), reason: "a" }))
        .status,
    ).toBe(200);
    expect(
      (
        await call("other-voter", "POST", `/api/votes/${vote.id}/extend`, {
          closesAt: at(28 * DAY),
          reason: "b",
        })
      ).status,
    ).toBe(200);
    const past = await call("chair", "POST", `/api/votes/${vote.id}/extend`, {
      closesAt: at(28 * DAY + 60_000),
      reason: "c",
    });
    expect(past.status).toBe(422);
    // Opening a vote beyond the bound is refused too.
    const tooLong = await call("chair", "POST", "/api/groups/bounds/votes", {
      kind: "proposal",
      title: "Too long",
      closesAt: at(29 * DAY),
    });
    expect(tooLong.status).toBe(422);
    expect(tooLong.body.error?.message).toContain("closesAt");
  });

  it("is a decision setting of the group (1 to 365 days), frozen on each vote as it opens", async () => {
    const before = await call("chair", "POST", "/api/groups/bounds/votes", {
      kind: "proposal",
      title: "Opened under 28 days",
      closesAt: at(3 * DAY),
    });
    const earlier = (before.body as { vote: { id: number } }).vote.id;
    for (const bad of [0, 366, -1, 2.5, "many"]) {
      const res = await call("chair", "PUT", "/api/groups/bounds/decision-settings", { maxVoteDays: bad });
      expect(res.status, String(bad)).toBe(422);
    }
    const set = await call("chair", "PUT", "/api/groups/bounds/decision-settings", { maxVoteDays: 60 });
    expect(set.status).toBe(200);
    expect((set.body as { settings: { maxVoteDays: number } }).settings.maxVoteDays).toBe(60);
    // Only the Chair, Co-Chair or an administrator sets it.
    expect(
      (await call("voter", "PUT", "/api/groups/bounds/decision-settings", { maxVoteDays: 365 })).status,
    ).toBe(403);
    const longer = await call("chair", "POST", "/api/groups/bounds/votes", {
      kind: "proposal",
      title: "Longer",
      closesAt: at(50 * DAY),
    });
    expect(longer.status).toBe(201);
    // The vote opened before the change keeps its 28 days.
    const stretched = await call("chair", "POST", `/api/votes/${earlier}/extend`, {
      closesAt: at(40 * DAY),
      reason: "x",
    });
    expect(stretched.status).toBe(422);
    expect(stretched.body.error?.message).toContain("at most 28 days");
  });
});

describe("only those the policy names extend a vote", () => {
  it("never the subject; in a Board-managed group not its ordinary members; the opener, chairs and the Board do", async () => {
    const removal = await call("chair", "POST", "/api/groups/bounds/votes", {
      kind: "remove-member",
      subjectPersonId: Number(tokens.get("subject-id")),
      closesAt: at(5 * DAY),
    });
    expect(removal.status).toBe(201);
    const removalId = (removal.body as { vote: { id: number } }).vote.id;
    const bySubject = await call("subject", "POST", `/api/votes/${removalId}/extend`, {
      closesAt: at(6 * DAY),
      reason: "me",
    });
    expect(bySubject.status).toBe(403);

    const boardVote = await call("board1", "POST", "/api/groups/managed/votes", {
      kind: "remove-member",
      subjectPersonId: Number(tokens.get("managed-member-id")),
      closesAt: at(5 * DAY),
    });
    expect(boardVote.status).toBe(201);
    const id = (boardVote.body as { vote: { id: number } }).vote.id;
    const extend = (who: string, days: number) =>
      call(who, "POST", `/api/votes/${id}/extend`, { closesAt: at(days * DAY), reason: who });
    expect((await extend("managed-member", 6)).status).toBe(403);
    expect((await extend("board1", 7)).status).toBe(200);
    expect((await extend("board2", 8)).status).toBe(200);
    expect((await extend("managed-chair", 9)).status).toBe(200);
  });
});
