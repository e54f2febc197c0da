import type { DbOrTx } from "./decisions.repo.ts";
import { selectApplications, voteIdsOfApplications } from "./membership.repo.ts";

/** An application as shown to the group's chairs and the Board. */
export interface ApplicationView {
  id: number;
  group: { id: number; slug: string; name: string };
  person: { id: number; name: string };
  statement: string;
  skills: string;
  timeCommitment: string;
  status: string;
  createdAt: string;
  decidedAt: string | null;
  voteId: number | null;
}

/** Applications of one group or of all groups, optionally only those still open, newest first. */
export async function listApplications(input: {
  db: DbOrTx;
  groupId?: number;
  openOnly?: boolean;
}): Promise<ApplicationView[]> {
  const rows = await selectApplications(input.db, { groupId: input.groupId, openOnly: input.openOnly });
  const voteRows = await voteIdsOfApplications(
    input.db,
    rows.map((r) => r.app.id),
  );
  return rows.map(({ app, groupSlug, groupName, personName }) => ({
    id: app.id,
    group: { id: app.groupId, slug: groupSlug, name: groupName },
    person: { id: app.personId, name: personName },
    statement: app.statement,
    skills: app.skills,
    timeCommitment: app.timeCommitment,
    status: app.status,
    createdAt: app.createdAt.toISOString(),
    decidedAt: app.decidedAt?.toISOString() ?? null,
    voteId:
      voteRows
        .filter((v) => v.applicationId === app.id)
        .map((v) => v.id)
        .at(-1) ?? null,
  }));
}
