/** Request routes: the stalled view, a group's requests, one request, the JSON API. Thin: parse, authorise, call, render. */
import type { Context } from "hono";
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Id } from "../../platform/validation.ts";
import { groupParticipants, loadGroup } from "../decisions/decisions.repo.ts";
import { type Resource, requestViewerOf } from "../governance.policy.ts";
import { actorOf, can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { suggestPeople } from "../registry/resolve-person.ts";
import type { RequestDeps } from "./deps.ts";
import "./agenda-section.ts";
import { decisionActorOf, groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import { getStalledView, listVisibleRequests, presentRequest, requestSides } from "./list-requests.ts";
import { OpenRequestFormSchema, OpenRequestInputSchema, openRequest } from "./open-request.ts";
import {
  AnswerInputSchema,
  acknowledgeRequest,
  answerRequest,
  CommentInputSchema,
  commentOnRequest,
  OwnerInputSchema,
  RequestSettingsSchema,
  reassignRequest,
  setRequestSettings,
} from "./request-records.ts";
import {
  allowsLazyConsensus,
  commentsOf,
  eventsOf,
  findRequest,
  type RequestRecord,
  targetGroups,
} from "./requests.repo.ts";
import {
  GroupRequestsPage,
  LIST_STATES,
  NewRequestPage,
  RequestPage,
  RequestsPage,
  StalledPage,
} from "./requests.views.tsx";
import { renderMedianChart } from "./requests-chart.ts";
import { addDays, MAX_DEADLINE_DAYS, REQUEST_KINDS } from "./rules.ts";

type Ctx = Context<AppEnv>;

const RequestParams = z.object({ id: Id.describe("The request's numeric id.") });

const RequestJson = z.object({
  id: z.number().int(),
  from: z.object({ slug: z.string(), name: z.string() }),
  to: z.object({ kind: z.string(), slug: z.string().nullable(), name: z.string(), role: z.string() }),
  pair: z.string(),
  kind: z.string(),
  title: z.string(),
  link: z.string().nullable(),
  subject: z.object({ type: z.string(), id: z.string() }).nullable(),
  answerNeeded: z.string(),
  deadline: z.string(),
  visibility: z.string(),
  lazyConsensus: z.boolean(),
  state: z.string(),
  outcome: z.string().nullable(),
  byLazyConsensus: z.boolean(),
  answerNote: z.string().nullable(),
  owner: z.string().nullable(),
  openedBy: z.string().nullable(),
  openedAt: z.string(),
  answeredAt: z.string().nullable(),
  answeredBy: z.string().nullable(),
  escalation: z.number().int(),
  daysWaiting: z.number().int(),
  stalled: z.enum(["past-deadline", "no-owner"]).nullable(),
});
const RequestResponse = z.object({ request: RequestJson });

/** The policy's resource for a stored request. */
export function requestResourceOf(r: RequestRecord): Extract<Resource, { kind: "request" }> {
  return { kind: "request", requestId: r.id, ...requestSides(r) };
}

/** The HTTP routes of requests between groups. */
export function createRequestsRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const deps: RequestDeps = { database: services.database, clock: services.clock, log: services.log };
  const today = () => dayOf(services.clock.now());

  const requestActor = async (c: Ctx) => ({
    ...(await decisionActorOf(c, services)),
    name: c.var.viewer?.name ?? "someone",
  });
  /** Opens a request from the group as the signed-in participant (the form and the API alike). */
  const openFrom = async (c: Ctx, slug: string, input: unknown) =>
    openRequest({ deps, actor: await requestActor(c), from: slug, input });
  const viewerOf = async (c: Ctx) => requestViewerOf(await actorOf(c, services), today());
  const groupResource = groupBySlug(db);
  const requestResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const request = await findRequest(db, params.id);
    if (!request) throw new AppError("not_found", { message: "No such request." });
    return { ...requestResourceOf(request), request };
  };
  const requestPage = async (c: Ctx, id: number) => {
    const request = await findRequest(db, id);
    if (!request) throw new AppError("not_found", { message: "No such request." });
    const resource = requestResourceOf(request);
    return c.html(
      await renderPage(
        <RequestPage
          request={presentRequest(request, today())}
          comments={await commentsOf(db, id)}
          events={await eventsOf(db, id)}
          mayAnswer={await can(c, services, "request.answer", resource)}
          mayComment={await can(c, services, "request.comment", resource)}
          mayReassign={await can(c, services, "request.reassign", resource)}
        />,
      ),
    );
  };
  const groupPage = async (c: Ctx, slug: string) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    return c.html(
      await renderPage(
        <GroupRequestsPage
          group={row}
          requests={
            await listVisibleRequests({ deps, viewer: await viewerOf(c), state: "all", groupId: row.id })
          }
          allowLazyConsensus={await allowsLazyConsensus(db, row.id)}
          maySet={await can(c, services, "request.settings", resource)}
          mayOpen={await can(c, services, "request.open", resource)}
        />,
      ),
    );
  };
  const newRequestPage = async (c: Ctx, slug: string) => {
    const group = await loadGroup(db, slug);
    const targets = (await targetGroups(db)).filter((g) => g.id !== group.id);
    const bySlug = (list: Awaited<ReturnType<typeof suggestPeople>>) =>
      list.map((p) => ({ value: p.person.slug, label: p.person.name }));
    const participants = await groupParticipants(db, group.id, today());
    return c.html(
      await renderPage(
        <NewRequestPage
          group={group}
          targets={targets}
          people={bySlug(await suggestPeople({ db }))}
          participants={bySlug(await suggestPeople({ db, among: participants }))}
          on={today()}
          maxDeadline={addDays(today(), MAX_DEADLINE_DAYS)}
          kinds={REQUEST_KINDS}
        />,
      ),
    );
  };

  router.get("/requests/stalled", {
    action: "site.view",
    handler: async (c) => {
      const view = await getStalledView({ deps, viewer: await viewerOf(c) });
      const chart = await renderMedianChart(view.medians);
      return c.html(await renderPage(<StalledPage {...view} chart={chart} />));
    },
  });
  router.get("/requests", {
    query: z.object({ state: z.enum(LIST_STATES).default("open") }),
    action: "site.view",
    handler: async (c, { query }) => {
      const viewer = await viewerOf(c);
      const requests = await listVisibleRequests({ deps, viewer, state: query.state });
      const openFor = c.var.viewer ? (await targetGroups(db)).filter((g) => viewer.groupIds.has(g.id)) : [];
      return c.html(
        await renderPage(
          <RequestsPage on={today()} state={query.state} requests={requests} openFor={openFor} />,
        ),
      );
    },
  });
  router.get("/api/requests", {
    summary:
      "Requests you may see: open (waiting for an answer), stalled (past the deadline or no owner) or all.",
    operationId: "listRequests",
    query: z.object({ state: z.enum(["open", "stalled", "all"]).default("open") }),
    action: "site.view",
    response: {
      description: "Oldest first.",
      schema: z.object({ state: z.string(), on: z.string(), requests: z.array(RequestJson) }),
      name: "RequestList",
    },
    handler: async (c, { query }) =>
      c.json({
        state: query.state,
        on: today(),
        requests: await listVisibleRequests({ deps, viewer: await viewerOf(c), state: query.state }),
      }),
  });
  router.get("/groups/:slug/requests", {
    params: SlugParams,
    action: "group.view",
    resource: groupResource,
    handler: (c, { params }) => groupPage(c, params.slug),
  });
  router.post("/groups/:slug/request-settings", {
    params: SlugParams,
    form: RequestSettingsSchema,
    action: "request.settings",
    resource: groupResource,
    page: (c, { params }) => groupPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      await setRequestSettings({
        deps,
        actor: await requestActor(c),
        groupId: resource.groupId,
        input: body,
      });
      return c.redirect(`/groups/${params.slug}/requests`, 303);
    },
  });
  router.get("/groups/:slug/requests/new", {
    params: SlugParams,
    action: "request.open",
    resource: groupResource,
    handler: (c, { params }) => newRequestPage(c, params.slug),
  });
  router.post("/groups/:slug/requests", {
    params: SlugParams,
    form: OpenRequestFormSchema,
    action: "request.open",
    resource: groupResource,
    page: (c, { params }) => newRequestPage(c, params.slug),
    handler: async (c, { params, body }) => {
      const { id } = await openFrom(c, params.slug, body);
      return c.redirect(`/requests/${id}`, 303);
    },
  });
  router.post("/api/groups/:slug/requests", {
    summary:
      "Open a request on the group's behalf to another group, the Board, the Steering Council or a person (scope groups).",
    operationId: "openRequest",
    params: SlugParams,
    json: OpenRequestInputSchema,
    action: "request.open",
    resource: groupResource,
    response: { status: 201, description: "Opened.", schema: RequestResponse, name: "RequestResponse" },
    handler: async (c, { params, body }) => {
      const { id } = await openFrom(c, params.slug, body);
      const request = await findRequest(db, id);
      if (!request) throw new Error("request vanished");
      return c.json({ request: presentRequest(request, today()) }, 201);
    },
  });
  router.get("/requests/:id", {
    params: RequestParams,
    action: "request.view",
    resource: requestResource,
    handler: (c, { params }) => requestPage(c, params.id),
  });
  router.get("/api/requests/:id", {
    summary: "One request (a private one: its two sides only, and the Board once escalated).",
    operationId: "getRequest",
    params: RequestParams,
    action: "request.view",
    resource: requestResource,
    response: { description: "The request.", schema: RequestResponse, name: "RequestResponse" },
    handler: (c, { resource }) => c.json({ request: presentRequest(resource.request, today()) }),
  });
  type RequestActor = Awaited<ReturnType<typeof requestActor>>;
  /** A form on a request's page: the signed-in side acts on the request, then sees its page again. */
  const postRequestForm = <I,>(
    path: string,
    form: z.ZodType<I>,
    action: "request.answer" | "request.reassign" | "request.comment",
    act: (actor: RequestActor, id: number, input: I) => Promise<unknown>,
  ) =>
    router.post(`/requests/:id/${path}`, {
      params: RequestParams,
      form,
      action,
      resource: requestResource,
      page: (c, { params }) => requestPage(c, params.id),
      handler: async (c, { params, body }) => {
        await act(await requestActor(c), params.id, body);
        return c.redirect(`/requests/${params.id}`, 303);
      },
    });
  postRequestForm("acknowledge", z.object({}), "request.answer", (actor, id) =>
    acknowledgeRequest({ deps, actor, id }),
  );
  postRequestForm("owner", OwnerInputSchema, "request.reassign", (actor, id, input) =>
    reassignRequest({ deps, actor, id, input }),
  );
  postRequestForm("answer", AnswerInputSchema, "request.answer", (actor, id, input) =>
    answerRequest({ deps, actor, id, input }),
  );
  router.post("/api/requests/:id/answer", {
    summary:
      "Answer a request: approved, rejected, changes-requested, or commented (the target side; scope groups).",
    operationId: "answerRequest",
    params: RequestParams,
    json: AnswerInputSchema,
    action: "request.answer",
    resource: requestResource,
    response: { description: "Answered.", schema: RequestResponse, name: "RequestResponse" },
    errors: { 409: "The request is already answered or has expired." },
    handler: async (c, { params, body }) => {
      await answerRequest({ deps, actor: await requestActor(c), id: params.id, input: body });
      const request = await findRequest(db, params.id);
      if (!request) throw new Error("request vanished");
      return c.json({ request: presentRequest(request, today()) });
    },
  });
  postRequestForm("comments", CommentInputSchema, "request.comment", (actor, id, input) =>
    commentOnRequest({ deps, actor, authorName: actor.name, id, input }),
  );
  return router.app;
}
