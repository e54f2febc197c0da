import { describe, expect, it } from "vitest";
import { slugFromPath, statusFromPath } from "../charter/parse-charter.ts";
import { blankCharter, type ParsedCharter } from "../charter/types.ts";
import {
  type CharterVersion,
  diffCharterVersions,
  flattenRoles,
  isCharterPath,
  lifecycleChange,
  mainRole,
} from "./charter-changes.ts";

const person = (name: string) => ({ name, handle: null });

function charter(over: Partial<ParsedCharter>): ParsedCharter {
  return {
    ...blankCharter({ slug: "g", name: "G Working Group", kind: "working-group", status: "active" }),
    ...over,
  };
}

describe("flattenRoles", () => {
  it("gives named roles once and 'member' only to people with no other role", () => {
    const c = charter({
      roles: {
        chair: [person("Ann")],
        coChair: [],
        boardLiaison: [person("Bea")],
        steeringCouncilLiaison: [],
        other: [{ title: "Designated Line Manager", people: [person("Cy")] }],
      },
      members: [person("Ann"), person("Bea"), person("Cy"), person("Dee")],
      alumni: [person("Eve"), person("Dee")],
    });
    const rows = flattenRoles(c, (p) => p.name.toLowerCase()).map((r) => [
      r.person.name,
      r.role,
      r.title,
      r.position,
    ]);
    expect(rows).toEqual([
      ["Ann", "chair", "", 0],
      ["Bea", "board-liaison", "", 1],
      ["Cy", "other", "Designated Line Manager", 2],
      ["Dee", "member", "", 3],
      ["Eve", "alumnus", "", 4],
    ]);
  });
});

const v = (
  status: CharterVersion["status"],
  roles: Array<[string, string, string?]>,
  name = "G",
): CharterVersion => ({
  name,
  status,
  roles: roles.map(([who, role, title]) => ({ who, name: who.toUpperCase(), role, title: title ?? "" })),
});

describe("diffCharterVersions", () => {
  it("reports joins, departures to the alumni list and role changes", () => {
    const before = v("active", [
      ["a", "chair"],
      ["b", "member"],
      ["c", "board-liaison"],
    ]);
    const after = v("active", [
      ["a", "chair"],
      ["c", "member"],
      ["d", "board-liaison"],
      ["b", "alumnus"],
    ]);
    expect(diffCharterVersions(before, after)).toEqual([
      { kind: "role-changed", who: "c", name: "C", from: ["board-liaison"], to: ["member"] },
      { kind: "joined", who: "d", name: "D", roles: ["board-liaison"] },
      { kind: "left", who: "b", name: "B", roles: ["member"], alumnus: true },
    ]);
  });

  it("reports lifecycle moves and renames", () => {
    expect(diffCharterVersions(null, v("draft", [["a", "chair"]]))).toEqual([
      { kind: "proposed", from: null, to: "draft" },
    ]);
    expect(diffCharterVersions(v("draft", []), v("active", []))).toEqual([
      { kind: "activated", from: "draft", to: "active" },
    ]);
    expect(diffCharterVersions(v("active", [], "Old"), v("archived", [], "New"))).toEqual([
      { kind: "archived", from: "active", to: "archived" },
      { kind: "renamed", from: "Old", to: "New" },
    ]);
    expect(diffCharterVersions(v("active", []), null)).toEqual([
      { kind: "status-changed", from: "active", to: "removed" },
    ]);
  });

  it("lists the founding people of a new group only when asked", () => {
    const first = v("active", [
      ["a", "chair"],
      ["b", "alumnus"],
    ]);
    expect(diffCharterVersions(null, first, { founders: true })).toEqual([
      { kind: "activated", from: null, to: "active" },
      { kind: "joined", who: "a", name: "A", roles: ["chair"] },
    ]);
    expect(diffCharterVersions(null, first)).toEqual([{ kind: "activated", from: null, to: "active" }]);
  });

  it("says nothing when nothing changed", () => {
    const same = v("active", [
      ["a", "chair"],
      ["b", "other", "Line Manager"],
    ]);
    expect(diffCharterVersions(same, same)).toEqual([]);
  });
});

describe("paths and statuses", () => {
  it("recognises charter files and their status", () => {
    expect(isCharterPath("active/ai.md")).toBe(true);
    expect(isCharterPath("archive/dceu.md")).toBe(true);
    expect(isCharterPath("README.md")).toBe(false);
    expect(isCharterPath("template.md")).toBe(false);
    expect(isCharterPath("draft/team-template.md")).toBe(false);
    expect(isCharterPath("active/README.md")).toBe(false);
    expect(isCharterPath("active/notes.txt")).toBe(false);
    expect(statusFromPath("archive/dceu.md")).toBe("archived");
    expect(statusFromPath("proposals/marketing.md")).toBe("proposed");
    expect(slugFromPath("archive/dceu.md")).toBe("dceu");
    // One rule for the registry and the parser: the folder holding the file, either spelling.
    expect(statusFromPath("draft/x.md")).toBe("draft");
    expect(statusFromPath("drafts/x.md")).toBe("draft");
    expect(lifecycleChange("proposed", "draft")).toEqual({
      kind: "status-changed",
      from: "proposed",
      to: "draft",
    });
    expect(mainRole(["member", "other:Line Manager", "co-chair"])).toBe("co-chair");
  });
});
