import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuildhall } from "../../../test/guildhall-cli.ts";
import { openDatabase } from "../../platform/db/index.ts";
import { addToGroup, charterWith, makeGroup, makePeople } from "../decisions/decisions.fixtures.ts";
import { meetingWithActionItems } from "./turnover.fixtures.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-handovers-cli-"));

/** Runs `guildhall ...args` on the temporary data directory (never a server database). */
const guildhall = (...args: string[]) => runGuildhall(args, { dataDir });

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  const group = await makeGroup(database, charterWith({ slug: "cli-handover", termMonths: 12 }));
  const [lapsing = 0, staying = 0] = await makePeople(database, 2, "cli");
  // A term that ended long ago (the command line runs on the wall clock), and one far ahead.
  await addToGroup(database, group.id, [lapsing], { startedOn: "2019-01-01", termEndsOn: "2020-01-01" });
  await addToGroup(database, group.id, [staying], { startedOn: "2019-01-01", termEndsOn: "2099-01-01" });
  const now = new Date("2019-06-01T12:00:00Z");
  await meetingWithActionItems(
    database,
    { groupId: group.id, uid: "cli-handover@test", title: "June", startsAt: now, createdAt: now },
    [lapsing, staying].map((ownerPersonId) => ({
      title: `Write the minutes (${ownerPersonId === lapsing ? "lapsing" : "staying"})`,
      ownerPersonId,
      dueOn: "2019-07-01",
    })),
  );
  await database.close();
}, 120_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("guildhall handovers list", () => {
  it("has --help and --json, and lists exactly the lapsed member's item after the term sweep", async () => {
    const help = await guildhall("handovers", "list", "--help");
    expect(help.code).toBe(0);
    expect(help.stdout).toContain("--json");
    expect(help.stdout).toContain("--group <slug>");
    const before = await guildhall("handovers", "list");
    expect(before.stdout).toBe("Nothing needs a new owner.\n");

    const sweep = await guildhall("terms", "sweep", "--json");
    expect(JSON.parse(sweep.stdout)).toMatchObject({ lapsed: 1, handedOver: 1 });
    const json = await guildhall("handovers", "list", "--group", "cli-handover", "--json");
    expect(json.code).toBe(0);
    const lines = json.stdout
      .trimEnd()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({
      group: "cli-handover",
      endedOn: "2020-01-01",
      cause: "lapsed",
      kind: "meeting-action-item",
      title: "Write the minutes (lapsing)",
      state: "needs-owner",
    });
    const table = await guildhall("handovers", "list", "--group", "cli-handover");
    expect(table.stdout).toContain("Write the minutes (lapsing)");
    expect(table.stdout).not.toContain("staying");
    const unknown = await guildhall("handovers", "list", "--group", "no-such-group");
    expect(unknown.code).toBe(1);
  }, 180_000);
});
