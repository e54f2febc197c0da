/** Requests between groups for tests: what the "askers" group sends the "answerers" group. */

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
