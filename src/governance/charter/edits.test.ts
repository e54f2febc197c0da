/**
 * Realistic edits to each snapshot charter (heading synonyms, "Role: Name" <-> "Name, Role",
 * "[Optional]" added or removed, nested lists indented by 2 or 4 spaces, `*` and `+` bullets, handles
 * and profile links, TBC / "You?" placeholders, names on unbulleted lines) leave the people and roles
 * the parser reads unchanged.
 */
import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { sharedData } from "../../../test/shared-data.ts";
import { parseCharter } from "./parse-charter.ts";
import { classifyRoleLabel, cleanRoleLabel, isPlaceholder, looksLikeRole } from "./people.ts";
import { classifyHeading } from "./sections.ts";
import type { ParsedCharter, Person } from "./types.ts";

const SNAPSHOT = sharedData("dsf-working-groups");
const FILES = ["active", "archive", "draft", "proposals"].flatMap((dir) =>
  readdirSync(path.join(SNAPSHOT, dir))
    .filter((f) => f.endsWith(".md"))
    .map((f) => `${dir}/${f}`),
);

type Lines = string[];

/** Applies `edit` to the lines of the membership section (its subsections included). */
function editMembership(markdown: string, edit: (lines: Lines) => Lines): string {
  const lines = markdown.split("\n");
  const start = lines.findIndex((l) => {
    const m = /^(#{2,4})\s+(.+)$/u.exec(l);
    return m?.[2] !== undefined && classifyHeading(m[2]) === "membership";
  });
  if (start < 0) return markdown;
  const depth = /^#+/u.exec(lines[start] ?? "")?.[0].length ?? 2;
  let end = lines.length;
  for (let i = start + 1; i < lines.length; i++) {
    const m = /^(#+)\s/u.exec(lines[i] ?? "");
    if (m?.[1] && m[1].length <= depth) {
      end = i;
      break;
    }
  }
  const body = lines.slice(start + 1, end);
  return [...lines.slice(0, start + 1), ...edit(body), ...lines.slice(end)].join("\n");
}

const HEADING_SYNONYMS: [RegExp, string][] = [
  [/^(#+)\s+(?:Initial |Current )?Membership\s*$/imu, "$1 Members"],
  [/^(#+)\s+Future membership\s*$/imu, "$1 Membership process"],
  [/^(#+)\s+Scope of responsibilities\s*$/imu, "$1 Responsibilities"],
  [/^(#+)\s+Comms\s*$/imu, "$1 Communication channels"],
  [/^(#+)\s+Budget\s*$/imu, "$1 Funding"],
  [/^(#+)\s+Alumni\s*$/imu, "$1 Past members"],
];

const ROLE_LINE = /^(\s*)[-*+] ([^:]+):\s+(\S.*?)\s*$/u;
const NAME_ROLE_LINE = /^(\s*)[-*+] ([^,:]+), (.+?)\s*$/u;

/** A nested item naming one plain person (no handle, role or placeholder). */
function plainPerson(text: string): boolean {
  return /^[\p{L}][\p{L}\p{M}' .-]*$/u.test(text) && !isPlaceholder(text) && !looksLikeRole(text);
}

/** Rewrites the one plain person a list item names: "- Name", "- Role: Name" or "- Name, Role". */
function withPerson(line: string, write: (name: string) => string): string {
  const item = /^(\s*[-*+] )(.+?)\s*$/u.exec(line);
  if (!item?.[1] || !item[2]) return line;
  const [, bullet, text] = item;
  if (plainPerson(text)) return `${bullet}${write(text)}`;
  const role = /^([^:]+:\s+)(.+)$/u.exec(text);
  if (role?.[1] && role[2] && plainPerson(role[2])) return `${bullet}${role[1]}${write(role[2])}`;
  const nameRole = /^([^,:]+)(, .+)$/u.exec(text);
  if (nameRole?.[1] && nameRole[2] && plainPerson(nameRole[1]) && looksLikeRole(nameRole[2]))
    return `${bullet}${write(nameRole[1])}${nameRole[2]}`;
  return line;
}

function slugOf(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[^A-Za-z0-9]+/gu, "")
    .toLowerCase();
}

const EDITS: Record<string, (markdown: string) => string> = {
  "heading synonyms": (md) => HEADING_SYNONYMS.reduce((t, [re, to]) => t.replace(re, to), md),
  "Role: Name -> Name, Role": (md) =>
    editMembership(md, (lines) =>
      lines.map((l) => {
        const m = ROLE_LINE.exec(l);
        if (!m?.[2] || !m[3]) return l;
        const label = classifyRoleLabel(m[2]);
        if (!label || label.slot === "members" || label.slot === "alumni") return l;
        if (/,|\band\b|&/u.test(m[3]) || isPlaceholder(m[3])) return l;
        return `${m[1]}- ${m[3]}, ${cleanRoleLabel(m[2])}`;
      }),
    ),
  "Name, Role -> Role: Name": (md) =>
    editMembership(md, (lines) =>
      lines.map((l) => {
        const m = NAME_ROLE_LINE.exec(l);
        if (!m?.[2] || !m[3] || !looksLikeRole(m[3]) || looksLikeRole(m[2])) return l;
        return `${m[1]}- ${m[3]}: ${m[2]}`;
      }),
    ),
  "add [Optional]": (md) =>
    editMembership(md, (lines) =>
      lines.map((l) =>
        l.replace(/^(\s*[-*+] )(?!\[Optional\])((?:Board|Steering Council) Liaison)/u, "$1[Optional] $2"),
      ),
    ),
  "remove [Optional]": (md) =>
    editMembership(md, (lines) => lines.map((l) => l.replace(/^(\s*[-*+] )\[Optional\]\s*/u, "$1"))),
  "nested lists indented by 2": (md) =>
    editMembership(md, (lines) => lines.map((l) => l.replace(/^\s+([-*+] )/u, "  $1"))),
  "nested lists indented by 4": (md) =>
    editMembership(md, (lines) => lines.map((l) => l.replace(/^\s+([-*+] )/u, "    $1"))),
  "* bullets": (md) => editMembership(md, (lines) => lines.map((l) => l.replace(/^(\s*)[-+] /u, "$1* "))),
  "+ bullets": (md) => editMembership(md, (lines) => lines.map((l) => l.replace(/^(\s*)[-*] /u, "$1+ "))),
  "handles as (@user)": (md) =>
    editMembership(md, (lines) => lines.map((l) => withPerson(l, (n) => `${n} (@${slugOf(n)})`))),
  "names as GitHub profile links": (md) =>
    editMembership(md, (lines) =>
      lines.map((l) => withPerson(l, (n) => `[${n}](https://github.com/${slugOf(n)})`)),
    ),
  "TBC and You? placeholders": (md) =>
    editMembership(md, (lines) => {
      const out = [...lines];
      const items = out.flatMap((l, i) => (/^\s*[-*+] /u.test(l) ? [i] : []));
      const last = items[items.length - 1];
      const first = items[0];
      if (last === undefined || first === undefined) return out;
      const indent = /^(\s*)/u.exec(out[last] ?? "")?.[1] ?? "";
      out.splice(last + 1, 0, `${indent}- TBC`, `${indent}- You?`);
      out.splice(first, 0, "- Vice-Chair: TBC");
      return out;
    }),
  "members on unbulleted lines": (md) =>
    editMembership(md, (lines) => {
      const out: Lines = [];
      for (const l of lines) {
        const m = /^(\s*)[-*+] (.+?)\s*$/u.exec(l);
        if (m?.[2] && plainPerson(m[2])) out.push(`${m[1] ?? ""}${m[2]}`);
        else out.push(l);
      }
      return out;
    }),
  "every line unbulleted and unindented": (md) =>
    editMembership(md, (lines) => lines.map((l) => l.replace(/^\s*[-*+]\s+/u, ""))),
};

interface People {
  members: string[];
  alumni: string[];
  roles: Record<string, string[]>;
}

function people(c: ParsedCharter): People {
  const names = (list: Person[]) => list.map((p) => p.name);
  const roles: Record<string, string[]> = {
    chair: names(c.roles.chair),
    coChair: names(c.roles.coChair),
    boardLiaison: names(c.roles.boardLiaison),
    steeringCouncilLiaison: names(c.roles.steeringCouncilLiaison),
  };
  for (const r of c.roles.other) roles[r.title] = names(r.people);
  return { members: names(c.members), alumni: names(c.alumni), roles };
}

describe("edits that keep the people of every snapshot charter", () => {
  for (const file of FILES) {
    const markdown = readFileSync(path.join(SNAPSHOT, file), "utf8");
    const before = parseCharter({ markdown, path: file });
    for (const [name, edit] of Object.entries(EDITS)) {
      it(`${file}: ${name}`, () => {
        const edited = edit(markdown);
        const after = parseCharter({ markdown: edited, path: file });
        expect(people(after)).toEqual(people(before));
        expect(after.warnings.filter((w) => !before.warnings.includes(w))).toEqual([]);
      });
    }
  }

  const COMBINED = [
    [
      "heading synonyms",
      "Role: Name -> Name, Role",
      "* bullets",
      "nested lists indented by 4",
      "TBC and You? placeholders",
    ],
    ["remove [Optional]", "+ bullets", "handles as (@user)", "members on unbulleted lines"],
    ["heading synonyms", "add [Optional]", "names as GitHub profile links", "nested lists indented by 2"],
  ];
  for (const file of FILES) {
    it(`${file}: several edits at once`, () => {
      const markdown = readFileSync(path.join(SNAPSHOT, file), "utf8");
      const before = people(parseCharter({ markdown, path: file }));
      for (const names of COMBINED) {
        const edited = names.reduce((md, n) => EDITS[n]?.(md) ?? md, markdown);
        expect(people(parseCharter({ markdown: edited, path: file })), names.join(" + ")).toEqual(before);
      }
    });
  }

  it("each edit changes the text of most charters that name people", () => {
    const named = FILES.map((file) => ({
      file,
      markdown: readFileSync(path.join(SNAPSHOT, file), "utf8"),
    })).filter(({ file, markdown }) => parseCharter({ markdown, path: file }).members.length > 0);
    expect(named.length).toBeGreaterThanOrEqual(12);
    for (const [name, edit] of Object.entries(EDITS)) {
      const changed = named.filter(({ markdown }) => edit(markdown) !== markdown).length;
      // "[Optional]", "Name, Role", filled "Role: Name" lines and each indentation appear in fewer charters.
      const least = /Optional|Name, Role ->|indented/u.test(name)
        ? 1
        : name.startsWith("Role: Name")
          ? named.length / 2
          : named.length - 3;
      expect(changed, name).toBeGreaterThanOrEqual(least);
    }
  });

  it("handles added as (@user) or as profile links are read", () => {
    const file = "active/fundraising.md";
    const markdown = readFileSync(path.join(SNAPSHOT, file), "utf8");
    for (const edit of [EDITS["handles as (@user)"], EDITS["names as GitHub profile links"]]) {
      if (!edit) throw new Error("edit missing");
      const c = parseCharter({ markdown: edit(markdown), path: file });
      expect(c.members.find((m) => m.name === "Tom Carrick")?.handle).toBe("tomcarrick");
    }
  });
});
