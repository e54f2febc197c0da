import { and, desc, eq, inArray } from "drizzle-orm";
import { schema } from "../../platform/db/index.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { admissionOf } from "../policy/membership-rule.ts";
import { type ApplicationState, type ApplicationVote, applicationState } from "./application-state.ts";
import type { DbOrTx } from "./decisions.repo.ts";

const { membershipApplications, groups, votes } = schema;

/** One of the viewer's own applications, with where it stands and what happens next. */
export interface MyApplication {
  id: number;
  group: { id: number; slug: string; name: string };
  createdAt: string;
  decidedAt: string | null;
  state: ApplicationState;
  /** The latest vote started on it, if any. */
  vote: ApplicationVote | null;
}

/** A person's applications (one group or all), newest first. Two queries. */
export async function listMyApplications(input: {
  db: DbOrTx;
  personId: number;
  groupId?: number;
}): Promise<MyApplication[]> {
  const rows = await input.db
    .select({
      app: membershipApplications,
      group: { id: groups.id, slug: groups.slug, name: groups.name, status: groups.status },
      charter: groups.charter,
    })
    .from(membershipApplications)
    .innerJoin(groups, eq(groups.id, membershipApplications.groupId))
    .where(
      and(
        eq(membershipApplications.personId, input.personId),
        input.groupId === undefined ? undefined : eq(membershipApplications.groupId, input.groupId),
      ),
    )
    .orderBy(desc(membershipApplications.id));
  const ids = rows.map((r) => r.app.id);
  const voteRows = ids.length
    ? await input.db
        .select({
          id: votes.id,
          applicationId: votes.applicationId,
          status: votes.status,
          closesAt: votes.closesAt,
          outcome: votes.outcome,
        })
        .from(votes)
        .where(inArray(votes.applicationId, ids))
        .orderBy(votes.id)
    : [];
  return rows.map(({ app, group, charter }) => {
    const latest = voteRows.filter((v) => v.applicationId === app.id).at(-1);
    const vote: ApplicationVote | null = latest
      ? {
          id: latest.id,
          status: latest.status === "closed" ? "closed" : "open",
          closesAt: latest.closesAt.toISOString(),
          outcome: latest.outcome === "passed" || latest.outcome === "failed" ? latest.outcome : null,
        }
      : null;
    const decidedAt = app.decidedAt?.toISOString() ?? null;
    return {
      id: app.id,
      group: { id: group.id, slug: group.slug, name: group.name },
      createdAt: app.createdAt.toISOString(),
      decidedAt,
      vote,
      state: applicationState({
        status: app.status,
        admission: admissionOf(groupResourceOf({ id: group.id, status: group.status, charter })),
        vote,
        decidedAt,
      }),
    };
  });
}
