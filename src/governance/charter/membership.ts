/**
 * Reads the membership section: "Role: Name" lines, "Name, Role" lines, nested "Other members:" lists
 * (any indentation), names on unbulleted lines that markdown folds into one paragraph, "Current
 * members:" and "Alumni:" labels, and Alumni / Past members subsections. Everyone named is a member
 * once, in order of first appearance; alumni are kept apart.
 */
import type { List, Paragraph, RootContent, Table } from "mdast";
import { collapseSpace, inlineText, itemOwnText, lineOf } from "./markdown.ts";
import {
  classifyRoleLabel,
  isPlaceholder,
  looksLikeName,
  looksLikeRole,
  parsePerson,
  type RoleLabel,
  spellingKey,
  splitPeople,
  splitTopLevel,
  topLevelColon,
} from "./people.ts";
import type { Section } from "./sections.ts";
import type { ParsedCharter, Person } from "./types.ts";

/** What the membership section says. */
export interface MembershipResult {
  roles: ParsedCharter["roles"];
  members: Person[];
  alumni: Person[];
  warnings: string[];
  /** Paragraphs of prose in the membership section (searched for the membership model). */
  prose: RootContent[];
}

class Roster {
  readonly members = new Map<string, Person>();
  readonly alumni = new Map<string, Person>();
  readonly slots = {
    chair: new Map<string, Person>(),
    coChair: new Map<string, Person>(),
    boardLiaison: new Map<string, Person>(),
    steeringCouncilLiaison: new Map<string, Person>(),
  };
  readonly other = new Map<string, Map<string, Person>>();
  readonly warnings: string[] = [];

  add(person: Person, label: RoleLabel, line: number | null): void {
    const key = spellingKey(person.name);
    if (label.slot === "alumni") {
      if (!this.alumni.has(key)) this.alumni.set(key, { name: person.name, handle: person.handle });
      return;
    }
    const existing = this.members.get(key);
    if (existing) {
      if (person.handle && existing.handle && person.handle !== existing.handle) {
        this.warn(
          line,
          `${existing.name} is listed with different handles (${existing.handle}, ${person.handle}); keeping ${existing.handle}`,
        );
      } else if (person.handle && !existing.handle) existing.handle = person.handle;
      // A member is tentative only while every mention of them is.
      if (!person.tentative) delete existing.tentative;
    } else this.members.set(key, { ...person });
    if (label.slot === "members") return;
    let slot: Map<string, Person> | undefined;
    if (label.slot === "other") {
      slot = this.other.get(label.title);
      if (!slot) {
        slot = new Map();
        this.other.set(label.title, slot);
      }
    } else slot = this.slots[label.slot];
    const held = slot.get(key);
    if (!held) slot.set(key, { ...person });
    else if (!person.tentative) delete held.tentative;
  }

  warn(line: number | null, message: string): void {
    const text = line === null ? message : `line ${line}: ${message}`;
    if (!this.warnings.includes(text)) this.warnings.push(text);
  }

  result(prose: RootContent[]): MembershipResult {
    const withHandle = (p: Person): Person => {
      const m = this.members.get(spellingKey(p.name));
      const out: Person = { name: m?.name ?? p.name, handle: m?.handle ?? p.handle };
      return p.tentative ? { ...out, tentative: true } : out;
    };
    const list = (m: Map<string, Person>) => [...m.values()].map(withHandle);
    for (const key of this.alumni.keys()) {
      const m = this.members.get(key);
      if (m) this.warn(null, `${m.name} is listed both as a member and in the alumni`);
    }
    return {
      roles: {
        chair: list(this.slots.chair),
        coChair: list(this.slots.coChair),
        boardLiaison: list(this.slots.boardLiaison),
        steeringCouncilLiaison: list(this.slots.steeringCouncilLiaison),
        other: [...this.other.entries()]
          .map(([title, people]) => ({ title, people: list(people) }))
          .filter((r) => r.people.length > 0),
      },
      members: [...this.members.values()].map((p) => ({ ...p })),
      alumni: [...this.alumni.values()].map((p) => ({ ...p })),
      warnings: this.warnings,
      prose,
    };
  }
}

const MEMBERS: RoleLabel = { slot: "members", title: "Members" };
const ALUMNI: RoleLabel = { slot: "alumni", title: "Alumni" };

/** Reads a person line without a "Label:" prefix: "Name", "Name, Role", "A, B", "Name (Chair)". */
function readPersonLine(roster: Roster, text: string, label: RoleLabel, line: number | null): void {
  // "Chair - Name" and "Name – Chair": a spaced dash separates a role from the people.
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(text);
  if (dash?.[1] && dash[2]) {
    const alumni = label.slot === "alumni";
    const left = classifyRoleLabel(dash[1]);
    if (left && (left.slot !== "other" || looksLikeRole(dash[1]))) {
      readPeople(roster, dash[2], alumni || left.slot === "members" ? label : left, line, text);
      return;
    }
    if (looksLikeRole(dash[2])) {
      const right = classifyRoleLabel(dash[2]);
      if (right) {
        readPeople(roster, dash[1], alumni ? label : right, line, text);
        return;
      }
    }
  }
  const parts = splitTopLevel(text, /\s*,\s*/uy);
  if (parts.length >= 2) {
    const rest = parts.slice(1).join(", ");
    if (looksLikeRole(rest)) {
      if (label.slot === "alumni") {
        readPeople(roster, parts[0] ?? "", label, line, text);
        return;
      }
      const role = classifyRoleLabel(rest);
      readPeople(roster, parts[0] ?? "", role ?? label, line, text);
      if (!role) roster.warn(line, `could not read the role in "${text}"`);
      return;
    }
  }
  readPeople(roster, text, label, line, text);
}

function readPeople(
  roster: Roster,
  value: string,
  label: RoleLabel,
  line: number | null,
  whole: string,
): void {
  const parsed = splitPeople(value).map(parsePerson);
  // One unreadable part makes the whole line suspect (a sentence split at its commas): keep nobody.
  const invalid = parsed.find((r) => r.kind === "invalid");
  if (invalid?.kind === "invalid") {
    roster.warn(line, `could not read a person from "${truncate(whole)}" (${invalid.reason})`);
    return;
  }
  for (const r of parsed) {
    if (r.kind !== "person") continue;
    let role = label;
    if (r.roleText && label.slot === "members") role = classifyRoleLabel(r.roleText) ?? label;
    roster.add(r.person, role, line);
  }
}

function truncate(text: string): string {
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

/**
 * True when a line reads as people: "Label: people", "Name, Role", "Role - Name", or names. With
 * `strict`, a label's value must read as people too and names must look like names
 * (`looksLikeName`): "Chair: runs the meetings" and "Schedule meetings" do not.
 */
function readsAsPeople(text: string, strict = false): boolean {
  const t = text.trim();
  const colon = topLevelColon(t);
  if (colon > 0 && classifyRoleLabel(t.slice(0, colon))) {
    const value = t.slice(colon + 1).trim();
    return !strict || value === "" || readsAsPeople(value, true);
  }
  let names = t;
  const parts = splitTopLevel(t, /\s*,\s*/uy);
  if (parts.length >= 2 && looksLikeRole(parts.slice(1).join(", "))) names = parts[0] ?? "";
  const dash = /^(.+?)\s+[-–—]\s+(.+)$/u.exec(t);
  if (dash?.[1] && dash[2]) names = looksLikeRole(dash[1]) ? dash[2] : looksLikeRole(dash[2]) ? dash[1] : t;
  const parsed = splitPeople(names).map(parsePerson);
  return (
    parsed.length > 0 &&
    parsed.every(
      (r) => r.kind !== "invalid" && (!strict || r.kind !== "person" || looksLikeName(r.person.name)),
    )
  );
}

/**
 * True when a list describes work rather than naming people: most of its items do not read as
 * people when read strictly ("Schedule meetings", "Chair: runs the meetings", "Keep the notes
 * up to date."), or it follows a lead-in about duties ("The Chair is responsible for:").
 */
function isDutyList(list: List, leadIn: string | null): boolean {
  const strict = (t: string) => readsAsPeople(t, true);
  if (leadIn !== null && DUTY_LEAD_IN.test(leadIn)) return true;
  const texts = list.children.map((item) => itemOwnText(item)).filter((t) => t !== "");
  if (texts.length === 0) return false;
  const failing = texts.filter((t) => !strict(t)).length;
  return failing * 2 > texts.length;
}

/** A lead-in that introduces duties or a description of roles, not a roster. */
const DUTY_LEAD_IN =
  /\bresponsib|\bduties\b|\btasks?\b|\bexpected to\b|\b(?:will|shall|should|must|can|may)\s*:?$|\bincludes?:?$|\bdoes\b|\broles? (?:definitions?|descriptions?)\b/iu;

/**
 * A top-level paragraph of two or more lines that all read as people (names on unbulleted lines under
 * a membership heading, with no "Members:" label) is a roster, not prose.
 */
function isRoster(lines: { text: string }[]): boolean {
  const texts = lines.map((l) => l.text.trim()).filter((t) => t !== "");
  if (texts.length < 2 || !texts.every((t) => readsAsPeople(t))) return false;
  return texts.some((t) => splitPeople(t).some((p) => parsePerson(p).kind === "person"));
}

/**
 * Reads the lines of one paragraph. `inItem` is true inside a list item, where a bare line is a person;
 * in a top-level paragraph a bare line is prose unless a label such as "Members:" opened it.
 * Returns the label a trailing "Label:" line opened, for nested lists and following lines.
 */
function readLines(
  roster: Roster,
  lines: { text: string; line: number | null }[],
  base: RoleLabel | null,
  inItem: boolean,
): { opened: RoleLabel | null; prose: boolean } {
  let current = base;
  let opened: RoleLabel | null = null;
  let prose = false;
  if (!inItem && base === null && isRoster(lines)) current = MEMBERS;
  for (const { text: raw, line } of lines) {
    const text = raw.trim();
    if (text === "") continue;
    const colon = topLevelColon(text);
    if (colon > 0) {
      const label = classifyRoleLabel(text.slice(0, colon));
      if (label) {
        const value = text.slice(colon + 1).trim();
        // Inside an alumni list everyone named is an alumnus, whatever role they held.
        const effective = current?.slot === "alumni" || base?.slot === "alumni" ? ALUMNI : label;
        if (value === "") {
          current = effective;
          opened = effective;
        } else readPeople(roster, value, effective, line, text);
        continue;
      }
      if (!inItem && current === base) {
        prose = true;
        continue;
      }
    }
    if (current === null && !inItem) {
      prose = true;
      continue;
    }
    readPersonLine(roster, text, current ?? MEMBERS, line);
  }
  return { opened, prose };
}

function paragraphLines(p: Paragraph): { text: string; line: number | null }[] {
  const start = lineOf(p);
  return inlineText(p)
    .split("\n")
    .map((text, i) => ({ text, line: start === null ? null : start + i }));
}

function readList(roster: Roster, list: List, base: RoleLabel, leadIn: string | null = null): void {
  if (isDutyList(list, leadIn)) return;
  for (const item of list.children) {
    let opened: RoleLabel | null = null;
    for (const child of item.children) {
      if (child.type === "paragraph") {
        const r = readLines(roster, paragraphLines(child), opened ?? base, true);
        opened = r.opened ?? opened;
      } else if (child.type === "list") readList(roster, child, opened ?? base);
    }
  }
}

/** Reads a membership table with a name column and optional role and handle columns. */
function readTable(roster: Roster, table: Table, base: RoleLabel): void {
  const [header, ...rows] = table.children;
  if (!header) return;
  const heads = header.children.map((c) => collapseSpace(inlineText(c)).toLowerCase());
  const find = (re: RegExp) => heads.findIndex((h) => re.test(h));
  const roleCol = find(/\brole|\bposition|\btitle|\bresponsibilit/u);
  let nameCol = find(/\bname|\bmember|\bperson|\bwho\b|\bpeople/u);
  const handleCol = find(/github|handle|username|discord|forum|nick/u);
  if (nameCol < 0) nameCol = roleCol === 0 && heads.length >= 2 ? 1 : heads.length === 1 ? 0 : -1;
  if (nameCol < 0) return;
  for (const row of rows) {
    const cells = row.children.map((c) => collapseSpace(inlineText(c)));
    const name = cells[nameCol] ?? "";
    const handle = handleCol >= 0 ? (cells[handleCol] ?? "").replace(/^@/u, "") : "";
    const roleText = roleCol >= 0 ? (cells[roleCol] ?? "") : "";
    const role = roleText ? (classifyRoleLabel(roleText) ?? base) : base;
    const text = handle && !isPlaceholder(handle) ? `${name} (${handle})` : name;
    readPeople(roster, text, base.slot === "alumni" ? base : role, lineOf(row), cells.join(" | "));
  }
}

/** Reads every section whose key is membership or alumni. */
export function readMembership(sections: Section[]): MembershipResult {
  const roster = new Roster();
  const prose: RootContent[] = [];
  for (const section of sections) {
    if (section.key !== "membership" && section.key !== "alumni") continue;
    let mode: RoleLabel = section.key === "alumni" ? ALUMNI : MEMBERS;
    // The prose paragraph right before a list, when it ends with ":" (a lead-in such as "The Chair will:").
    let leadIn: string | null = null;
    for (const node of section.nodes) {
      if (node.type === "paragraph") {
        const r = readLines(roster, paragraphLines(node), mode === ALUMNI ? ALUMNI : null, false);
        if (r.opened)
          mode = r.opened.slot === "alumni" ? ALUMNI : section.key === "alumni" ? ALUMNI : r.opened;
        if (r.prose) prose.push(node);
        const text = collapseSpace(inlineText(node));
        leadIn = r.prose && text.endsWith(":") ? text : null;
        continue;
      }
      if (node.type === "list") readList(roster, node, mode, leadIn);
      else if (node.type === "table") readTable(roster, node, mode);
      else if (node.type === "blockquote") {
        for (const inner of node.children) {
          if (inner.type === "list") readList(roster, inner, mode);
        }
      }
      // A comment between a lead-in and its list keeps the lead-in.
      if (node.type !== "html") leadIn = null;
    }
  }
  return roster.result(prose);
}
