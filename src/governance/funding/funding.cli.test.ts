/** `guildhall funding list` and `guildhall funding totals` over a data directory with two groups' requests. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { runGuildhall } from "../../../test/guildhall-cli.ts";
import { openDatabase, schema } from "../../platform/db/index.ts";
import { charterWith, makeGroup } from "../decisions/decisions.fixtures.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-funding-cli-"));
const guildhall = (...args: string[]) => runGuildhall(args, { dataDir });

beforeAll(async () => {
  const database = await openDatabase({ dataDir });
  const a = await makeGroup(database, charterWith({ slug: "cli-events", name: "CLI Events" }));
  const b = await makeGroup(database, charterWith({ slug: "cli-tools", name: "CLI Tools" }));
  const now = new Date("2026-11-01T12:00:00Z");
  const row = (groupId: number, over: Partial<typeof schema.fundingRequests.$inferInsert>) => ({
    groupId,
    purpose: "events" as const,
    description: "CLI",
    amountMinor: 10000,
    currency: "EUR",
    startsOn: "2027-01-01",
    endsOn: "2027-01-31",
    state: "requested" as const,
    createdAt: now,
    updatedAt: now,
    ...over,
  });
  const [approved] = await database.db
    .insert(schema.fundingRequests)
    .values([
      row(a.id, { state: "approved", approvedMinor: 8000 }),
      row(a.id, { amountMinor: 2500 }),
      row(a.id, { currency: "JPY", amountMinor: 5000 }),
      row(b.id, { purpose: "tools", state: "rejected", amountMinor: 999 }),
    ])
    .returning();
  await database.db.insert(schema.fundingSpending).values({
    requestId: approved?.id ?? 0,
    amountMinor: 1234,
    spentOn: "2026-11-01",
    description: "Deposit",
    receiptUrl: "https://r.example/1",
    createdAt: now,
  });
  await database.close();
}, 120_000);

afterAll(() => {
  rmSync(dataDir, { recursive: true, force: true });
});

describe("guildhall funding", () => {
  it("has --help and --json on both commands", async () => {
    for (const cmd of ["list", "totals"]) {
      const help = await guildhall("funding", cmd, "--help");
      expect(help.code, cmd).toBe(0);
      expect(help.stdout, cmd).toContain("--json");
    }
  });

  it("lists the requests, by group and state", async () => {
    const all = await guildhall("funding", "list", "--json");
    expect(all.code).toBe(0);
    const lines = all.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l) as Record<string, unknown>);
    expect(lines).toHaveLength(4);
    const approved = await guildhall(
      "funding",
      "list",
      "--group",
      "cli-events",
      "--state",
      "approved",
      "--json",
    );
    expect(
      approved.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      expect.objectContaining({
        group: "cli-events",
        state: "approved",
        approvedMinor: 8000,
        spentMinor: 1234,
      }),
    ]);
    const text = await guildhall("funding", "list", "--group", "cli-tools");
    expect(text.stdout).toContain("EUR 9.99  rejected");
  }, 120_000);

  it("totals per group and currency", async () => {
    const res = await guildhall("funding", "totals", "--json");
    expect(res.code).toBe(0);
    expect(
      res.stdout
        .trim()
        .split("\n")
        .map((l) => JSON.parse(l)),
    ).toEqual([
      {
        group: "cli-events",
        currency: "EUR",
        requests: 2,
        requestedMinor: 12500,
        waitingMinor: 2500,
        approvedMinor: 8000,
        spentMinor: 1234,
      },
      {
        group: "cli-events",
        currency: "JPY",
        requests: 1,
        requestedMinor: 5000,
        waitingMinor: 5000,
        approvedMinor: 0,
        spentMinor: 0,
      },
      {
        group: "cli-tools",
        currency: "EUR",
        requests: 1,
        requestedMinor: 999,
        waitingMinor: 0,
        approvedMinor: 0,
        spentMinor: 0,
      },
    ]);
    const text = await guildhall("funding", "totals");
    expect(text.stdout).toContain("cli-events  JPY  1 request(s)  requested JPY 5,000");
  }, 120_000);
});
