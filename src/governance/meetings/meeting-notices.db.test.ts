/**
 * Scheduling, moving and cancelling a meeting tells the group's participants and its chat channel
 * through the outbox, in the change's transaction: a refused change tells no one, and each change
 * (SEQUENCE) is told once per recipient.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { setGroupWebhook } from "../channels/set-group-webhook.ts";
import { meetingGroup } from "../decisions/decisions.fixtures.ts";
import { CLI_DECISION_ACTOR } from "../decisions/decisions.repo.ts";
import { cancelMeeting, rescheduleMeeting, scheduleMeeting } from "./schedule-meeting.ts";

let database: Database;
const clock = new FixedClock("2026-03-01T12:00:00Z");
let groupId = 0;
let people: number[] = [];

async function outbox() {
  const rows = await database.db.select().from(schema.notifications);
  return rows.map((r) => ({
    kind: r.kind,
    to: r.recipientPersonId ?? (r.recipientWebhookId ? "webhook" : null),
    event: (r.data as { event: string }).event,
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const notices = await meetingGroup(database, { slug: "notices", name: "Notice Group" }, 3);
  groupId = notices.group.id;
  people = notices.ids;
  await setGroupWebhook({
    database,
    now: clock.now(),
    by: { userId: null, label: "test" },
    groupId,
    provider: "slack",
    url: "https://hooks.slack.com/services/T1/B1/notices",
    kinds: ["meeting.scheduled", "meeting.cancelled"],
  });
});
afterAll(async () => {
  await database?.close();
});

describe("meeting notices", () => {
  it("each change tells every participant once, and the channel the kinds its Chairs chose", async () => {
    const deps = { database, clock };
    const time = { title: "Kick-off", date: "2026-03-12", time: "18:00", timeZone: "Europe/Berlin" };
    const m = await scheduleMeeting({ deps, actor: CLI_DECISION_ACTOR, input: { groupId, ...time } });
    await rescheduleMeeting({
      deps,
      actor: CLI_DECISION_ACTOR,
      input: { groupId, meetingId: m.id, ...time, time: "19:00" },
    });
    // A refused change (a time the clocks skip) writes nothing.
    await expect(
      rescheduleMeeting({
        deps,
        actor: CLI_DECISION_ACTOR,
        input: { groupId, meetingId: m.id, ...time, date: "2026-03-29", time: "02:30" },
      }),
    ).rejects.toThrow(/does not exist/);
    await cancelMeeting({ deps, actor: CLI_DECISION_ACTOR, input: { groupId, meetingId: m.id } });
    await expect(
      cancelMeeting({ deps, actor: CLI_DECISION_ACTOR, input: { groupId, meetingId: m.id } }),
    ).rejects.toThrow(/cancelled already/);
    const rows = await outbox();
    const count = (event: string, to: number | string) =>
      rows.filter((r) => r.event === event && r.to === to).length;
    for (const p of people) {
      expect([count("scheduled", p), count("changed", p), count("cancelled", p)]).toEqual([1, 1, 1]);
    }
    // The channel takes scheduled and cancelled, not changed.
    expect([
      count("scheduled", "webhook"),
      count("changed", "webhook"),
      count("cancelled", "webhook"),
    ]).toEqual([1, 0, 1]);
    expect(rows.filter((r) => r.kind === "meeting.changed")).toHaveLength(people.length);
    expect(rows).toHaveLength(people.length * 3 + 2);
  });
});
