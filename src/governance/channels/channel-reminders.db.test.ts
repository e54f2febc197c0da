/**
 * A group's chat channel hears of reports coming due or overdue and of terms ending, beside the
 * emails to the chairs and the member, when its Chair chose those kinds: through the outbox, once
 * per event however often the sweeps run, and never a kind the Chair left out.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { renderNotification } from "../../kernel/index.ts";
import { FixedClock } from "../../platform/clock.ts";
import { type Database, schema } from "../../platform/db/index.ts";
import { addToGroup, charterWith, makeGroup, makePeople } from "../decisions/decisions.fixtures.ts";
import { sweepTerms } from "../decisions/sweep-terms.ts";
import { termEndingChannelTemplate } from "../decisions/term-reminder.template.ts";
import { sweepReports } from "../reports/sweep-reports.ts";
import { setGroupWebhook } from "./set-group-webhook.ts";

let database: Database;
const clock = new FixedClock("2026-01-01T00:05:00Z");
let groupId = 0;
let chair = 0;
let member = 0;
const deps = () => ({ database, clock });

async function outbox() {
  const rows = await database.db.select().from(schema.notifications);
  return rows.map((r) => ({
    kind: r.kind,
    to: r.recipientPersonId ?? (r.recipientWebhookId ? "webhook" : null),
    data: r.data as Record<string, unknown>,
  }));
}

beforeAll(async () => {
  database = await createTestDatabase();
  const group = await makeGroup(
    database,
    charterWith({ slug: "chatty-reports", name: "Chatty Reports Group", reportingCadence: "monthly" }),
  );
  groupId = group.id;
  [chair = 0, member = 0] = await makePeople(database, 2, "chatty-reports");
  await addToGroup(database, groupId, [chair], { role: "chair" });
  await addToGroup(database, groupId, [member], { startedOn: "2025-03-01", termEndsOn: "2026-03-01" });
  await setGroupWebhook({
    database,
    now: clock.now(),
    by: { userId: null, label: "test" },
    groupId,
    provider: "discord",
    url: "https://discord.com/api/webhooks/1/chatty",
    kinds: ["report.reminder", "term.ending"],
  });
});
afterAll(async () => {
  await database?.close();
});

describe("reminders in the group's chat channel", () => {
  it("a report reminder goes to the chair and the channel once each; the defunct flag only to the chair", async () => {
    for (let d = 0; d < 120; d++) {
      const day = new Date(Date.UTC(2026, 0, 1 + d)).toISOString().slice(0, 10);
      clock.set(`${day}T00:05:00Z`);
      await sweepReports({ deps: deps() });
      clock.set(`${day}T18:00:00Z`);
      await sweepReports({ deps: deps() });
    }
    const rows = (await outbox()).filter((r) => r.kind.startsWith("report."));
    const reminders = rows.filter((r) => r.kind === "report.reminder");
    const toChair = reminders.filter((r) => r.to === chair);
    const toChannel = reminders.filter((r) => r.to === "webhook");
    expect(toChair.length).toBeGreaterThan(0);
    // The channel gets exactly what the chair got, reminder for reminder.
    const ofRow = (r: { data: Record<string, unknown> }) => `${r.data.periodStart}:${r.data.kind}`;
    expect(toChannel.map(ofRow).sort()).toEqual(toChair.map(ofRow).sort());
    expect(new Set(toChannel.map(ofRow)).size).toBe(toChannel.length);
    // Two missed months flag the group defunct: the chair hears of it, the channel (not chosen) does not.
    const defunct = rows.filter((r) => r.kind === "report.defunct");
    expect(defunct.filter((r) => r.to === chair)).toHaveLength(1);
    expect(defunct.filter((r) => r.to === "webhook")).toHaveLength(0);
  });

  it("a term ending is told to the member by email and to the channel by name, once per threshold", async () => {
    clock.set("2026-02-01T06:00:00Z");
    await sweepTerms({ deps: deps() });
    await sweepTerms({ deps: deps() });
    const rows = (await outbox()).filter((r) => r.kind === "term.reminder" || r.kind === "term.ending");
    const toMember = rows.filter((r) => r.kind === "term.reminder" && r.to === member);
    const toChannel = rows.filter((r) => r.kind === "term.ending" && r.to === "webhook");
    expect(toMember).toHaveLength(1);
    expect(toChannel).toHaveLength(1);
    expect(toChannel[0]?.data).toMatchObject({ termEndsOn: "2026-03-01", role: "member" });
    const message = renderNotification({
      template: termEndingChannelTemplate,
      data: toChannel[0]?.data,
      baseUrl: "https://guildhall.example",
    });
    expect(message.text).toContain(`${String(toChannel[0]?.data.personName)}'s term as member`);
    expect(message.text).toContain("https://guildhall.example/groups/chatty-reports/decisions");
  });
});
