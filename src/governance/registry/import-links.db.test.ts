/**
 * A checkout with symbolic links in it: `charters import` never reads a file outside the imported
 * directory (a linked file, a linked charter folder, a dangling link), says which were refused (in
 * the result, its warnings and on the command line), and leaves the groups of refused files as they
 * were. A link that stays inside the checkout is read. Also: tentative holders imported from a
 * charter are proposed, not members.
 */
import { cpSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, unlinkSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { eq } from "drizzle-orm";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createTestDatabase } from "../../../test/db.ts";
import { createGovernanceTestApp } from "../../../test/governance-app.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { FixedClock } from "../../platform/clock.ts";
import type { Database } from "../../platform/db/index.ts";
import { groupRoles, groups, people } from "../../platform/db/schema.ts";
import { getGroup } from "../directory/get-group.ts";
import { DEFAULT_HEALTH_CONFIG } from "../directory/health.ts";
import { importCharters } from "./import-charters.ts";
import { readCharterCheckout } from "./read-checkout.ts";
import { formatImportSummary } from "./registry.cli.ts";

const SNAPSHOT = sharedData("dsf-working-groups");
const SECRET = "# Secret Working Group\n\n## Membership\n\n- Chair: Mallory Outside\n";

let database: Database;
let tmp: string;
let checkout: string;
let outside: string;
const clock = new FixedClock("2026-11-21T12:00:00Z");
const services = () => ({ database, clock });

beforeAll(async () => {
  database = await createTestDatabase();
  tmp = mkdtempSync(path.join(tmpdir(), "guildhall-links-"));
  checkout = path.join(tmp, "checkout");
  outside = path.join(tmp, "outside");
  cpSync(SNAPSHOT, checkout, { recursive: true });
  mkdirSync(path.join(outside, "charters"), { recursive: true });
  writeFileSync(path.join(outside, "secret.md"), SECRET);
  writeFileSync(path.join(outside, "charters", "hidden.md"), SECRET.replace("Secret", "Hidden"));
});

afterAll(async () => {
  await database?.close();
  if (tmp) rmSync(tmp, { recursive: true, force: true });
});

describe("symbolic links in a checkout", () => {
  it("imports the checkout as it is first", async () => {
    const s = await importCharters({ services: services(), dir: checkout });
    expect(s.groupsAdded).toHaveLength(16);
    expect(s.refused).toEqual([]);
  });

  it("refuses links out of the checkout, reads links inside it, and says which were refused", async () => {
    // A linked file out, a linked file that used to be a real charter, a dangling link, a linked
    // folder out, a ".." link, and a link to another charter inside the checkout.
    symlinkSync(path.join(outside, "secret.md"), path.join(checkout, "active/secret.md"));
    unlinkSync(path.join(checkout, "active/website.md"));
    symlinkSync(path.join(outside, "secret.md"), path.join(checkout, "active/website.md"));
    symlinkSync(path.join(tmp, "nowhere.md"), path.join(checkout, "active/dangling.md"));
    rmSync(path.join(checkout, "draft"), { recursive: true });
    symlinkSync(path.join(outside, "charters"), path.join(checkout, "draft"));
    symlinkSync("../../outside/secret.md", path.join(checkout, "archive/dotdot.md"));
    symlinkSync(path.join(checkout, "active/ai.md"), path.join(checkout, "proposals/ai-copy.md"));

    const read = readCharterCheckout(checkout);
    expect(read.refused.map((r) => r.path).sort()).toEqual(
      ["active/dangling.md", "active/secret.md", "active/website.md", "archive/dotdot.md", "draft/"].sort(),
    );
    for (const r of read.refused) expect(r.reason).toMatch(/outside the imported directory|does not exist/u);
    expect(read.files.map((f) => f.path)).toContain("proposals/ai-copy.md");
    expect(read.files.some((f) => f.markdown.includes("Mallory"))).toBe(false);

    const s = await importCharters({ services: services(), dir: checkout });
    expect(s.refused.map((r) => r.path).sort()).toEqual(read.refused.map((r) => r.path).sort());
    expect(s.warnings.find((w) => w.path === "active/secret.md")?.warnings[0]).toMatch(
      /^refused: a symbolic link to .*secret\.md, outside the imported directory; not followed$/u,
    );
    expect(s.groupsAdded.map((g) => g.slug)).toEqual(["ai-copy"]);
    // Nothing from outside was published, and the groups of refused files are left as they were.
    expect(await database.db.select().from(people).where(eq(people.name, "Mallory Outside"))).toEqual([]);
    expect(s.groupsRemoved).toEqual([]);
    const [website] = await database.db.select().from(groups).where(eq(groups.slug, "website"));
    expect(website?.status).toBe("active");
    expect(website?.name).toBe("Website Working Group");
    const [pm] = await database.db.select().from(groups).where(eq(groups.slug, "package-maintainers"));
    expect(pm?.status).toBe("draft");
    const lines = formatImportSummary(s);
    expect(lines).toContain(
      `  refused active/secret.md: ${s.refused.find((r) => r.path === "active/secret.md")?.reason}`,
    );
    expect(lines.some((l) => l.startsWith("  refused draft/: a symbolic link to "))).toBe(true);
  });

  it("refuses a checkout folder that is itself a link elsewhere only for what it holds", async () => {
    const elsewhere = path.join(tmp, "elsewhere");
    mkdirSync(path.join(elsewhere, "active"), { recursive: true });
    writeFileSync(path.join(elsewhere, "active", "x.md"), SECRET);
    const linked = path.join(tmp, "linked-checkout");
    symlinkSync(elsewhere, linked);
    // The directory given may itself be a link: its real location is the root, nothing is outside it.
    expect(readCharterCheckout(linked).files.map((f) => f.path)).toEqual(["active/x.md"]);
  });
});

describe("tentative holders through an import", () => {
  it("stores them as proposed: not members, not counted, shown as proposed", async () => {
    const dir = path.join(tmp, "tentative");
    mkdirSync(path.join(dir, "draft"), { recursive: true });
    writeFileSync(
      path.join(dir, "draft/maps.md"),
      "# Maps Working Group\n\n## Membership\n\n- Chair: Ada Lovelace?\n- Co-Chair: Grace Hopper\n- Board Liaison: Mary Jackson (TBC)\n- Other members:\n  - Alan Turing\n  - Edsger Dijkstra?\n",
    );
    await importCharters({ services: services(), dir, source: "tentative" });
    const rows = await database.db
      .select({ name: people.name, role: groupRoles.role, tentative: groupRoles.tentative })
      .from(groupRoles)
      .innerJoin(groups, eq(groups.id, groupRoles.groupId))
      .innerJoin(people, eq(people.id, groupRoles.personId))
      .where(eq(groups.slug, "maps"))
      .orderBy(groupRoles.position);
    expect(rows).toEqual([
      { name: "Ada Lovelace", role: "chair", tentative: true },
      { name: "Grace Hopper", role: "co-chair", tentative: false },
      { name: "Mary Jackson", role: "board-liaison", tentative: true },
      { name: "Alan Turing", role: "member", tentative: false },
      { name: "Edsger Dijkstra", role: "member", tentative: true },
    ]);
    const { group } = await getGroup({
      db: database.db,
      health: DEFAULT_HEALTH_CONFIG,
      slug: "maps",
      day: "2026-11-21",
    });
    expect(group.size).toBe(2);
    expect(group.members.map((m) => m.person.name)).toEqual(["Grace Hopper", "Alan Turing"]);
    expect(group.roles.chairs).toEqual([]);
    expect(group.roles.boardLiaisons).toEqual([]);
    expect(group.proposed.map((p) => [p.person.name, p.role])).toEqual([
      ["Ada Lovelace", "chair"],
      ["Mary Jackson", "board-liaison"],
      ["Edsger Dijkstra", "member"],
    ]);
    expect(group.health.map((f) => f.code)).toContain("no-board-liaison");
    const { app } = await createGovernanceTestApp(database);
    const html = await (await app.request("/groups/maps")).text();
    expect(html).toContain("Proposed, not yet holding the role");
    expect(html).toMatch(/Ada Lovelace<\/a> for Chair \(tentative\)/u);
    expect(html).toMatch(/Edsger Dijkstra<\/a> for Member \(tentative\)/u);
    const exported = await (await app.request("/groups/maps/charter.md")).text();
    expect(exported).toContain("- Chair: Ada Lovelace?");
  });
});
