/** Requests between groups for tests: what the "askers" group sends the "answerers" group. */
import type { Db } from "../../src/platform/db/index.ts";
import { insertGroup } from "./governance.ts";

/**
 * The two groups of the request tests: the askers (Asa Chair, Abe Member) and the answerers (Ann
 * Chair, Lia Liaison their Board Liaison, Ned Member), and their people's ids.
 */
export async function askersAndAnswerers(db: Db) {
  const askers = await insertGroup(db, {
    slug: "askers",
    name: "Askers Working Group",
    chairs: ["Asa Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: ["Abe Member"],
  });
  const answerers = await insertGroup(db, {
    slug: "answerers",
    name: "Answerers Working Group",
    chairs: ["Ann Chair"],
    coChairs: [],
    boardLiaisons: ["Lia Liaison"],
    members: ["Ned Member"],
  });
  const people = {
    askChair: askers.people.get("Asa Chair") ?? 0,
    member: askers.people.get("Abe Member") ?? 0,
    ansChair: answerers.people.get("Ann Chair") ?? 0,
    liaison: answerers.people.get("Lia Liaison") ?? 0,
    ansMember: answerers.people.get("Ned Member") ?? 0,
  };
  return { askers, answerers, people };
}

/**
 * A public review of the askers' sprint plan, asked of the answerers (an approval by 2026-12-05,
 * two weeks after the test application's today, 2026-11-21): the fields of the form and the API.
 */
export const sprintPlanReview = {
  target: "group:answerers",
  kind: "review",
  title: "Review our sprint plan",
  link: "https://example.org/plan",
  answerNeeded: "approval",
  deadline: "2026-12-05",
  visibility: "public",
};
