import { and, desc, eq, inArray } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import type { DbOrTx } from "./decisions.repo.ts";

const { membershipApplications, groups, people } = schema;

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
  const rows = await input.db
    .select({
      app: membershipApplications,
      groupSlug: groups.slug,
      groupName: groups.name,
      personName: people.name,
    })
    .from(membershipApplications)
    .innerJoin(groups, eq(groups.id, membershipApplications.groupId))
    .innerJoin(people, eq(people.id, membershipApplications.personId))
    .where(
      and(
        input.groupId === undefined ? undefined : eq(membershipApplications.groupId, input.groupId),
        input.openOnly ? inArray(membershipApplications.status, ["pending", "voting"]) : undefined,
      ),
    )
    .orderBy(desc(membershipApplications.id));
  const ids = rows.map((r) => r.app.id);
  const voteRows = ids.length
    ? await input.db
        .select({ id: schema.votes.id, applicationId: schema.votes.applicationId })
        .from(schema.votes)
        .where(inArray(schema.votes.applicationId, ids))
    : [];
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
