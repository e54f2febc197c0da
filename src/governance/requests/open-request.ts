/**
 * Opening a request from a group to another group, the Board, the Steering Council or a named
 * person. Other rooms call it through governance's door to ask about their own objects (a
 * registered subject type). The target is written `group:<slug>`, `person:<slug>`, `board` or
 * `steering-council`. Lazy consensus is refused unless the target group allows it.
 */
import { z } from "zod";
import { appendAudit, notify } from "../../kernel/index.ts";
import { dayOf } from "../../kernel/rules.ts";
import { AppError, validationError } from "../../platform/errors.ts";
import { Day, Flag, oneOf, optionalText, Slug, text } from "../../platform/validation.ts";
import { type DecisionActor, isParticipant } from "../decisions/decisions.repo.ts";
import type { RequestDeps } from "./deps.ts";
import { requestNoticeTemplate } from "./request.template.ts";
import {
  allowsLazyConsensus,
  findPerson,
  groupBySlug,
  insertRequest,
  lockRequest,
  targetRecipients,
} from "./requests.repo.ts";
import { ANSWERS_NEEDED, addDays, MAX_DEADLINE_DAYS, REQUEST_KINDS } from "./rules.ts";
import { requestSubjectOf } from "./subjects.ts";

/** An http(s) address. */
const Link = optionalText({ max: 500 }).refine(
  (v) => v === null || (/^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v)),
  { message: "must be an http:// or https:// address" },
);

/** Who a request goes to, as typed. */
const Target = z
  .string({ message: "must be board, steering-council, group:<slug> or person:<slug>" })
  .trim()
  .regex(/^(board|steering-council|(group|person):[\p{L}\p{N}][\p{L}\p{N}._~-]*)$/u, {
    message: "must be board, steering-council, group:<slug> or person:<slug>",
  });

/** What the opener gives. */
export const OpenRequestInputSchema = z.object({
  target: Target.describe("board, steering-council, group:<slug> or person:<slug>."),
  targetRole: optionalText({ max: 100 }).describe("Optional: the role the named person is asked in."),
  kind: oneOf(REQUEST_KINDS).describe("review, decision, information or access."),
  title: text({ max: 200 }).describe("What is asked, in a line."),
  link: Link.describe("Optional: an http(s) link to what the request is about."),
  subjectType: optionalText({ max: 100 }).describe("Optional: a Guildhall object's registered type."),
  subjectId: optionalText({ max: 100 }).describe("Optional: that object's id."),
  answerNeeded: oneOf(ANSWERS_NEEDED).describe("approval (approve, reject, changes) or comment."),
  deadline: Day.describe("The last day to answer (YYYY-MM-DD, UTC)."),
  visibility: oneOf(["public", "private"]).describe("public, or private: both sides only."),
  lazyConsensus: Flag.describe("Approved if nobody objects by the deadline (when the target allows it)."),
  owner: z
    .preprocess((v) => (v === "" ? undefined : v), Slug.optional())
    .describe("Optional: the person (slug) who owns it on the asking side; default the opener."),
});
/** What the opener gives, as typed. */
export type OpenRequestInput = z.input<typeof OpenRequestInputSchema>;

/** The form's "to" choice for a named person: the person's slug is typed in the `person` field. */
export const PERSON_TARGET = "person";

/**
 * The page form's fields: the same schema, with the target chosen from a list (`group:<slug>`,
 * `board`, `steering-council`, or `person` with the person's slug typed beside it). Its output is
 * the JSON route's input, so both reach `openRequest` alike.
 */
export const OpenRequestFormSchema = OpenRequestInputSchema.extend({
  target: z
    .string({ message: "choose who the request goes to" })
    .trim()
    .min(1, { message: "choose who the request goes to" }),
  person: z.preprocess((v) => (typeof v === "string" && v.trim() === "" ? undefined : v), Slug.optional()),
}).transform((v, ctx) => {
  const { person, ...rest } = v;
  if (v.target !== PERSON_TARGET) return rest;
  if (person === undefined) {
    ctx.addIssue({ code: "custom", path: ["person"], message: "name the person the request goes to" });
    return z.NEVER;
  }
  return { ...rest, target: `person:${person}` };
});

type NewRequest = Parameters<typeof insertRequest>[1];

const refuse = (field: string, message: string) =>
  new AppError("validation", { message: `Invalid ${field}: ${message}`, issues: [{ field, message }] });

/**
 * Opens a request from the group `from` (slug). A person acting must take part in that group
 * (a member opens it on the group's behalf); the command line and other rooms' system actors may
 * open for any group. Returns the new request's id.
 */
export async function openRequest(input: {
  deps: RequestDeps;
  actor: DecisionActor;
  from: string;
  input: unknown;
}): Promise<{ id: number }> {
  const parsed = OpenRequestInputSchema.safeParse(input.input);
  if (!parsed.success) throw validationError("request", parsed.error.issues);
  const body = parsed.data;
  const { database, clock } = input.deps;
  const now = clock.now();
  const today = dayOf(now);
  if (body.deadline <= today) throw refuse("deadline", `must be after today (${today})`);
  if (body.deadline > addDays(today, MAX_DEADLINE_DAYS)) {
    throw refuse("deadline", `must be within ${MAX_DEADLINE_DAYS} days`);
  }
  if ((body.subjectType === null) !== (body.subjectId === null)) {
    throw refuse(
      body.subjectType === null ? "subjectType" : "subjectId",
      "give both the type and the id, or neither",
    );
  }
  if (body.lazyConsensus && body.answerNeeded !== "approval") {
    throw refuse("lazyConsensus", "applies only to requests needing an approval");
  }
  return database.db.transaction(async (tx) => {
    const from = await groupBySlug(tx, input.from);
    if (!from) throw new AppError("not_found", { message: `No group "${input.from}".` });
    if (input.actor.personId !== null && !(await isParticipant(tx, from.id, input.actor.personId, today))) {
      throw new AppError("forbidden", {
        message: `Only ${from.name}'s participants open requests on its behalf.`,
      });
    }
    const [kind, ref] = body.target.includes(":") ? body.target.split(":", 2) : [body.target, ""];
    let targetGroupId: number | null = null;
    let targetPersonId: number | null = null;
    let toName = kind === "board" ? "the Board" : "the Steering Council";
    if (kind === "group") {
      const g = await groupBySlug(tx, ref ?? "");
      if (!g) throw refuse("target", `no group "${ref}"`);
      if (g.id === from.id) throw refuse("target", "a group does not send requests to itself");
      targetGroupId = g.id;
      toName = g.name;
    } else if (kind === "person") {
      const p = await findPerson(tx, ref ?? "");
      if (!p) throw refuse("target", `no person "${ref}"`);
      targetPersonId = p.id;
      toName = p.name;
    }
    if (body.lazyConsensus && (targetGroupId === null || !(await allowsLazyConsensus(tx, targetGroupId)))) {
      throw refuse("lazyConsensus", `${toName} does not take requests by lazy consensus`);
    }
    let ownerPersonId = input.actor.personId;
    if (body.owner !== undefined) {
      const p = await findPerson(tx, body.owner);
      if (!p) throw refuse("owner", `no person "${body.owner}"`);
      if (!(await isParticipant(tx, from.id, p.id, today))) {
        throw refuse("owner", `${p.name} does not take part in ${from.name}`);
      }
      ownerPersonId = p.id;
    }
    const title = body.title;
    if (body.subjectType !== null && body.subjectId !== null) {
      const subject = requestSubjectOf(body.subjectType);
      const found = await subject.load(tx, body.subjectId);
      if (!found) throw refuse("subjectId", `no ${body.subjectType} "${body.subjectId}"`);
    }
    const row: NewRequest = {
      fromGroupId: from.id,
      targetKind: kind ?? "board",
      targetGroupId,
      targetPersonId,
      targetRole: body.targetRole ?? "",
      kind: body.kind,
      title,
      link: body.link,
      subjectType: body.subjectType,
      subjectId: body.subjectId,
      answerNeeded: body.answerNeeded,
      deadline: body.deadline,
      visibility: body.visibility,
      lazyConsensus: body.lazyConsensus,
      state: "open",
      ownerPersonId,
      openedByUserId: input.actor.userId,
      openedByPersonId: input.actor.personId,
      openedAt: now,
      updatedAt: now,
    };
    const id = await insertRequest(tx, row);
    await appendAudit(tx, {
      by: input.actor,
      at: now,
      action: "request.opened",
      subjectType: "request",
      subjectId: id,
      after: { ...row, openedAt: now.toISOString(), updatedAt: undefined },
    });
    const saved = await lockRequest(tx, id);
    const recipients = saved ? await targetRecipients(tx, saved, today) : [];
    await notify(tx, {
      kind: "request.opened",
      template: requestNoticeTemplate,
      at: now,
      cause: `request:${id}`,
      items: recipients.map((personId) => ({
        to: { personId },
        dedupeKey: `request:${id}:opened:${personId}`,
        data: {
          requestId: id,
          title,
          fromName: from.name,
          toName,
          deadline: body.deadline,
          notice: "opened" as const,
        },
      })),
    });
    return { id };
  });
}
