import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { partnersOf } from "./delegation.ts";
import { parseCharter } from "./parse-charter.ts";
import { renderCharterMarkdown } from "./render-charter.ts";
import { charterData } from "./types.ts";

const SNAPSHOT = sharedData("dsf-working-groups");
const FOLDERS = ["active", "draft", "archive", "proposals"];
const files = FOLDERS.flatMap((d) => readdirSync(path.join(SNAPSHOT, d)).map((f) => `${d}/${f}`));
const read = (rel: string) => readFileSync(path.join(SNAPSHOT, rel), "utf8");
const parseFile = (rel: string) => parseCharter({ markdown: read(rel), path: rel });

describe("delegation from the charter", () => {
  it("splits the marketing proposal into autonomous and collaborative areas with their lines", () => {
    const d = parseFile("proposals/marketing.md").delegation;
    const lines = read("proposals/marketing.md").split("\n");
    const www = d.autonomous.find((a) => a.text.includes('"www"'));
    expect(www?.line).toBe(26);
    expect(d.autonomous.find((a) => a.text.includes("campaign sites"))?.line).toBe(27);
    expect(d.collaborative.map((a) => [a.partners, a.line])).toEqual([
      [["Fundraising WG"], 31],
      [["Django core contributors"], 32],
      [["Online Community WG", "Social media WG"], 33],
      [["Events Support WG"], 34],
    ]);
    // Every line number points at the line holding the area's words.
    for (const a of [...d.autonomous, ...d.collaborative]) {
      expect(lines[(a.line ?? 0) - 1]).toContain(a.text.slice(0, 20));
    }
    expect(d.finalChecks).toHaveLength(1);
    expect(d.finalChecks[0]?.by).toBe("Website working group");
    expect(d.finalChecks[0]?.line).toBe(65);
    expect(d.finalChecks[0]?.text).toBe(
      "For content managed via hard-coded templates within the website repository, contributions are made via pull requests. Content changes are reviewed by other group members, with a final quality check by the website working group before merging.",
    );
  });

  it("reads every real charter: plain delegated lists are autonomous, none names partners or final checks", () => {
    expect(files.length).toBeGreaterThan(10);
    for (const rel of files) {
      const c = parseFile(rel);
      expect(
        c.warnings.filter((w) => w.startsWith("could not read")),
        rel,
      ).toEqual([]);
      if (rel === "proposals/marketing.md") continue;
      // Only the marketing proposal says "in collaboration with"; elsewhere every delegated power is the group's own.
      expect(c.delegation.collaborative, rel).toEqual([]);
      expect(c.delegation.finalChecks, rel).toEqual([]);
      expect(c.delegation.autonomous.map((a) => a.text).length, rel).toBe(c.delegated.length);
      for (const a of c.delegation.autonomous) expect(a.line, rel).not.toBeNull();
    }
  });

  it("keeps the delegation through an export, line numbers aside", () => {
    for (const rel of files) {
      const c = parseFile(rel);
      const again = parseCharter({ markdown: renderCharterMarkdown(c), status: c.status });
      expect(charterData(again).delegation, rel).toEqual(charterData(c).delegation);
    }
  });

  it("reads collaboration from a plain delegated list and from a list under its own heading", () => {
    const c = parseCharter({
      markdown: `# Docs WG

## Scope

Delegated responsibilities:

- Writing tutorials.
- Translating the tutorial, in collaboration with the Translations team and the Fellows.

## Membership

- Chair: Ana Bo

## Publishing

Pages get a final check by the Ops team before they go live.
`,
    });
    expect(c.delegation.autonomous.map((a) => a.text)).toEqual(["Writing tutorials."]);
    expect(c.delegation.collaborative[0]?.partners).toEqual(["Translations team", "Fellows"]);
    expect(c.delegation.finalChecks.map((f) => f.by)).toEqual(["Ops team"]);
  });

  it("names partners in the wordings charters use", () => {
    expect(partnersOf("Event stands, together with the Events Support WG.")).toEqual(["Events Support WG"]);
    expect(partnersOf("Posts, in collaboration with the fundraising WG & the website WG")).toEqual([
      "Fundraising WG",
      "Website WG",
    ]);
    expect(partnersOf("Writing posts.")).toEqual([]);
  });

  it("gives an old stored charter without a delegation an empty one", async () => {
    const { ParsedCharterSchema } = await import("./types.ts");
    const { delegation: _d, ...old } = parseFile("active/website.md");
    expect(ParsedCharterSchema.parse(old).delegation).toEqual({
      autonomous: [],
      collaborative: [],
      finalChecks: [],
    });
  });
});
