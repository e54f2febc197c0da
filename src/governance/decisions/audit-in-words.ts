import { formatInstant } from "../../platform/view/time.tsx";
import { applicationPeople, peopleNames, periodRoles, voteTitles } from "./audit.repo.ts";
import { type AuditNames, auditWords, peopleNamedBy } from "./audit-words.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { type AuditEntry, listGroupAudit } from "./list-group-audit.ts";

/** An audit entry with its sentence. */
export interface AuditEntryInWords extends AuditEntry {
  words: string;
}

function idsOf(entries: readonly AuditEntry[], type: string): number[] {
  return [
    ...new Set(
      entries
        .filter((e) => e.subjectType === type && /^\d+$/.test(e.subjectId))
        .map((e) => Number(e.subjectId)),
    ),
  ];
}

/** The group's audit trail (newest first), each entry with its sentence, names loaded in four queries. */
export async function listGroupAuditInWords(input: {
  db: DbOrTx;
  groupId: number;
}): Promise<AuditEntryInWords[]> {
  const { db } = input;
  const entries = await listGroupAudit(input);
  const voteIds = idsOf(entries, "vote");
  const applicationIds = idsOf(entries, "membership_application");
  const periodIds = idsOf(entries, "role_period");
  const voteRows = await voteTitles(db, voteIds);
  const applicationRows = await applicationPeople(db, applicationIds);
  const periodRows = await periodRoles(db, periodIds);
  const personIds = new Set<number>([
    ...entries.flatMap(peopleNamedBy),
    ...applicationRows.map((a) => a.personId),
    ...periodRows.map((p) => p.personId),
  ]);
  const personRows = await peopleNames(db, [...personIds]);
  const names: AuditNames = {
    people: new Map(personRows.map((p) => [p.id, p.name])),
    votes: new Map(voteRows.map((v) => [v.id, { title: v.title }])),
    applications: new Map(applicationRows.map((a) => [a.id, { personId: a.personId }])),
    rolePeriods: new Map(periodRows.map((p) => [p.id, p])),
  };
  return entries.map((e) => ({ ...e, words: auditWords(e, names) }));
}

/** The audit trail as text, one line per entry: "3 December 2026, 14:00 UTC: Ada Lovelace cast a ballot". */
export function auditText(entries: readonly AuditEntryInWords[]): string {
  return entries.map((e) => `${formatInstant(e.occurredAt)}: ${e.words}\n`).join("");
}
