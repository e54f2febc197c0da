import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { parse } from "csv-parse/sync";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuildhall } from "../../../test/guildhall-cli.ts";
import { openDatabase } from "../../platform/db/index.ts";
import { addToGroup, charterWith, makeGroup, makePeople } from "./decisions.fixtures.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-decisions-cli-"));

/** Runs `guildhall ...args` on the temporary data directory (never a server database). */
const guildhall = (...args: string[]) => runGuildhall(args, { dataDir });

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  const group = await makeGroup(database, charterWith({ slug: "cli-terms", termMonths: 12 }));
  const [lapsing, staying] = await makePeople(database, 2, "cli");
  // A term that ended long ago (the command line runs on the wall clock), and one far ahead.
  await addToGroup(database, group.id, [lapsing ?? 0], { startedOn: "2019-01-01", termEndsOn: "2020-01-01" });
  await addToGroup(database, group.id, [staying ?? 0], { startedOn: "2019-01-01", termEndsOn: "2099-01-01" });
  await database.close();
}, 120_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("guildhall terms / votes / audit", () => {
  it("sweeps terms once, then changes nothing, and exports the trail", async () => {
    const first = await guildhall("terms", "sweep", "--json");
    expect(first.code).toBe(0);
    expect(JSON.parse(first.stdout)).toMatchObject({ lapsed: 1, reminded: 0 });
    const again = await guildhall("terms", "sweep");
    expect(again.stdout).toMatch(
      /^Term sweep of \d{4}-\d{2}-\d{2}: 0 term\(s\) ended without renewal, 0 reminder\(s\) \(0 notification\(s\) queued\)\.\n$/,
    );
    const json = await guildhall("audit", "--group", "cli-terms", "--json");
    expect(json.code).toBe(0);
    const lines = json.stdout.trimEnd().split("\n");
    expect(lines.map((l) => (JSON.parse(l) as { action: string }).action)).toEqual(["role-period.lapsed"]);
    const csv = await guildhall("audit", "--group", "cli-terms", "--format", "csv");
    expect(csv.code).toBe(0);
    const rows = parse(csv.stdout, { columns: true }) as Array<Record<string, string>>;
    expect(rows.map((r) => r.action)).toEqual(["role-period.lapsed"]);
    expect(rows[0]?.cause).toMatch(/^term-sweep:\d{4}-\d{2}-\d{2}$/);
    expect(JSON.parse(rows[0]?.after ?? "{}")).toMatchObject({
      endedOn: "2020-01-01",
      reason: "term ended without renewal",
    });
  }, 120_000);

  it("fails with one line naming the problem", async () => {
    const bad = await guildhall("votes", "show", "twelve");
    expect(bad.code).toBe(1);
    expect(bad.stderr.trim()).toBe(
      'guildhall: Invalid vote id: expected a whole number from 1 to 2147483647, got "twelve"',
    );
    const none = await guildhall("audit", "--group", "no-such-group");
    expect(none.code).toBe(1);
    expect(none.stderr.trim()).toBe('guildhall: No group "no-such-group".');
    const closed = await guildhall("votes", "close-due", "--json");
    expect(JSON.parse(closed.stdout)).toEqual({ closed: [] });
    expect((await guildhall("votes", "close-due")).stdout).toBe("No vote was due.\n");
    const list = await guildhall("votes", "list", "--json");
    expect(list).toMatchObject({ code: 0, stdout: "" });
    expect((await guildhall("votes", "list", "--open")).stdout).toBe("No open votes.\n");
  }, 120_000);
});
