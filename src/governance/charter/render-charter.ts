/**
 * Writes a parsed charter back as markdown in the template's layout (team-template.md for teams,
 * template.md for working groups). The export is designed together with the parser: parsing it with
 * the same status gives the same `ParsedCharter` in every field except `warnings`. Warnings are
 * diagnostics about the source file (they cite its line numbers), not charter data, so the export
 * does not carry them and its own parse has its own. To make the rest hold the export
 * - keeps only the slug in a leading `<!-- guildhall-charter {"slug": ...} -->` comment (a charter
 *   printed to stdout or served over HTTP has no file name to give it);
 * - states the kind through its content: the title, and the layout of its template (teams mark the
 *   Board Liaison "[Optional]" and list a Steering Council Liaison; working groups require a Board
 *   Liaison), which the parser reads when the title does not say;
 * - states the membership model, term, meeting and reporting cadence in canonical sentences;
 * - puts eligibility, how to join and removal under their own subsections;
 * - lists role lines first; when members were named in another order it keeps a "Name, Role" list
 *   in member order (as the Code of Conduct WG does), or else lists all members first under
 *   "Members:" and the role lines after them.
 */
import { meetingSentence, reportingSentence } from "./cadence.ts";
import { escapeInline, escapeLineStart, renderLinkedLineStart, renderPlainText } from "./markdown.ts";
import { modelSentence, termSentence } from "./membership-model.ts";
import { kindFromTitle, METADATA_MARKER } from "./parse-charter.ts";
import { looksLikeRole, spellingKey } from "./people.ts";
import { BOARD_ACTIONS_HEADING, DELEGATED_HEADING } from "./scope.ts";
import type { ParsedCharter, Person } from "./types.ts";

/** A person as plain (unescaped) text: "Name (handle)", with a "?" when named tentatively. */
function personText(p: Person): string {
  const text = p.handle ? `${p.name} (${p.handle})` : p.name;
  return p.tentative ? `${text}?` : text;
}

function peopleText(people: Person[]): string {
  return people.map((p) => escapeInline(personText(p))).join(", ");
}

function metadataComment(c: ParsedCharter): string {
  const json = JSON.stringify({ slug: c.slug }).replace(
    /[<>-]/gu,
    (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`,
  );
  return `<!-- ${METADATA_MARKER} ${json} -->`;
}

/** The template's Board Liaison label: "[Optional]" for teams, required for working groups. */
function boardLiaisonLabel(team: boolean): string {
  const label = "Board Liaison (must be an active Board member; may be the same as Chair/Co-Chair)";
  return team ? `\\[Optional\\] ${label}` : label;
}

function roleLines(c: ParsedCharter): string[] {
  const team = c.kind === "team";
  const lines = [`- Chair: ${peopleText(c.roles.chair)}`, `- Co-Chair: ${peopleText(c.roles.coChair)}`];
  lines.push(`- ${boardLiaisonLabel(team)}: ${peopleText(c.roles.boardLiaison)}`);
  if (team) {
    lines.push(
      `- \\[Optional\\] Steering Council Liaison (must be an active Steering Council member; may be the same as Chair/Co-Chair): ${peopleText(c.roles.steeringCouncilLiaison)}`,
    );
  } else if (c.roles.steeringCouncilLiaison.length) {
    lines.push(`- Steering Council Liaison: ${peopleText(c.roles.steeringCouncilLiaison)}`);
  }
  for (const role of c.roles.other) lines.push(`- ${escapeInline(role.title)}: ${peopleText(role.people)}`);
  return lines;
}

function roleHolders(c: ParsedCharter): Person[] {
  return [
    ...c.roles.chair,
    ...c.roles.coChair,
    ...c.roles.boardLiaison,
    ...c.roles.steeringCouncilLiaison,
    ...c.roles.other.flatMap((r) => r.people),
  ];
}

/** Role titles each member holds, in the fixed slot order, or null when a "Name, Role" list cannot keep the data. */
function rolesByMember(c: ParsedCharter): Map<string, string[]> | null {
  const order = new Map(c.members.map((p, i) => [spellingKey(p.name), i]));
  const slots: [string, Person[]][] = [
    ["Chair", c.roles.chair],
    ["Co-Chair", c.roles.coChair],
    ["Board Liaison", c.roles.boardLiaison],
    ["Steering Council Liaison", c.roles.steeringCouncilLiaison],
    ...c.roles.other.map((r): [string, Person[]] => [r.title, r.people]),
  ];
  // "Name?, Chair" would make the person tentative as a member too: use the other layouts.
  if (slots.some(([, people]) => people.some((p) => p.tentative))) return null;
  const titles = new Map<string, string[]>();
  for (const [title, people] of slots) {
    if (!looksLikeRole(title)) return null;
    let last = -1;
    for (const p of people) {
      const at = order.get(spellingKey(p.name));
      if (at === undefined || at <= last) return null;
      last = at;
      const key = spellingKey(p.name);
      titles.set(key, [...(titles.get(key) ?? []), title]);
    }
  }
  // Other roles read back in order of their first holder.
  const firstHolder = c.roles.other.map((r) =>
    Math.min(...r.people.map((p) => order.get(spellingKey(p.name)) ?? 0)),
  );
  if (firstHolder.some((v, i) => i > 0 && v <= (firstHolder[i - 1] ?? -1))) return null;
  if (c.members.some((p) => /\s[-–—]\s/u.test(p.name))) return null;
  return titles;
}

function membershipLines(c: ParsedCharter): string[] {
  // Role lines already name a member when one of them reads back as the member does: a firm
  // member needs a firm role line, so one who holds roles only tentatively is listed again.
  const firm = new Set(
    roleHolders(c)
      .filter((p) => !p.tentative)
      .map((p) => spellingKey(p.name)),
  );
  const anyRole = new Set(roleHolders(c).map((p) => spellingKey(p.name)));
  const named = (p: Person) => (p.tentative ? anyRole : firm).has(spellingKey(p.name));
  const rolesFirst: string[] = [];
  for (const p of [...roleHolders(c), ...c.members]) {
    const k = spellingKey(p.name);
    if (!rolesFirst.includes(k)) rolesFirst.push(k);
  }
  const inOrder = rolesFirst.join("\n") === c.members.map((p) => spellingKey(p.name)).join("\n");
  const item = (p: Person) => `  - ${escapeLineStart(personText(p))}`;
  if (inOrder) {
    const others = c.members.filter((p) => !named(p));
    return [...roleLines(c), "- Other members:", ...others.map(item)];
  }
  // Members named in another order, as in "Name, Role" lists: keep that style.
  const byMember = rolesByMember(c);
  if (byMember) {
    const lines = c.members.flatMap((p) => {
      const titles = byMember.get(spellingKey(p.name)) ?? [];
      const text = escapeLineStart(personText(p));
      return titles.length ? titles.map((t) => `- ${text}, ${escapeInline(t)}`) : [`- ${text}`];
    });
    // Without role lines the layout no longer shows the template; its empty Board Liaison line does.
    const titled = !c.missing.includes("name") && kindFromTitle(c.name) === c.kind;
    return titled ? lines : [...lines, `- ${boardLiaisonLabel(c.kind === "team")}:`];
  }
  return ["- Members:", ...c.members.map(item), ...roleLines(c)];
}

function section(title: string, body: string[]): string {
  const content = body.filter((b) => b.trim() !== "");
  return [`## ${title}`, ...content].join("\n\n");
}

/** Writes the charter as markdown in the template's layout; parsing it back gives the same data except `warnings`. */
export function renderCharterMarkdown(charter: ParsedCharter): string {
  const c = charter;
  const out: string[] = [metadataComment(c)];
  if (!c.missing.includes("name")) out.push(`# ${escapeInline(c.name)}`);

  const scope: string[] = [];
  if (c.scope) scope.push(renderPlainText(c.scope));
  if (c.delegated.length) {
    scope.push(DELEGATED_HEADING, c.delegated.map((d) => `- ${renderLinkedLineStart(d)}`).join("\n"));
  }
  if (c.boardActions.length) {
    scope.push(BOARD_ACTIONS_HEADING, c.boardActions.map((d) => `- ${renderLinkedLineStart(d)}`).join("\n"));
  }
  out.push(section("Scope of responsibilities", scope));

  const membership = [membershipLines(c).join("\n")];
  if (c.alumni.length) {
    membership.push("### Alumni", c.alumni.map((p) => `- ${escapeLineStart(personText(p))}`).join("\n"));
  }
  out.push(section("Membership", membership));

  const future: string[] = [];
  if (c.membershipModel) future.push(modelSentence(c.membershipModel, c.appointedBy));
  const term = termSentence(c.termMonths, c.termWindow);
  if (term) future.push(term);
  if (c.eligibility) future.push("### Who is eligible to join?", renderPlainText(c.eligibility));
  if (c.howToJoin) {
    future.push(
      "### How do people who want to join sign up / volunteer / express interest?",
      renderPlainText(c.howToJoin),
    );
  }
  if (c.removalRule) future.push("### Removal of members", renderPlainText(c.removalRule));
  if (c.delegation.finalChecks.length) {
    future.push(
      "### Access granting and deployment",
      ...c.delegation.finalChecks.map((f) => renderPlainText(f.text)),
    );
  }
  out.push(section("Future membership", future));

  out.push(section("Budget", c.budget ? [renderPlainText(c.budget)] : []));

  const comms: string[] = [];
  if (c.channels.length) comms.push(c.channels.map((ch) => `- ${renderLinkedLineStart(ch)}`).join("\n"));
  if (c.meetingCadence) comms.push(meetingSentence(c.meetingCadence));
  out.push(section("Comms", comms));

  const reporting = c.reportingCadence ? [reportingSentence(c.reportingCadence)] : [];
  out.push(section("Reporting", reporting));
  return `${out.join("\n\n")}\n`;
}
