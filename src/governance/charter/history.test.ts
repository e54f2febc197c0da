/**
 * Every version of every charter in the history of the working-groups repository (cloned from the
 * bundle at run time): parsing never fails, validates, names no placeholder or role word as a person,
 * and the export reads back the same in every field but `warnings`. Plus hand-checked historical formats.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import { isDeepStrictEqual } from "node:util";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { parseCharter } from "./parse-charter.ts";
import { isPlaceholder } from "./people.ts";
import { renderCharterMarkdown } from "./render-charter.ts";
import { charterData, type ParsedCharter, ParsedCharterSchema, type Person } from "./types.ts";

const BUNDLE = sharedData("dsf-working-groups.bundle");

let repo = "";
interface Version {
  commit: string;
  path: string;
  markdown: string;
}
let versions: Version[] = [];

function git(...args: string[]): string {
  return execFileSync("git", ["-C", repo, ...args], { encoding: "utf8", maxBuffer: 64 * 1024 * 1024 });
}

beforeAll(() => {
  const dir = mkdtempSync(path.join(tmpdir(), "charter-history-"));
  repo = path.join(dir, "wg");
  execFileSync("git", ["clone", "-q", BUNDLE, repo]);
  const paths = [
    ...new Set(
      git("log", "--all", "--format=", "--name-only")
        .split("\n")
        .filter((p) => /^(?:active|archive|draft|proposals)\/.+\.md$/u.test(p)),
    ),
  ];
  const seen = new Set<string>();
  for (const p of paths) {
    for (const commit of git("log", "--all", "--format=%H", "--", p).split("\n").filter(Boolean)) {
      let markdown: string;
      try {
        markdown = execFileSync("git", ["-C", repo, "show", `${commit}:${p}`], {
          encoding: "utf8",
          stdio: ["ignore", "pipe", "ignore"],
        });
      } catch {
        continue; // the commit deleted or renamed the file away
      }
      const key = `${p}\n${markdown}`;
      if (seen.has(key)) continue;
      seen.add(key);
      versions.push({ commit, path: p, markdown });
    }
  }
});

afterAll(() => {
  if (repo) rmSync(path.dirname(repo), { recursive: true, force: true });
  versions = [];
});

function at(shortSha: string, file: string): ParsedCharter {
  const markdown = git("show", `${shortSha}:${file}`);
  return parseCharter({ markdown, path: file });
}

const names = (people: Person[]) => people.map((p) => p.name);

function everyone(c: ParsedCharter): Person[] {
  return [
    ...c.members,
    ...c.alumni,
    ...c.roles.chair,
    ...c.roles.coChair,
    ...c.roles.boardLiaison,
    ...c.roles.steeringCouncilLiaison,
    ...c.roles.other.flatMap((r) => r.people),
  ];
}

describe("every historical version of every charter", () => {
  it("finds the history: more than 100 distinct versions across at least 15 files", () => {
    expect(versions.length).toBeGreaterThan(100);
    expect(new Set(versions.map((v) => v.path)).size).toBeGreaterThanOrEqual(15);
  });

  it("parses each one into valid data with real people only", () => {
    for (const v of versions) {
      const c = parseCharter({ markdown: v.markdown, path: v.path });
      const where = `${v.commit.slice(0, 7)}:${v.path}`;
      expect(ParsedCharterSchema.safeParse(c).success, where).toBe(true);
      for (const person of everyone(c)) {
        expect(isPlaceholder(person.name), `${where} placeholder ${person.name}`).toBe(false);
        expect(person.name, where).not.toMatch(
          /chair|liaison|liason|[:()[\]?@]|^(?:tbc|tbd|todo|none|you)$/iu,
        );
        expect(person.name.trim(), where).toBe(person.name);
      }
      const keys = c.members.map((m) => m.name.toLowerCase());
      expect(new Set(keys).size, `${where} duplicate member`).toBe(keys.length);
    }
  });

  // Every field but `warnings`, which describe the source file (its line numbers), not the charter.
  it("reads its own export back to the same data, warnings aside", () => {
    let checked = 0;
    for (const v of versions) {
      const parsed = parseCharter({ markdown: v.markdown, path: v.path });
      const exported = renderCharterMarkdown(parsed);
      expect(exported, v.path).not.toMatch(/"(?:kind|warnings)"/u);
      const c = charterData(parsed);
      const again = charterData(parseCharter({ markdown: exported, status: c.status }));
      if (!isDeepStrictEqual(again, c)) expect(again, `${v.commit.slice(0, 7)}:${v.path}`).toEqual(c);
      checked++;
    }
    expect(checked).toBe(versions.length);
  });
});

describe("hand-checked historical formats", () => {
  it("code of conduct, first version: 'DSF President (currently Name)' as Board Liaison", () => {
    const c = at("3792501", "active/code-of-conduct.md");
    expect(names(c.roles.chair)).toEqual(["Brian Moloney"]);
    expect(names(c.roles.boardLiaison)).toEqual(["Chaim Kirby"]);
    expect(names(c.members)).toEqual([
      "Brian Moloney",
      "Chaim Kirby",
      "Jeff Triplett",
      "Olumide Bakare",
      "Joseph V. Cardenas",
      "Michael Clark",
      "Tibbs Hefflin",
    ]);
    expect(c.reportingCadence).toBe("as-needed");
  });

  it("code of conduct placeholder file (TKTK) has no people and lacks everything", () => {
    const c = at("2f177f1", "active/code-of-conduct.md");
    expect(c.members).toEqual([]);
    expect(c.missing).toEqual(
      expect.arrayContaining(["scope", "chair", "members", "budget", "reportingCadence"]),
    );
    expect(c.warnings).toContain("no membership section");
  });

  it("code of conduct 'Chair: None' names no chair", () => {
    const c = at("6f45e35", "active/code-of-conduct.md");
    expect(c.roles.chair).toEqual([]);
    expect(names(c.members)).toEqual([
      "Chaim Kirby",
      "Jay Miller",
      "Dan Ryan",
      "Jeff Triplett",
      "Thibaud Colas",
    ]);
  });

  it("code of conduct 'Name, Role' lines with two wordings of the same liaison", () => {
    const c = at("1436a5d", "active/code-of-conduct.md");
    expect(names(c.roles.boardLiaison)).toEqual(["Thibaud Colas"]);
    expect(c.roles.other).toEqual([
      { title: "Online Communities WG Liaison", people: [{ name: "Natalia Bidart", handle: null }] },
    ]);
    const both = at("876ec60", "active/code-of-conduct.md");
    expect(names(both.members).filter((n) => n === "Natalia Bidart")).toHaveLength(1);
    expect(both.roles.other).toEqual([
      { title: "Online Communities WG Liaison", people: [{ name: "Natalia Bidart", handle: null }] },
    ]);
    expect(names(both.roles.boardLiaison)).toEqual(["Jeff Triplett"]);
  });

  it("code of conduct 'Vice-Chair:' and 'Online Communities WG Liaison:' role lines", () => {
    const c = at("fa8d6c0", "active/code-of-conduct.md");
    expect(names(c.roles.coChair)).toEqual(["Elena Williams"]);
    expect(names(c.roles.boardLiaison)).toEqual(["Thibaud Colas"]);
    expect(c.roles.other.map((r) => r.title)).toEqual(["Online Communities WG Liaison"]);
    expect(names(c.members)).toEqual([
      "Dan Ryan",
      "Elena Williams",
      "Thibaud Colas",
      "Natalia Bidart",
      "Jay Miller",
      "Jeff Triplett",
    ]);
  });

  it("fellowship, first version: TBD roles and a TBD comms and reporting", () => {
    const c = at("3792501", "active/fellowship.md");
    expect(c.roles.chair).toEqual([]);
    expect(c.roles.coChair).toEqual([]);
    expect(names(c.members)).toEqual(["Andrew Godwin", "Brian Moloney", "Frank Wiles"]);
    expect(c.membershipModel).toBe("board-managed");
    expect(c.channels).toEqual([]);
    expect(c.reportingCadence).toBeNull();
    expect(c.missing).toEqual(
      expect.arrayContaining(["chair", "coChair", "boardLiaison", "channels", "reportingCadence"]),
    );
  });

  it("fellowship with '(interim)' qualifiers and one person holding two roles", () => {
    const c = at("a65bb47", "active/fellowship.md");
    expect(c.roles.chair).toEqual([{ name: "Jacob Kaplan-Moss", handle: null }]);
    expect(names(c.roles.boardLiaison)).toEqual(["Jacob Kaplan-Moss"]);
    expect(names(c.members)).toEqual(["Jacob Kaplan-Moss", "Katie Katie McLaughlin"]);
    expect(c.roles.other).toEqual([]); // "Designated manager: TBD"
  });

  it("fellowship 'Designated manager' role and the earlier term window", () => {
    expect(at("6d8e4b4", "active/fellowship.md").roles.other).toEqual([
      { title: "Designated Manager", people: [{ name: "Andrew Godwin", handle: null }] },
    ]);
    expect(at("6dc3197", "active/fellowship.md").termWindow).toEqual({ start: "04-01", end: "02-28" });
  });

  it("dceu, first version: everything TBD", () => {
    const c = at("ceec376", "active/dceu.md");
    expect(c.members).toEqual([]);
    expect(c.budget).toBeNull();
    expect(c.reportingCadence).toBeNull();
    expect(c.membershipModel).toBe("direct");
  });

  it("dceu with unbulleted names under '- Other members:'", () => {
    const c = at("b2118ae", "active/dceu.md");
    expect(c.roles.chair).toEqual([]);
    expect(names(c.roles.boardLiaison)).toEqual(["Çağıl Uluşahin Sönmez"]);
    expect(names(c.members)).toEqual([
      "Çağıl Uluşahin Sönmez",
      "Becky Smith",
      "Benjamin Balder Bach",
      "Raphael Michel",
      "Tobias Kunze",
    ]);
  });

  it("website, first version: the chair is also the Board Liaison and counted once", () => {
    const c = at("571dee6", "active/website.md");
    expect(names(c.roles.boardLiaison)).toEqual(["Sarah Abderemane"]);
    expect(c.members).toHaveLength(11);
    expect(names(c.members).slice(0, 3)).toEqual(["Sarah Abderemane", "Saptak Sengupta", "Eric Sherman"]);
  });

  it("online community before and after handles were added", () => {
    const before = at("757c948", "active/online-community.md");
    expect(names(before.roles.coChair)).toEqual(["Natalia Bidart"]);
    expect(before.members.every((m) => m.handle === null)).toBe(true);
    expect(names(before.members)).toEqual([
      "Andrew Miller",
      "Natalia Bidart",
      "Tom Carrick",
      "Dan Ryan",
      "Patryk Bratkowski",
      "Ben Cardy",
    ]);
    const after = at("c1947d9", "active/online-community.md");
    expect(after.roles.other).toEqual([
      { title: "CoC Liaison", people: [{ name: "Dan Ryan", handle: "dryan" }] },
    ]);
    expect(after.members.find((m) => m.name === "Patryk Bratkowski")?.handle).toBeNull();
  });

  it("accessibility with an 'Alumni:' paragraph under 'Current members'", () => {
    const c = at("71a6549", "active/accessibility.md");
    expect(names(c.alumni)).toEqual(["Marijke Luttekes", "Tushar Gupta"]);
    expect(c.members).toHaveLength(8);
    expect(at("abb0bb1", "active/accessibility.md").members).toHaveLength(10);
  });

  it("fundraising under a 'Current membership' heading", () => {
    const c = at("46a9b61", "active/fundraising.md");
    expect(c.members).toHaveLength(11);
    expect(names(c.roles.boardLiaison)).toEqual(["Jacob Kaplan-Moss"]);
  });
});
