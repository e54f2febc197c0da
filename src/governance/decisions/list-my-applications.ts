import { groupResourceOf } from "../policy/actor.repo.ts";
import { admissionOf } from "../policy/membership-rule.ts";
import { type ApplicationState, type ApplicationVote, applicationState } from "./application-state.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { selectApplicationsOf, votesOfApplications } from "./membership.repo.ts";

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
  const rows = await selectApplicationsOf(input.db, input.personId, input.groupId);
  const voteRows = await votesOfApplications(
    input.db,
    rows.map((r) => r.app.id),
  );
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
