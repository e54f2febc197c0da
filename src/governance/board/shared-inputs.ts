/**
 * What several parts of the Board's page need, computed once per request through the agenda's
 * memo (`shared` in agenda.ts): every group's reporting (the late-reports and defunct sections,
 * the forced-shutdown grounds, the page's reports table) and the Board Liaison problems (their
 * agenda section and the Board overview).
 */
import type { DbOrTx } from "../decisions/decisions.repo.ts";
import { listLiaisonProblems } from "../decisions/list-liaison-problems.ts";
import { groupReporting } from "../reports/reporting-status.ts";
import { type AgendaMemo, shared } from "./agenda.ts";

/** Every group's reporting on `day`, computed once per memo (the agenda, the page's reports table). */
export function reportingOn(db: DbOrTx, day: string, memo: AgendaMemo | undefined) {
  return shared(memo, `reporting:${day}`, () => groupReporting({ db, day, today: day }));
}

/** The Board Liaison problems on `day`, computed once per memo (the agenda, the Board overview). */
export function liaisonProblemsOn(db: DbOrTx, day: string, memo: AgendaMemo | undefined) {
  return shared(memo, `liaison-problems:${day}`, () => listLiaisonProblems({ db, day }));
}
