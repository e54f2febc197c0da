import type { AgendaMemo } from "../board/agenda.ts";
import { liaisonProblemsOn } from "../board/shared-inputs.ts";
import type { DbOrTx } from "./decisions.repo.ts";
import { type ApplicationView, listApplications } from "./list-applications.ts";
import { type LapsingTerm, listLapsingTerms } from "./list-lapsing-terms.ts";
import type { LiaisonProblem } from "./list-liaison-problems.ts";
import { listVotes } from "./list-votes.ts";
import type { VoteView } from "./vote-views.ts";

/** Everything the Board watches on one page. */
export interface BoardOverview {
  day: string;
  openVotes: VoteView[];
  openApplications: ApplicationView[];
  lapsingTerms: LapsingTerm[];
  liaisonProblems: LiaisonProblem[];
}

/** Every group's pending decisions, terms lapsing within `withinDays`, and Board Liaison problems. */
export async function getBoardOverview(input: {
  db: DbOrTx;
  day: string;
  viewerPersonId: number | null;
  withinDays?: number;
  /** Shared with the agenda on the same page (its liaison problems are the same). */
  memo?: AgendaMemo;
}): Promise<BoardOverview> {
  return {
    day: input.day,
    openVotes: await listVotes({ db: input.db, status: "open", viewerPersonId: input.viewerPersonId }),
    openApplications: await listApplications({ db: input.db, openOnly: true }),
    lapsingTerms: await listLapsingTerms({
      db: input.db,
      day: input.day,
      withinDays: input.withinDays ?? 30,
    }),
    liaisonProblems: await liaisonProblemsOn(input.db, input.day, input.memo),
  };
}
