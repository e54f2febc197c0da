/** Routes of the marketing room: the delegation matrix (page, JSON, override) and content items. */
import { z } from "zod";
import { actorOf } from "../kernel/index.ts";
import { type Actor, foundationRolesOn, holdsOn } from "../kernel/rules.ts";
import type { Router } from "../platform/http/app.tsx";
import { renderPage } from "../platform/http/layout.tsx";
import type { Services } from "../platform/services.ts";
import { DateTime, Flag, Id, oneOf, optionalOneOf, optionalText, text } from "../platform/validation.ts";
import { addBlogRoutes } from "./blog/blog.routes.tsx";
import { addCalendarRoutes, PlanForm } from "./calendar.routes.tsx";
import { planItem } from "./campaigns/plan-item.ts";
import { CONTENT_KINDS, type ContentKind, DOC_TYPES, STEP_KINDS } from "./content-kinds.ts";
import { getMatrix } from "./get-matrix.ts";
import { createItem } from "./items/create-item.ts";
import { ItemFieldsSchema } from "./items/item-fields.ts";
import { moveItem } from "./items/move-item.ts";
import { restoreRevision } from "./items/restore-revision.ts";
import { reviewItem } from "./items/review-item.ts";
import { saveItem } from "./items/save-item.ts";
import { submitItem } from "./items/submit-item.ts";
import { takeEditLock } from "./items/take-edit-lock.ts";
import type { MarketingStrategyResource } from "./marketing.policy.ts";
import {
  findMarketingGroup,
  findRevision,
  getItem,
  getStrategyDocument,
  type ItemRow,
  listCampaigns,
  listGroupNames,
  listItems,
  listRevisions,
  listStrategyDocuments,
  liveSteps,
  loadItemResource,
  loadStrategyResource,
} from "./marketing.repo.ts";
import { can, createMarketingRoomRouter } from "./marketing.router.ts";
import { DiffPage, ItemPage, ItemsPage, MatrixPage } from "./marketing.views.tsx";
import { overrideMatrixRow } from "./override-matrix-row.ts";
import { renderMarkdown } from "./render-markdown.ts";
import { diffRevisions } from "./revision-diff.ts";
import { marketingRouteSubjects } from "./route-subjects.ts";
import { type StrategyEntry, StrategyListPage, StrategyPage } from "./strategy.views.tsx";
import { type ReviewerFacts, stepRefusal } from "./workflow.ts";

const NETWORKS = ["mastodon", "bluesky", "linkedin", "forum", "discord"] as const;

const StepSchema = z.object({
  step: z.enum(STEP_KINDS),
  group: z.string().nullable(),
  groupSlug: z.string().nullable(),
  who: z.string(),
});
const MatrixSchema = z.object({
  group: z.object({ slug: z.string(), name: z.string() }),
  source: z.object({ path: z.string().nullable(), commit: z.string().nullable(), asOf: z.string() }),
  rows: z.array(
    z.object({
      kind: z.enum(CONTENT_KINDS),
      label: z.string(),
      delegation: z.enum(["autonomous", "collaborative", "board"]),
      approvers: z.array(StepSchema),
      sources: z.array(
        z.object({ path: z.string().nullable(), line: z.number().int().nullable(), text: z.string() }),
      ),
      override: z.object({ reason: z.string(), by: z.string(), at: z.string() }).nullable(),
    }),
  ),
});

const OverrideForm = z.object({
  kind: oneOf(CONTENT_KINDS),
  member: Flag,
  board: Flag,
  reset: Flag,
  partners: z
    .union([z.string(), z.array(z.string())])
    .optional()
    .transform((v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((s) => s !== "")),
  finalCheck: z
    .preprocess((v) => (v === "" ? undefined : v), z.string().max(200).optional())
    .transform((v) => v ?? null),
  reason: text({ max: 1000, multiline: true }),
});

const NewItemForm = ItemFieldsSchema.extend({
  kind: oneOf(CONTENT_KINDS),
  network: optionalOneOf(NETWORKS),
  docType: optionalOneOf(DOC_TYPES),
});
const EditForm = ItemFieldsSchema.extend({ baseRevision: Id });
const ItemParams = z.object({ id: Id });
const ReviewForm = z.object({
  decision: oneOf(["approve", "request-changes"] as const),
  comment: optionalText({ max: 2000, multiline: true }),
});

const today = (now: Date) => now.toISOString().slice(0, 10);

/** What the review rules need to know of the person deciding. */
function reviewerOf(actor: Actor, now: Date): ReviewerFacts {
  const on = today(now);
  const roles = foundationRolesOn(actor, on);
  return {
    userId: actor.userId ?? -1,
    groupIds: new Set(actor.groupRoles.filter((r) => holdsOn(r, on)).map((r) => r.groupId)),
    board: roles.has("board-member"),
    steeringCouncil: roles.has("steering-council-member"),
  };
}

/** Routes of the marketing room. */
export function createMarketingRouter(services: Services): Router {
  const router = createMarketingRoomRouter(services);
  const db = services.database.db;
  const clock = services.clock;
  const { groupResource, by, mayOnGroup } = marketingRouteSubjects(services);
  type C = Parameters<Parameters<typeof router.get>[1]["handler"]>[0];

  const matrixPage = async (c: C) => {
    const m = await getMatrix({ db, clock });
    const canOverride = await mayOnGroup(c, "marketing.override-matrix");
    const groups = canOverride ? (await listGroupNames(db)).filter((g) => g.id !== m.group.id) : [];
    return c.html(await renderPage(<MatrixPage m={m} canOverride={canOverride} groups={groups} />));
  };

  router.get("/marketing/matrix", { handler: (c) => matrixPage(c) });

  router.get("/api/marketing/matrix", {
    summary:
      "The delegation matrix: for each kind of content, who must approve it and the charter line it comes from.",
    operationId: "getMarketingMatrix",
    response: { description: "The matrix.", schema: MatrixSchema, name: "MarketingMatrix" },
    errors: { 404: "No Marketing WG charter is imported." },
    action: "marketing.view-matrix",
    handler: async (c) => {
      const m = await getMatrix({ db, clock });
      return c.json({
        group: { slug: m.group.slug, name: m.group.name },
        source: { path: m.source.path, commit: m.source.commit, asOf: m.source.asOf.toISOString() },
        rows: m.rows.map((r) => ({
          kind: r.kind,
          label: r.label,
          delegation: r.delegation,
          approvers: r.steps.map((s) => ({
            step: s.step,
            group: s.group,
            groupSlug: s.groupSlug,
            who: s.who,
          })),
          sources: r.sources,
          override: r.override
            ? { reason: r.override.reason, by: r.override.byName, at: r.override.at.toISOString() }
            : null,
        })),
      });
    },
  });

  router.post("/marketing/matrix/override", {
    form: OverrideForm,
    action: "marketing.override-matrix",
    resource: groupResource,
    page: (c) => matrixPage(c),
    handler: async (c, { body }) => {
      await overrideMatrixRow({ db, clock, ...body, kind: body.kind as ContentKind, by: by(c) });
      return c.redirect("/marketing/matrix", 303);
    },
  });

  const itemsPage = async (c: C) => {
    const canWrite = await mayOnGroup(c, "marketing.write");
    return c.html(await renderPage(<ItemsPage items={await listItems(db, canWrite)} canWrite={canWrite} />));
  };

  router.get("/marketing/items", { handler: (c) => itemsPage(c) });

  router.post("/marketing/items", {
    form: NewItemForm,
    action: "marketing.write",
    resource: groupResource,
    page: (c) => itemsPage(c),
    handler: async (c, { body }) => {
      const { kind, network, docType, ...fields } = body;
      const { id } = await createItem({
        db,
        clock,
        kind,
        network: network ?? null,
        docType: docType ?? null,
        fields,
        by: by(c),
      });
      return c.redirect(
        kind === "strategy-document" ? `/marketing/strategy/${id}` : `/marketing/items/${id}`,
        303,
      );
    },
  });

  const itemResource = (_c: C, { params }: { params: { id: number } }) => loadItemResource(db, params.id);

  const itemPage = async (c: C, id: number, actor: Actor) => {
    const item = await getItem(db, id);
    const canWrite = await can(c, services, "marketing.write", groupResource);
    const steps = await liveSteps(db, id);
    const now = clock.now();
    const campaigns = canWrite ? (await listCampaigns(db)).map((k) => ({ id: k.id, name: k.name })) : [];
    const decidable = new Set<number>();
    if (c.var.viewer && item.state === "in-review") {
      const group = await findMarketingGroup(db);
      const revisions = await listRevisions(db, id);
      const authors = new Set(revisions.flatMap((r) => (r.byUserId === null ? [] : [r.byUserId])));
      if (item.createdByUserId !== null) authors.add(item.createdByUserId);
      const reviewer = reviewerOf(actor, now);
      for (const s of steps) {
        const refusal = stepRefusal({
          step: {
            step: s.step as (typeof STEP_KINDS)[number],
            groupId: s.groupId,
            dueAt: s.dueAt,
            status: s.status as "pending",
          },
          reviewer,
          groupId: group?.id ?? -1,
          authorUserIds: authors,
          now,
        });
        if (refusal === null) decidable.add(s.id);
      }
    }
    return c.html(
      await renderPage(
        <ItemPage
          item={item}
          html={renderMarkdown(item.body)}
          revisions={canWrite ? await listRevisions(db, id) : []}
          steps={steps}
          o={{ canWrite, decidable, viewerId: c.var.viewer?.userId ?? null, now, campaigns }}
        />,
      ),
    );
  };

  const pageOf = async (c: C, { params }: { params: { id: number } }) =>
    itemPage(c, params.id, await actorOf(c, services));

  router.get("/marketing/items/:id", {
    params: ItemParams,
    action: "marketing.view-item",
    resource: itemResource,
    handler: async (c, { params, actor }) => itemPage(c, params.id, await actor()),
  });

  router.get("/marketing/items/:id/diff", {
    params: ItemParams,
    query: z.object({ from: Id.optional(), to: Id.optional() }),
    action: "marketing.write",
    resource: groupResource,
    handler: async (c, { params, query }) => {
      const item = await getItem(db, params.id);
      const revisions = await listRevisions(db, params.id);
      const find = (n: number) => revisions.find((r) => r.number === n);
      // By default: the first revision against the current one.
      const from = find(query.from ?? 1);
      const to = find(query.to ?? item.revision);
      if (!from || !to) return c.notFound();
      const parts = diffRevisions(
        { title: from.title, body: from.body, fields: from.fields as Record<string, unknown> },
        { title: to.title, body: to.body, fields: to.fields as Record<string, unknown> },
      );
      return c.html(
        await renderPage(<DiffPage item={item} from={from.number} to={to.number} parts={parts} />),
      );
    },
  });

  router.post("/marketing/items/:id", {
    params: ItemParams,
    form: EditForm,
    action: "marketing.write",
    resource: groupResource,
    page: pageOf,
    handler: async (c, { params, body }) => {
      const { baseRevision, ...fields } = body;
      await saveItem({ db, clock, itemId: params.id, baseRevision, fields, by: by(c) });
      return c.redirect(`/marketing/items/${params.id}`, 303);
    },
  });

  router.post("/marketing/items/:id/lock", {
    params: ItemParams,
    action: "marketing.write",
    resource: groupResource,
    page: pageOf,
    handler: async (c, { params }) => {
      await takeEditLock({ db, clock, itemId: params.id, by: by(c) });
      return c.redirect(`/marketing/items/${params.id}#edit-heading`, 303);
    },
  });

  router.post("/marketing/items/:id/submit", {
    params: ItemParams,
    action: "marketing.write",
    resource: groupResource,
    page: pageOf,
    handler: async (c, { params }) => {
      await submitItem({ database: services.database, clock, itemId: params.id, by: by(c) });
      return c.redirect(`/marketing/items/${params.id}`, 303);
    },
  });

  router.post("/marketing/items/:id/steps/:step", {
    params: z.object({ id: Id, step: Id }),
    form: ReviewForm,
    action: "marketing.review",
    resource: itemResource,
    page: pageOf,
    handler: async (c, { params, body, actor }) => {
      await reviewItem({
        db,
        clock,
        itemId: params.id,
        stepId: params.step,
        decision: body.decision,
        comment: body.comment,
        reviewer: reviewerOf(await actor(), clock.now()),
        by: by(c),
      });
      return c.redirect(`/marketing/items/${params.id}`, 303);
    },
  });

  for (const move of ["schedule", "publish", "archive"] as const) {
    router.post(`/marketing/items/:id/${move}`, {
      params: ItemParams,
      form: move === "schedule" ? z.object({ at: DateTime }) : z.object({}),
      action: "marketing.write",
      resource: groupResource,
      page: pageOf,
      handler: async (c, { params, body }) => {
        const at = "at" in body ? new Date(String(body.at)) : null;
        await moveItem({ db, clock, itemId: params.id, move, at, by: by(c) });
        return c.redirect(`/marketing/items/${params.id}`, 303);
      },
    });
  }

  router.post("/marketing/items/:id/revisions/:number/restore", {
    params: z.object({ id: Id, number: Id }),
    action: "marketing.write",
    resource: groupResource,
    page: pageOf,
    handler: async (c, { params }) => {
      await restoreRevision({ db, clock, itemId: params.id, number: params.number, by: by(c) });
      return c.redirect(`/marketing/items/${params.id}`, 303);
    },
  });

  // Strategy documents: the approved revision for DSF members, drafts for the group.
  const entryOf = async (item: ItemRow): Promise<StrategyEntry> => ({
    item,
    approved: item.approvedRevisionId === null ? null : await findRevision(db, item.approvedRevisionId),
  });
  const strategyList = async (): Promise<MarketingStrategyResource> => ({
    kind: "marketing-strategy",
    groupId: (await findMarketingGroup(db))?.id ?? null,
    approved: true,
  });

  router.get("/marketing/strategy", {
    action: "marketing.view-strategy",
    resource: strategyList,
    handler: async (c) => {
      const group = await findMarketingGroup(db);
      const isGroup = await can(c, services, "marketing.write", groupResource);
      const docs = (await listStrategyDocuments(db)).filter((d) => isGroup || d.approvedRevisionId !== null);
      const entries = await Promise.all(docs.map(entryOf));
      return c.html(
        await renderPage(
          <StrategyListPage entries={entries} isGroup={isGroup} groupName={group?.name ?? "Marketing WG"} />,
        ),
      );
    },
  });

  router.get("/marketing/strategy/:id", {
    params: ItemParams,
    action: "marketing.view-strategy",
    resource: (_c, { params }) => loadStrategyResource(db, params.id),
    handler: async (c, { params }) => {
      const item = await getStrategyDocument(db, params.id);
      const isGroup = await can(c, services, "marketing.write", groupResource);
      const entry = await entryOf(item);
      const a = entry.approved;
      let changes = null;
      if (isGroup && a && a.number !== item.revision) {
        const current = (await listRevisions(db, item.id)).find((r) => r.number === item.revision);
        if (current) {
          changes = diffRevisions(
            { title: a.title, body: a.body, fields: a.fields as Record<string, unknown> },
            { title: current.title, body: current.body, fields: current.fields as Record<string, unknown> },
          );
        }
      }
      return c.html(
        await renderPage(
          <StrategyPage
            entry={entry}
            approvedHtml={a ? renderMarkdown(a.body) : null}
            isGroup={isGroup}
            draftHtml={isGroup && !a ? renderMarkdown(item.body) : null}
            changes={changes}
          />,
        ),
      );
    },
  });
  addBlogRoutes(router, services);
  router.post("/marketing/items/:id/plan", {
    params: ItemParams,
    form: PlanForm,
    action: "marketing.plan",
    resource: groupResource,
    page: pageOf,
    handler: async (c, { params, body }) => {
      await planItem({
        db,
        clock,
        itemId: params.id,
        campaignId: body.campaign,
        plannedOn: body.plannedOn,
        by: by(c),
      });
      return c.redirect(`/marketing/items/${params.id}`, 303);
    },
  });

  addCalendarRoutes(router, services);

  return router.app;
}
