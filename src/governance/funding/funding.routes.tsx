/**
 * Funding routes: a group's requests and the form to ask, the list with totals (and its CSV and
 * JSON), one request with its vote and spending, the Board's vote, spending, withdrawal. Thin:
 * parse, authorise, call one operation, render.
 */

import type { Context } from "hono";
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import { AppError } from "../../platform/errors.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { Id } from "../../platform/validation.ts";
import { loadGroup } from "../decisions/decisions.repo.ts";
import type { DecisionDeps } from "../decisions/deps.ts";
import type { Resource } from "../governance.policy.ts";
import { actorOf, can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { decisionActorOf, groupBySlug, SlugParams } from "../policy/route-subjects.ts";
import "./agenda-section.ts";
import { presentFunding, presentSpending } from "./funding.presenters.ts";
import { type FundingRecord, findFunding, spendingOf } from "./funding.repo.ts";
import { FundingListPage, FundingPage, GroupFundingPage, NewFundingPage } from "./funding.views.tsx";
import { openFundingVote, recordSpending, requestFunding, withdrawFunding } from "./funding-records.ts";
import { fundingCsv, getFundingOverview } from "./list-funding.ts";
import { FundingVoteInputSchema, RequestFundingInputSchema, SpendingInputSchema } from "./schemas.ts";

type Ctx = Context<AppEnv>;

const FundingParams = z.object({ id: Id.describe("The funding request's numeric id.") });

const FundingJson = z.object({
  id: z.number().int(),
  group: z.object({ slug: z.string(), name: z.string() }),
  requestedBy: z.string().nullable(),
  purpose: z.string(),
  description: z.string(),
  currency: z.string(),
  amountMinor: z.number().int(),
  amount: z.string(),
  amountText: z.string(),
  startsOn: z.string(),
  endsOn: z.string(),
  state: z.string(),
  approvedMinor: z.number().int().nullable(),
  approvedText: z.string().nullable(),
  spentMinor: z.number().int(),
  spentText: z.string(),
  remainingMinor: z.number().int().nullable(),
  decidedAt: z.string().nullable(),
  vote: z.object({ id: z.number().int(), status: z.string(), closesAt: z.string().nullable() }).nullable(),
  requestedAt: z.string(),
});
const TotalsJson = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  currency: z.string(),
  requests: z.number().int(),
  requestedMinor: z.number().int(),
  waitingMinor: z.number().int(),
  approvedMinor: z.number().int(),
  spentMinor: z.number().int(),
  requestedText: z.string(),
  waitingText: z.string(),
  approvedText: z.string(),
  spentText: z.string(),
});
const FundingResponse = z.object({ request: FundingJson });

/** The policy's resource for a stored funding request. */
export function fundingResourceOf(r: FundingRecord): Extract<Resource, { kind: "funding-request" }> {
  return {
    kind: "funding-request",
    requestId: r.id,
    groupId: r.groupId,
    requestedByPersonId: r.requestedByPersonId,
    requestedByUserId: r.requestedByUserId,
    state: r.state,
  };
}

/** The HTTP routes of funding requests. */
export function createFundingRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const deps: DecisionDeps = { database: services.database, clock: services.clock, log: services.log };
  const now = () => services.clock.now();

  const decisionActor = (c: Ctx) => decisionActorOf(c, services);
  /** Asks the Board for funding for the group as the signed-in participant (the form and the API alike). */
  const askFor = async (c: Ctx, slug: string, input: unknown) =>
    requestFunding({ deps, actor: await decisionActor(c), group: slug, input });
  const groupResource = groupBySlug(db);
  const fundingResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const request = await findFunding(db, params.id);
    if (!request) throw new AppError("not_found", { message: "No such funding request." });
    return { ...fundingResourceOf(request), request };
  };
  const fundingPage = async (c: Ctx, id: number) => {
    const { request, ...resource } = await fundingResource(c, { params: { id } });
    const spending = await spendingOf(db, id);
    return c.html(
      await renderPage(
        <FundingPage
          request={presentFunding(request)}
          description={request.description}
          spending={spending.map((s) => presentSpending(s, request.currency))}
          may={{
            decide: await can(c, services, "funding.decide", resource),
            spend: await can(c, services, "funding.record-spending", resource),
            withdraw: await can(c, services, "funding.withdraw", resource),
          }}
          asOf={now()}
        />,
      ),
    );
  };
  const newPage = async (c: Ctx, slug: string) => {
    const row = await loadGroup(db, slug);
    return c.html(await renderPage(<NewFundingPage group={row} />));
  };

  router.get("/funding", {
    action: "funding.list",
    handler: async (c) => {
      const overview = await getFundingOverview({ db, actor: await actorOf(c, services), now: now() });
      return c.html(await renderPage(<FundingListPage {...overview} asOf={now()} />));
    },
  });
  router.get("/funding.csv", {
    action: "funding.list",
    handler: async (c) =>
      c.body(await fundingCsv({ db, actor: await actorOf(c, services), now: now() }), 200, {
        "content-type": "text/csv; charset=utf-8",
        "content-disposition": 'attachment; filename="funding.csv"',
      }),
  });
  router.get("/api/funding", {
    summary:
      "Funding requests you may see (your groups'; every group's for the Board and site admins), with per-group, per-currency totals.",
    operationId: "listFunding",
    action: "funding.list",
    response: {
      description: "Newest first; amounts in minor units and as text.",
      schema: z.object({ on: z.string(), requests: z.array(FundingJson), totals: z.array(TotalsJson) }),
      name: "FundingList",
    },
    handler: async (c) =>
      c.json({
        on: dayOf(now()),
        ...(await getFundingOverview({ db, actor: await actorOf(c, services), now: now() })),
      }),
  });
  router.get("/groups/:slug/funding", {
    params: SlugParams,
    action: "group.view-private",
    resource: groupResource,
    handler: async (c, { resource }) => {
      const overview = await getFundingOverview({
        db,
        actor: await actorOf(c, services),
        now: now(),
        groupId: resource.groupId,
      });
      const { row, ...group } = resource;
      return c.html(
        await renderPage(
          <GroupFundingPage
            group={row}
            {...overview}
            mayRequest={row.status === "active" && (await can(c, services, "funding.request", group))}
            asOf={now()}
          />,
        ),
      );
    },
  });
  router.get("/groups/:slug/funding/new", {
    params: SlugParams,
    action: "funding.request",
    resource: groupResource,
    handler: (c, { params }) => newPage(c, params.slug),
  });
  router.post("/groups/:slug/funding/new", {
    params: SlugParams,
    form: RequestFundingInputSchema,
    action: "funding.request",
    resource: groupResource,
    page: (c, { params }) => newPage(c, params.slug),
    handler: async (c, { params, body }) => {
      const { id } = await askFor(c, params.slug, body);
      return c.redirect(`/funding/${id}`, 303);
    },
  });
  router.post("/api/groups/:slug/funding", {
    summary: "Ask the Board for funding on the group's behalf (its participants; scope groups).",
    operationId: "requestFunding",
    params: SlugParams,
    json: RequestFundingInputSchema,
    action: "funding.request",
    resource: groupResource,
    response: {
      status: 201,
      description: "Recorded, waiting for the Board.",
      schema: FundingResponse,
      name: "FundingResponse",
    },
    handler: async (c, { params, body }) => {
      const { id } = await askFor(c, params.slug, body);
      const request = await findFunding(db, id);
      if (!request) throw new Error("funding request vanished");
      return c.json({ request: presentFunding(request) }, 201);
    },
  });
  router.get("/funding/:id", {
    params: FundingParams,
    action: "funding.view",
    resource: fundingResource,
    handler: (c, { params }) => fundingPage(c, params.id),
  });
  router.get("/api/funding/:id", {
    summary: "One funding request with its amounts and vote (the asking group, the Board, site admins).",
    operationId: "getFunding",
    params: FundingParams,
    action: "funding.view",
    resource: fundingResource,
    response: { description: "The request.", schema: FundingResponse, name: "FundingResponse" },
    handler: (c, { resource }) => c.json({ request: presentFunding(resource.request) }),
  });
  router.post("/funding/:id/vote", {
    params: FundingParams,
    form: FundingVoteInputSchema,
    action: "funding.decide",
    resource: fundingResource,
    page: (c, { params }) => fundingPage(c, params.id),
    handler: async (c, { params, body }) => {
      const vote = await openFundingVote({
        deps,
        actor: await decisionActor(c),
        requestId: params.id,
        input: body,
      });
      return c.redirect(`/votes/${vote.id}`, 303);
    },
  });
  router.post("/funding/:id/spending", {
    params: FundingParams,
    form: SpendingInputSchema,
    action: "funding.record-spending",
    resource: fundingResource,
    page: (c, { params }) => fundingPage(c, params.id),
    handler: async (c, { params, body }) => {
      await recordSpending({ deps, actor: await decisionActor(c), requestId: params.id, input: body });
      return c.redirect(`/funding/${params.id}`, 303);
    },
  });
  router.post("/funding/:id/withdraw", {
    params: FundingParams,
    form: z.object({}),
    action: "funding.withdraw",
    resource: fundingResource,
    page: (c, { params }) => fundingPage(c, params.id),
    handler: async (c, { params }) => {
      await withdrawFunding({ deps, actor: await decisionActor(c), requestId: params.id });
      return c.redirect(`/funding/${params.id}`, 303);
    },
  });
  return router.app;
}
