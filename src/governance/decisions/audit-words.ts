/**
 * Audit entries in words: "Ada Lovelace cast a ballot", "The vote "Admit Grace" closed: carried
 * 3-1". Names come from the lookups the caller loads (people, votes, applications, role periods);
 * an id that cannot be named is said to be unknown rather than shown raw.
 */
import { formatDay, formatInstant } from "../../platform/view/time.tsx";
import type { AuditEntry } from "./list-group-audit.ts";
import { groupRoleWord } from "./role-words.ts";

/** What the words need to name things. */
export interface AuditNames {
  people: ReadonlyMap<number, string>;
  votes: ReadonlyMap<number, { title: string }>;
  applications: ReadonlyMap<number, { personId: number }>;
  rolePeriods: ReadonlyMap<number, { personId: number; role: string; title: string }>;
}

type Obj = Record<string, unknown>;

function obj(v: unknown): Obj {
  return v !== null && typeof v === "object" ? (v as Obj) : {};
}

function str(o: Obj, key: string): string | null {
  const v = o[key];
  return typeof v === "string" ? v : null;
}

function num(o: Obj, key: string): number | null {
  const v = o[key];
  return typeof v === "number" ? v : typeof v === "string" && /^\d+$/.test(v) ? Number(v) : null;
}

/** Who acted: the account's name from its audit label, the scheduler, or the command line. */
export function actorWords(label: string, names: AuditNames): string {
  const user = /^user:\d+ \((.*)\)$/.exec(label);
  if (user?.[1]) return user[1];
  const person = /^person:(\d+)$/.exec(label);
  if (person?.[1]) return names.people.get(Number(person[1])) ?? "someone (unknown person)";
  if (label === "system") return "Guildhall (on schedule)";
  if (label === "cli") return "An administrator (command line)";
  if (/^user:\d+$/.test(label)) return "A signed-in user";
  return label;
}

/** The ids of people an entry names (so the caller can load their names). */
export function peopleNamedBy(entry: AuditEntry): number[] {
  const ids: number[] = [];
  for (const o of [obj(entry.before), obj(entry.after)]) {
    for (const key of ["personId", "subjectPersonId"]) {
      const id = num(o, key);
      if (id !== null) ids.push(id);
    }
  }
  const person = /^person:(\d+)$/.exec(entry.actor);
  if (person?.[1]) ids.push(Number(person[1]));
  return ids;
}

/** One audit entry as a sentence. */
export function auditWords(entry: AuditEntry, names: AuditNames): string {
  const before = obj(entry.before);
  const after = obj(entry.after);
  const actor = actorWords(entry.actor, names);
  const subjectId = Number(entry.subjectId);
  const about = (type: string) => (entry.subjectType === type ? subjectId : Number.NaN);
  const personOf = (id: number | null) =>
    id === null ? "someone" : (names.people.get(id) ?? `someone (person #${id}, not found)`);
  const voteTitle = () => {
    const title = str(after, "title") ?? names.votes.get(about("vote"))?.title;
    return title ? `the vote "${title}"` : "the vote";
  };
  const period = () => {
    const p = names.rolePeriods.get(about("role_period"));
    const personId = num(after, "personId") ?? num(before, "personId") ?? p?.personId ?? null;
    const role = str(after, "role") ?? str(before, "role") ?? p?.role ?? "";
    const title = str(after, "title") ?? str(before, "title") ?? p?.title ?? "";
    return { person: personOf(personId), role: groupRoleWord(role, title) };
  };
  const applicant = () => {
    const app = names.applications.get(about("membership_application"));
    return personOf(num(after, "personId") ?? app?.personId ?? null);
  };
  switch (entry.action) {
    case "vote.opened": {
      const electorate = Array.isArray(after.electorate)
        ? after.electorate.length
        : num(after, "electorateSize");
      const closes = str(after, "closesAt");
      const parts = [
        electorate === null ? null : `${electorate} in the electorate`,
        str(after, "secrecy") ? `${str(after, "secrecy")} ballot` : null,
        closes ? `closes ${formatInstant(closes)}` : null,
      ].filter(Boolean);
      return `${actor} opened ${voteTitle()}${parts.length ? ` (${parts.join(", ")})` : ""}`;
    }
    case "vote.ballot-cast": {
      const choice = str(after, "choice");
      return `${personOf(num(after, "personId"))} cast a ballot${choice ? `: ${choice}` : ""}`;
    }
    case "vote.closed": {
      const yes = num(after, "yes") ?? 0;
      const no = num(after, "no") ?? 0;
      const abstain = num(after, "abstain") ?? 0;
      const result = `${str(after, "outcome") === "passed" ? "carried" : "not carried"} ${yes}-${no}${
        abstain > 0 ? `, ${abstain} abstaining` : ""
      }`;
      const why = str(after, "reason") === "decided" ? " (decided before its closing time)" : "";
      const title = voteTitle();
      return entry.actor === "system"
        ? `${title[0]?.toUpperCase()}${title.slice(1)} closed: ${result}${why}`
        : `${actor} closed ${title}: ${result}${why}`;
    }
    case "vote.extended": {
      const to = str(after, "closesAt");
      const reason = str(after, "reason");
      return `${actor} extended ${voteTitle()}${to ? ` to ${formatInstant(to)}` : ""}${reason ? `: ${reason}` : ""}`;
    }
    case "application.submitted":
      return `${applicant()} applied to join`;
    case "application.vote-opened":
      return `${actor} started the vote on ${applicant()}'s application`;
    case "application.accepted": {
      const how = str(after, "how");
      return how === "invitation" || how === "appointment"
        ? `${actor} admitted ${applicant()} by ${how}, without a vote`
        : `${applicant()}'s application was accepted`;
    }
    case "application.rejected":
      return `${applicant()}'s application was declined`;
    case "role-period.started":
    case "role-period.start": {
      const p = period();
      const from = str(after, "startedOn");
      const term = str(after, "termEndsOn");
      return `${actor} recorded ${p.person} as ${p.role}${from ? ` from ${formatDay(from)}` : ""}${
        term ? `, term ending ${formatDay(term)}` : ""
      }`;
    }
    case "role-period.recorded": {
      const p = period();
      return `${p.person}'s charter role as ${p.role} was recorded as a dated role`;
    }
    case "role-period.ended":
    case "role-period.end": {
      const p = period();
      const on = str(after, "endedOn");
      const reason = str(after, "reason");
      return `${p.person}'s role as ${p.role} ended${on ? ` on ${formatDay(on)}` : ""}${reason ? `: ${reason}` : ""}`;
    }
    case "role-period.renewed": {
      const p = period();
      const to = str(after, "termEndsOn");
      return `${p.person} renewed their term as ${p.role}${to ? ` to ${formatDay(to)}` : ""}`;
    }
    case "group.decision-settings": {
      const base = str(after, "baseRule");
      const secrecy = str(after, "secrecy");
      const meeting = str(after, "nextMeetingOn");
      const days = num(after, "maxVoteDays");
      const parts = [
        base ? `majority of ${base === "cast" ? "the votes cast" : "the whole electorate"}` : null,
        secrecy ? `${secrecy} ballots by default` : null,
        days !== null ? `votes of at most ${days} days` : null,
        meeting ? `next meeting ${formatDay(meeting)}` : "no next meeting recorded",
      ].filter(Boolean);
      return `${actor} set the vote rules: ${parts.join(", ")}`;
    }
    default:
      return `${actor}: ${entry.action.replace(/[.-]/g, " ")}`;
  }
}
