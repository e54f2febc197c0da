/**
 * Classifies a charter change by comparing the structured charters, old and new, field by field
 * (README.md:75-79 of the charter repository):
 *
 * - substantive: "most of what's listed on the charter -- scope of responsibilities, budget,
 *   membership decision-making process" (README.md:77) need a Board vote; so do the group's name
 *   and kind, its reporting and its membership rules (eligibility, removal, terms);
 * - arrangements: "when and how often the group meets/communicates" (README.md:77) is not
 *   substantive and applies directly: the meeting cadence, the channels, and where to express
 *   interest in joining (a contact or a form, not the decision on it);
 * - membership: who is in the group, decided as the charter itself says (README.md:75), not by a
 *   charter change;
 * - editorial: no structured field changed (a heading renamed, a typo fixed).
 *
 * Pure: imports nothing from platform/.
 */
import type { ParsedCharter, Person } from "../charter/types.ts";

/** The class of one changed field, or of a whole change (its weightiest field). */
export type ChangeClass = "substantive" | "membership" | "arrangements" | "editorial";

/** Which class each compared field belongs to, and its label. */
export const CHANGE_FIELDS = {
  name: { class: "substantive", label: "Name" },
  kind: { class: "substantive", label: "Kind (working group or team)" },
  scope: { class: "substantive", label: "Scope of responsibilities" },
  delegated: { class: "substantive", label: "Powers delegated / actions taken directly" },
  boardActions: { class: "substantive", label: "Actions taken back to the Board" },
  budget: { class: "substantive", label: "Budget" },
  membershipModel: { class: "substantive", label: "How membership is decided" },
  appointedBy: { class: "substantive", label: "Who appoints new members" },
  eligibility: { class: "substantive", label: "Who is eligible" },
  removalRule: { class: "substantive", label: "How members are removed" },
  termMonths: { class: "substantive", label: "Membership term" },
  termWindow: { class: "substantive", label: "Membership term window" },
  reportingCadence: { class: "substantive", label: "Reporting" },
  meetingCadence: { class: "arrangements", label: "Meeting cadence" },
  channels: { class: "arrangements", label: "Where discussions take place" },
  howToJoin: { class: "arrangements", label: "How to express interest" },
  roles: { class: "membership", label: "Chair, Co-Chair and liaisons" },
  members: { class: "membership", label: "Members" },
  alumni: { class: "membership", label: "Former members" },
} as const satisfies Record<string, { class: ChangeClass; label: string }>;

/** A compared field's key. */
export type ChangeField = keyof typeof CHANGE_FIELDS;

/** One field that differs between the two charters. */
export interface FieldChange {
  field: ChangeField;
  label: string;
  class: ChangeClass;
  before: string;
  after: string;
}

/** The classification of a whole change. */
export interface ChangeClassification {
  class: ChangeClass;
  /** True when a Board vote is needed before the change applies. */
  needsBoardVote: boolean;
  fields: FieldChange[];
  /** Why, with the README line it rests on. */
  reason: string;
}

const RANK: Record<ChangeClass, number> = { substantive: 3, membership: 2, arrangements: 1, editorial: 0 };

/** The README lines each class rests on (charter repository snapshot). */
export const CLASS_REASONS: Record<ChangeClass, string> = {
  substantive:
    "Substantive: scope, budget and the membership decision process need a Board vote (README.md:77, 79).",
  membership:
    "Membership: who is in the group is decided as its charter says (README.md:75), not by a charter change.",
  arrangements:
    "Meeting and communication arrangements are not substantive: the change applies directly (README.md:77).",
  editorial: "No field of the charter changes (wording only): the change applies directly.",
};

const people = (list: readonly Person[]) =>
  list.map((p) => `${p.name}${p.handle ? ` (${p.handle})` : ""}${p.tentative ? "?" : ""}`).join(", ");

/** A field's value as comparable, readable text (whitespace runs folded). */
function fieldText(c: ParsedCharter, field: ChangeField): string {
  const fold = (s: string | null) => (s === null ? "" : s.replace(/\s+/g, " ").trim());
  switch (field) {
    case "roles": {
      const r = c.roles;
      const parts = [
        ["Chair", people(r.chair)],
        ["Co-Chair", people(r.coChair)],
        ["Board Liaison", people(r.boardLiaison)],
        ["Steering Council Liaison", people(r.steeringCouncilLiaison)],
        ...r.other.map((o) => [o.title, people(o.people)] as const),
      ];
      return parts
        .filter(([, v]) => v)
        .map(([k, v]) => `${k}: ${v}`)
        .join("; ");
    }
    case "members":
      return people(c.members);
    case "alumni":
      return people(c.alumni);
    case "delegated":
    case "boardActions":
      return c[field].map(fold).join("; ");
    case "channels":
      return [...c.channels].map(fold).sort().join("; ");
    case "appointedBy":
      return [...c.appointedBy].sort().join(", ");
    case "termWindow":
      return c.termWindow ? `${c.termWindow.start} to ${c.termWindow.end}` : "";
    case "termMonths":
      return c.termMonths === null ? "" : `${c.termMonths} months`;
    case "name":
    case "kind":
      return c[field];
    case "scope":
    case "budget":
    case "membershipModel":
    case "eligibility":
    case "howToJoin":
    case "removalRule":
    case "meetingCadence":
    case "reportingCadence":
      return fold(c[field]);
  }
}

/** The fields that differ between `before` and `after`, in CHANGE_FIELDS order. */
export function changedFields(before: ParsedCharter, after: ParsedCharter): FieldChange[] {
  const out: FieldChange[] = [];
  for (const field of Object.keys(CHANGE_FIELDS) as ChangeField[]) {
    const a = fieldText(before, field);
    const b = fieldText(after, field);
    if (a === b) continue;
    const { class: cls, label } = CHANGE_FIELDS[field];
    out.push({ field, label, class: cls, before: a, after: b });
  }
  return out;
}

/** Classifies the change from `before` to `after`: its weightiest field decides. */
export function classifyCharterChange(before: ParsedCharter, after: ParsedCharter): ChangeClassification {
  const fields = changedFields(before, after);
  const cls = fields.reduce<ChangeClass>(
    (top, f) => (RANK[f.class] > RANK[top] ? f.class : top),
    "editorial",
  );
  return { class: cls, needsBoardVote: cls === "substantive", fields, reason: CLASS_REASONS[cls] };
}
