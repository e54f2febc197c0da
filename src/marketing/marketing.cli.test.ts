/** `guildhall marketing matrix|items`: --help, and --json after importing the real charter repository. */
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { runGuildhall, runGuildhallSync } from "../../test/guildhall-cli.ts";
import { sharedData } from "../../test/shared-data.ts";

const dataDir = mkdtempSync(path.join(tmpdir(), "guildhall-marketing-cli-"));

afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

describe("guildhall marketing", () => {
  it("--help lists the commands and their --json flags", () => {
    const r = runGuildhallSync(["marketing", "--help"]);
    expect(r.code).toBe(0);
    expect(r.stdout).toContain("matrix");
    expect(r.stdout).toContain("items");
    expect(r.stdout).toContain("campaigns");
    expect(r.stdout).toContain("calendar");
    for (const sub of ["matrix", "items", "campaigns", "calendar"]) {
      const h = runGuildhallSync(["marketing", sub, "--help"]);
      expect(h.code, sub).toBe(0);
      expect(h.stdout, sub).toContain("--json");
    }
  });

  it("matrix --json prints one row per kind with the charter lines, and says why when there is no charter", async () => {
    const empty = await runGuildhall(["marketing", "matrix", "--json"], { dataDir });
    expect(empty.code).toBe(1);
    expect(empty.stderr).toContain("No Marketing WG charter is imported");
    const imported = await runGuildhall(["charters", "import", sharedData("dsf-working-groups")], {
      dataDir,
    });
    expect(imported.code, imported.stderr).toBe(0);
    const r = await runGuildhall(["marketing", "matrix", "--json"], { dataDir });
    expect(r.code, r.stderr).toBe(0);
    const rows = r.stdout
      .trim()
      .split("\n")
      .map(
        (l) =>
          JSON.parse(l) as {
            kind: string;
            approvers: string[];
            sources: Array<{ path: string; line: number }>;
          },
      );
    expect(rows).toHaveLength(9);
    const fundraising = rows.find((x) => x.kind === "fundraising-page");
    expect(fundraising?.approvers).toEqual([
      "another member of the Marketing Working Group",
      "sign-off by the Fundraising Working Group",
    ]);
    expect(fundraising?.sources).toEqual([{ path: "proposals/marketing.md", line: 31 }]);
    expect(rows.find((x) => x.kind === "www-template-page")?.approvers[1]).toBe(
      "final check by the Website Working Group",
    );
    const text = await runGuildhall(["marketing", "matrix"], { dataDir });
    expect(text.stdout).toContain(
      "blog-post\tanother member of the Marketing Working Group\tproposals/marketing.md:26",
    );
    const items = await runGuildhall(["marketing", "items", "--json"], { dataDir });
    expect(items.code).toBe(0);
    expect(items.stdout.trim()).toBe("");
    const campaigns = await runGuildhall(["marketing", "campaigns", "--json"], { dataDir });
    expect(campaigns.code, campaigns.stderr).toBe(0);
    expect(campaigns.stdout.trim()).toBe("");
    const calendar = await runGuildhall(["marketing", "calendar", "--date", "2026-12-01", "--json"], {
      dataDir,
    });
    expect(calendar.code, calendar.stderr).toBe(0);
    const bad = await runGuildhall(["marketing", "calendar", "--view", "year"], { dataDir });
    expect(bad.code).toBe(1);
    expect(bad.stderr).toContain("Invalid --view");
  }, 180_000);
});
