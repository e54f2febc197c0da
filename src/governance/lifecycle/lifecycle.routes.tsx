/**
 * Lifecycle routes: proposals (pages, JSON API, the files a pull request carries), a group's
 * charter changes and shutdown, the checklists, and the lifecycle's Board agenda items.
 * Thin: parse, authorise, call one operation, render.
 */

import type { Context } from "hono";
import { z } from "zod";
import { dayOf } from "../../kernel/rules.ts";
import type { AppEnv, Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { DateTime, Id, optionalText } from "../../platform/validation.ts";
import { checkCharter } from "../charter/check-charter.ts";
import { renderCharterMarkdown } from "../charter/render-charter.ts";
import type { ParsedCharter } from "../charter/types.ts";
import { loadGroup, type VoteRow } from "../decisions/decisions.repo.ts";
import type { DecisionDeps } from "../decisions/deps.ts";
import type { Resource } from "../governance.policy.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { can } from "../policy/authorize.ts";
import { createRoomRouter } from "../policy/room-router.ts";
import { changePatch } from "./change-patch.ts";
import "./lifecycle-agenda.ts";
import { decisionActorOf, SlugParams } from "../policy/route-subjects.ts";
import { DraftProposalInputSchema, draftProposal } from "./draft-proposal.ts";
import { groupStanding } from "./group-standing.ts";
import {
  ChangeJson,
  ChecklistJson,
  LifecycleJson,
  ProposalJson,
  ProposalResponse,
  presentChange,
  presentProposal,
  presentShutdown,
  ShutdownJson,
  VoteJson,
} from "./lifecycle.presenters.ts";
import {
  loadChange,
  loadGroupRow,
  loadProposal,
  loadShutdown,
  type ProposalWithText,
  type ShutdownRow,
  selectChanges,
  selectChecklist,
  selectProposals,
  selectRevisions,
  selectShutdowns,
  votesById,
} from "./lifecycle.repo.ts";
import {
  CharterChangePage,
  GroupLifecyclePage,
  NewProposalPage,
  ProposalPage,
  ProposalsPage,
} from "./lifecycle.views.tsx";
import { LifecycleAgendaSchema, listLifecycleAgendaItems } from "./list-lifecycle-agenda-items.ts";
import { markProposalReady } from "./mark-proposal-ready.ts";
import { openLifecycleVote } from "./open-lifecycle-vote.ts";
import { CharterChangeInputSchema, currentMarkdown, proposeCharterChange } from "./propose-charter-change.ts";
import { ChecklistStepInputSchema, recordChecklistStep } from "./record-checklist-step.ts";
import { ProposalFeedbackInputSchema, recordProposalFeedback } from "./record-proposal-feedback.ts";
import { ReviseProposalInputSchema, reviseProposal } from "./revise-proposal.ts";
import { ForcedShutdownInputSchema, startShutdown, VoluntaryShutdownInputSchema } from "./start-shutdown.ts";

type Ctx = Context<AppEnv>;

const IdParams = z.object({ id: Id.describe("The record's numeric id.") });
const ClosesAt = DateTime.describe("When the vote closes (ISO 8601, in the future).");
const VoteBody = z.object({
  closesAt: ClosesAt,
  description: optionalText({ multiline: true, max: 2000 }).describe("What the Board is asked, in words."),
});
const VoluntaryBody = VoluntaryShutdownInputSchema.extend({ closesAt: ClosesAt });
const ForcedBody = ForcedShutdownInputSchema.extend({
  closesAt: z.preprocess((v) => (v === "" ? undefined : v), ClosesAt.optional()),
});

/** The lifecycle's HTTP routes. */
export function createLifecycleRouter(services: Services): Router {
  const router = createRoomRouter(services);
  const db = services.database.db;
  const deps: DecisionDeps = { database: services.database, clock: services.clock, log: services.log };
  const today = () => dayOf(services.clock.now());

  const actor = (c: Ctx) => decisionActorOf(c, services);
  const proposalResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const proposal = await loadProposal(db, params.id);
    return {
      kind: "proposal",
      proposalId: proposal.id,
      status: proposal.status,
      authorPersonId: proposal.authorPersonId,
      authorUserId: proposal.authorUserId,
      proposal,
    } satisfies Resource & { proposal: ProposalWithText };
  };
  const groupRow = async (ref: number | string) => {
    const row = await loadGroup(db, ref);
    return loadGroupRow(db, row.id);
  };
  const groupResource = async (_c: Ctx, { params }: { params: { slug: string } }) => {
    const row = await groupRow(params.slug);
    return { ...groupResourceOf(row), row };
  };
  const changeResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const change = await loadChange(db, params.id);
    const row = await groupRow(change.groupId);
    return { ...groupResourceOf(row), row, change };
  };
  const shutdownResource = async (_c: Ctx, { params }: { params: { id: number } }) => {
    const shutdown = await loadShutdown(db, params.id);
    const row = await groupRow(shutdown.groupId);
    return { ...groupResourceOf(row), row, shutdown };
  };
  const voteOf = async (id: number | null): Promise<VoteRow | null> =>
    id === null ? null : ((await votesById(db, [id])).get(id) ?? null);

  const proposalPatch = async (p: ProposalWithText) => {
    const first = p.source === "import" ? (await selectRevisions(db, p.id))[0] : undefined;
    return changePatch({
      path: `proposals/${p.slug}.md`,
      before: first?.markdown ?? null,
      after: p.revision.markdown,
    });
  };
  const shutdownJson = async (sd: ShutdownRow, slug: string) =>
    presentShutdown(sd, slug, await selectChecklist(db, "shutdown", sd.id));
  /** Proposals the viewer may see: every one past draft, and the drafts the policy lets them read. */
  const visibleProposals = async (c: Ctx) => {
    const all = await selectProposals(db);
    const out: ProposalWithText[] = [];
    for (const p of all) {
      const resource = {
        kind: "proposal" as const,
        proposalId: p.id,
        status: p.status,
        authorPersonId: p.authorPersonId,
        authorUserId: p.authorUserId,
      };
      if (p.status !== "draft" || (await can(c, services, "proposal.view", resource))) out.push(p);
    }
    return out;
  };

  const proposalPage = async (c: Ctx, id: number) => {
    const { proposal, ...resource } = await proposalResource(c, { params: { id } });
    return c.html(
      await renderPage(
        <ProposalPage
          proposal={proposal}
          revisions={await selectRevisions(db, proposal.id)}
          findings={checkCharter(proposal.charter)}
          checklist={await selectChecklist(db, "proposal", proposal.id)}
          vote={await voteOf(proposal.voteId)}
          may={{
            edit: await can(c, services, "proposal.edit", resource),
            decide: await can(c, services, "lifecycle.board-decide", { kind: "site" }),
            setUp: await can(c, services, "proposal.set-up", resource),
          }}
        />,
      ),
    );
  };
  const groupPage = async (c: Ctx, slug: string) => {
    const { row, ...resource } = await groupResource(c, { params: { slug } });
    const shutdowns = await selectShutdowns(db, { groupId: row.id });
    const standing = await groupStanding({ db, group: row, day: today() });
    return c.html(
      await renderPage(
        <GroupLifecyclePage
          group={row}
          currentMarkdown={currentMarkdown(row.charter as ParsedCharter)}
          changes={(await selectChanges(db, { groupId: row.id })).map((r) => r.change)}
          shutdowns={
            await Promise.all(
              shutdowns.map(async ({ shutdown }) => ({
                shutdown,
                checklist: await selectChecklist(db, "shutdown", shutdown.id),
                vote: await voteOf(shutdown.voteId),
              })),
            )
          }
          grounds={row.status === "active" ? standing.grounds : []}
          today={today()}
          may={{
            propose: await can(c, services, "group.propose-change", resource),
            applyDirectly: await can(c, services, "group.edit-arrangements", resource),
            shutDown: await can(c, services, "group.shut-down", resource),
            boardDecide: await can(c, services, "lifecycle.board-decide", resource),
            archive: await can(c, services, "group.archive", resource),
          }}
        />,
      ),
    );
  };
  const changePage = async (c: Ctx, id: number) => {
    const { row, change } = await changeResource(c, { params: { id } });
    return c.html(
      await renderPage(
        <CharterChangePage
          change={change}
          group={row}
          vote={await voteOf(change.voteId)}
          mayDecide={await can(c, services, "lifecycle.board-decide", { kind: "site" })}
        />,
      ),
    );
  };
  const text = (c: Ctx, body: string, type: "markdown" | "diff") =>
    c.body(body, 200, {
      "content-type": type === "markdown" ? "text/markdown; charset=utf-8" : "text/x-diff; charset=utf-8",
    });

  // Proposals: pages.
  router.get("/proposals", {
    handler: async (c) =>
      c.html(
        await renderPage(
          <ProposalsPage
            proposals={await visibleProposals(c)}
            mayDraft={await can(c, services, "proposal.draft", { kind: "site" })}
          />,
        ),
      ),
  });
  router.get("/proposals/new", {
    action: "proposal.draft",
    handler: async (c) => c.html(await renderPage(<NewProposalPage />)),
  });
  router.post("/proposals", {
    form: DraftProposalInputSchema,
    action: "proposal.draft",
    page: async (c) => c.html(await renderPage(<NewProposalPage />)),
    handler: async (c, { body }) => {
      const p = await draftProposal({ deps, actor: await actor(c), input: body });
      return c.redirect(`/proposals/${p.id}`, 303);
    },
  });
  router.get("/proposals/:id", {
    params: IdParams,
    action: "proposal.view",
    resource: proposalResource,
    handler: (c, { params }) => proposalPage(c, params.id),
  });
  router.get("/proposals/:id/charter.md", {
    params: IdParams,
    action: "proposal.view",
    resource: proposalResource,
    handler: async (c, { resource }) =>
      text(c, (await proposalPatch(resource.proposal)).markdown, "markdown"),
  });
  router.get("/proposals/:id/charter.diff", {
    params: IdParams,
    action: "proposal.view",
    resource: proposalResource,
    handler: async (c, { resource }) => text(c, (await proposalPatch(resource.proposal)).diff, "diff"),
  });
  router.post("/proposals/:id/revisions", {
    params: IdParams,
    form: ReviseProposalInputSchema,
    action: "proposal.edit",
    resource: proposalResource,
    page: (c, { params }) => proposalPage(c, params.id),
    handler: async (c, { params, body }) => {
      await reviseProposal({ deps, actor: await actor(c), proposalId: params.id, input: body });
      return c.redirect(`/proposals/${params.id}`, 303);
    },
  });
  router.post("/proposals/:id/ready", {
    params: IdParams,
    action: "proposal.edit",
    resource: proposalResource,
    page: (c, { params }) => proposalPage(c, params.id),
    handler: async (c, { params }) => {
      await markProposalReady({ deps, actor: await actor(c), proposalId: params.id });
      return c.redirect(`/proposals/${params.id}`, 303);
    },
  });
  router.post("/proposals/:id/vote", {
    params: IdParams,
    form: VoteBody,
    action: "lifecycle.board-decide",
    page: (c, { params }) => proposalPage(c, params.id),
    handler: async (c, { params, body }) => {
      const vote = await openLifecycleVote({
        deps,
        actor: await actor(c),
        subject: { kind: "proposal", id: params.id },
        input: body,
      });
      return c.redirect(`/votes/${vote.id}`, 303);
    },
  });
  router.post("/proposals/:id/feedback", {
    params: IdParams,
    form: ProposalFeedbackInputSchema,
    action: "lifecycle.board-decide",
    page: (c, { params }) => proposalPage(c, params.id),
    handler: async (c, { params, body }) => {
      await recordProposalFeedback({ deps, actor: await actor(c), proposalId: params.id, input: body });
      return c.redirect(`/proposals/${params.id}`, 303);
    },
  });
  router.post("/proposals/:id/checklist", {
    params: IdParams,
    form: ChecklistStepInputSchema,
    action: "proposal.set-up",
    resource: proposalResource,
    page: (c, { params }) => proposalPage(c, params.id),
    handler: async (c, { params, body }) => {
      await recordChecklistStep({
        deps,
        actor: await actor(c),
        subject: { kind: "proposal", id: params.id },
        input: body,
      });
      return c.redirect(`/proposals/${params.id}`, 303);
    },
  });

  // Proposals: JSON API.
  router.get("/api/proposals", {
    summary:
      "Proposed groups you may see: every proposal past draft, and drafts you wrote (the Board sees all).",
    operationId: "listProposals",
    response: {
      description: "Newest first.",
      schema: z.object({ proposals: z.array(ProposalJson) }),
      name: "ProposalList",
    },
    handler: async (c) => c.json({ proposals: (await visibleProposals(c)).map(presentProposal) }),
  });
  router.post("/api/proposals", {
    summary:
      "Draft a proposal for a new group (anyone signed in; scope groups). Without markdown: the template.",
    operationId: "draftProposal",
    json: DraftProposalInputSchema,
    action: "proposal.draft",
    response: {
      status: 201,
      description: "Drafted (revision 1).",
      schema: ProposalResponse,
      name: "ProposalResponse",
    },
    errors: { 409: "The slug is taken by a group or another proposal." },
    handler: async (c, { body }) =>
      c.json(
        { proposal: presentProposal(await draftProposal({ deps, actor: await actor(c), input: body })) },
        201,
      ),
  });
  router.get("/api/proposals/:id", {
    summary: "One proposal: its latest text, its completeness check field by field, its vote.",
    operationId: "getProposal",
    params: IdParams,
    action: "proposal.view",
    resource: proposalResource,
    response: { description: "The proposal.", schema: ProposalResponse, name: "ProposalResponse" },
    handler: (c, { resource }) => c.json({ proposal: presentProposal(resource.proposal) }),
  });
  router.post("/api/proposals/:id/revisions", {
    summary:
      "Save a new revision (its author; scope groups); a proposal ready for review or rejected goes back to draft.",
    operationId: "reviseProposal",
    params: IdParams,
    json: ReviseProposalInputSchema,
    action: "proposal.edit",
    resource: proposalResource,
    response: { status: 201, description: "Saved.", schema: ProposalResponse, name: "ProposalResponse" },
    errors: { 409: "The proposal is being voted on or decided." },
    handler: async (c, { params, body }) =>
      c.json(
        {
          proposal: presentProposal(
            await reviseProposal({ deps, actor: await actor(c), proposalId: params.id, input: body }),
          ),
        },
        201,
      ),
  });
  router.post("/api/proposals/:id/ready", {
    summary:
      "Mark a complete draft ready for review: the liaisons and the Board are notified (its author; scope groups).",
    operationId: "markProposalReady",
    params: IdParams,
    action: "proposal.edit",
    resource: proposalResource,
    response: { description: "Ready for review.", schema: ProposalResponse, name: "ProposalResponse" },
    errors: { 409: "Not a draft, or the slug is taken.", 422: "Something required is missing." },
    handler: async (c, { params }) =>
      c.json({
        proposal: presentProposal(
          await markProposalReady({ deps, actor: await actor(c), proposalId: params.id }),
        ),
      }),
  });
  router.post("/api/proposals/:id/vote", {
    summary: "Open the Board's vote on a proposal ready for review (Board members; scope votes).",
    operationId: "openProposalVote",
    params: IdParams,
    json: VoteBody,
    action: "lifecycle.board-decide",
    response: { status: 201, description: "Opened.", schema: VoteJson, name: "LifecycleVote" },
    errors: { 409: "The proposal is not ready for review, or a vote is open." },
    handler: async (c, { params, body }) => {
      const v = await openLifecycleVote({
        deps,
        actor: await actor(c),
        subject: { kind: "proposal", id: params.id },
        input: body,
      });
      return c.json({ vote: { id: v.id, kind: v.kind, closesAt: v.closesAt.toISOString() } }, 201);
    },
  });
  router.post("/api/proposals/:id/feedback", {
    summary: "Give the Board's feedback on a rejected proposal (Board members; scope votes).",
    operationId: "giveProposalFeedback",
    params: IdParams,
    json: ProposalFeedbackInputSchema,
    action: "lifecycle.board-decide",
    response: { description: "Saved.", schema: ProposalResponse, name: "ProposalResponse" },
    errors: { 409: "The proposal is not rejected." },
    handler: async (c, { params, body }) =>
      c.json({
        proposal: presentProposal(
          await recordProposalFeedback({ deps, actor: await actor(c), proposalId: params.id, input: body }),
        ),
      }),
  });
  router.post("/api/proposals/:id/checklist", {
    summary:
      "Record a set-up step of an approved group; the last makes it active (author, Board; scope groups).",
    operationId: "recordSetupStep",
    params: IdParams,
    json: ChecklistStepInputSchema,
    action: "proposal.set-up",
    resource: proposalResource,
    response: { status: 201, description: "Recorded.", schema: ChecklistJson, name: "ChecklistResult" },
    errors: { 409: "Not approved, or the step is already recorded." },
    handler: async (c, { params, body }) =>
      c.json(
        await recordChecklistStep({
          deps,
          actor: await actor(c),
          subject: { kind: "proposal", id: params.id },
          input: body,
        }),
        201,
      ),
  });

  // A group's charter changes and shutdown.
  router.get("/groups/:slug/lifecycle", {
    params: SlugParams,
    action: "group.view",
    resource: groupResource,
    handler: (c, { params }) => groupPage(c, params.slug),
  });
  router.get("/api/groups/:slug/lifecycle", {
    summary:
      "A group's charter changes (classified, with the file and diff), shutdowns and the forced grounds that hold today.",
    operationId: "getGroupLifecycle",
    params: SlugParams,
    action: "group.view",
    resource: groupResource,
    response: { description: "As of today.", schema: LifecycleJson, name: "GroupLifecycle" },
    handler: async (c, { resource }) => {
      const row = resource.row;
      const standing = await groupStanding({ db, group: row, day: today() });
      return c.json({
        group: { slug: row.slug, name: row.name, status: row.status },
        on: today(),
        grounds: row.status === "active" ? standing.grounds : [],
        changes: (await selectChanges(db, { groupId: row.id })).map((r) => presentChange(r.change, row)),
        shutdowns: await Promise.all(
          (await selectShutdowns(db, { groupId: row.id })).map((r) => shutdownJson(r.shutdown, row.slug)),
        ),
      });
    },
  });
  const submitChange = async (c: Ctx, slug: string, body: unknown, resource: Resource) =>
    proposeCharterChange({
      deps,
      actor: await actor(c),
      slug,
      input: body,
      mayApplyDirectly: await can(c, services, "group.edit-arrangements", resource),
    });
  router.post("/groups/:slug/charter-changes", {
    params: SlugParams,
    form: CharterChangeInputSchema,
    action: "group.propose-change",
    resource: groupResource,
    page: (c, { params }) => groupPage(c, params.slug),
    handler: async (c, { params, body, resource }) => {
      const { row: _row, ...policyResource } = resource;
      const change = await submitChange(c, params.slug, body, policyResource);
      return c.redirect(`/charter-changes/${change.id}`, 303);
    },
  });
  router.post("/api/groups/:slug/charter-changes", {
    summary:
      "Change a group's charter (participants; scope groups): arrangements apply at once (Chair, Co-Chair), substantive changes wait for the Board.",
    operationId: "proposeCharterChange",
    params: SlugParams,
    json: CharterChangeInputSchema,
    action: "group.propose-change",
    resource: groupResource,
    response: {
      status: 201,
      description: "Recorded (and applied when it may be).",
      schema: z.object({ change: ChangeJson }),
      name: "CharterChangeResponse",
    },
    errors: {
      409: "A change is already waiting for the Board.",
      422: "Nothing changed, or it changes membership.",
    },
    handler: async (c, { params, body, resource }) => {
      const { row, ...policyResource } = resource;
      const change = await submitChange(c, params.slug, body, policyResource);
      return c.json({ change: presentChange(change, row) }, 201);
    },
  });
  router.get("/charter-changes/:id", {
    params: IdParams,
    action: "group.view",
    resource: changeResource,
    handler: (c, { params }) => changePage(c, params.id),
  });
  router.get("/charter-changes/:id/charter.md", {
    params: IdParams,
    action: "group.view",
    resource: changeResource,
    handler: (c, { resource }) => text(c, presentChange(resource.change, resource.row).markdown, "markdown"),
  });
  router.get("/charter-changes/:id/charter.diff", {
    params: IdParams,
    action: "group.view",
    resource: changeResource,
    handler: (c, { resource }) => text(c, presentChange(resource.change, resource.row).diff, "diff"),
  });
  router.get("/api/charter-changes/:id", {
    summary: "One charter change: its class, the fields it changes, the charter file and the unified diff.",
    operationId: "getCharterChange",
    params: IdParams,
    action: "group.view",
    resource: changeResource,
    response: {
      description: "The change.",
      schema: z.object({ change: ChangeJson }),
      name: "CharterChangeResponse",
    },
    handler: (c, { resource }) => c.json({ change: presentChange(resource.change, resource.row) }),
  });
  router.post("/charter-changes/:id/vote", {
    params: IdParams,
    form: VoteBody,
    action: "lifecycle.board-decide",
    page: (c, { params }) => changePage(c, params.id),
    handler: async (c, { params, body }) => {
      const vote = await openLifecycleVote({
        deps,
        actor: await actor(c),
        subject: { kind: "change", id: params.id },
        input: body,
      });
      return c.redirect(`/votes/${vote.id}`, 303);
    },
  });
  router.post("/api/charter-changes/:id/vote", {
    summary: "Open the Board's vote on a substantive charter change (Board members; scope votes).",
    operationId: "openCharterChangeVote",
    params: IdParams,
    json: VoteBody,
    action: "lifecycle.board-decide",
    response: { status: 201, description: "Opened.", schema: VoteJson, name: "LifecycleVote" },
    errors: { 409: "The change is not waiting for a vote." },
    handler: async (c, { params, body }) => {
      const v = await openLifecycleVote({
        deps,
        actor: await actor(c),
        subject: { kind: "change", id: params.id },
        input: body,
      });
      return c.json({ vote: { id: v.id, kind: v.kind, closesAt: v.closesAt.toISOString() } }, 201);
    },
  });
  const shutdownRoutes = [
    { kind: "voluntary", action: "group.shut-down", body: VoluntaryBody },
    { kind: "forced", action: "lifecycle.board-decide", body: ForcedBody },
  ] as const;
  for (const s of shutdownRoutes) {
    router.post(`/groups/:slug/shutdowns/${s.kind}`, {
      params: SlugParams,
      form: s.body,
      action: s.action,
      resource: groupResource,
      page: (c, { params }) => groupPage(c, params.slug),
      handler: async (c, { params, body }) => {
        await startShutdown({ deps, actor: await actor(c), slug: params.slug, kind: s.kind, input: body });
        return c.redirect(`/groups/${params.slug}/lifecycle`, 303);
      },
    });
    router.post(`/api/groups/:slug/shutdowns/${s.kind}`, {
      summary:
        s.kind === "voluntary"
          ? "Ask the members to shut the group down: a vote by consensus, everyone's yes (members; scope votes)."
          : "Shut a group down (Board members; scope votes): membership below the minimum or defunct, recorded at once; or a Board vote.",
      operationId: s.kind === "voluntary" ? "startVoluntaryShutdown" : "startForcedShutdown",
      params: SlugParams,
      json: s.body,
      action: s.action,
      resource: groupResource,
      response: {
        status: 201,
        description: "Started.",
        schema: z.object({ shutdown: ShutdownJson }),
        name: "ShutdownResponse",
      },
      errors: { 409: "A shutdown has started, the group is not active, or the ground does not hold." },
      handler: async (c, { params, body }) => {
        const row = await startShutdown({
          deps,
          actor: await actor(c),
          slug: params.slug,
          kind: s.kind,
          input: body,
        });
        return c.json({ shutdown: await shutdownJson(row, params.slug) }, 201);
      },
    });
  }
  router.get("/shutdowns/:id/archive.diff", {
    params: IdParams,
    action: "group.view",
    resource: shutdownResource,
    handler: (c, { resource }) => {
      const g = resource.row;
      const charter = g.charter as ParsedCharter;
      const before = renderCharterMarkdown(charter);
      const patch = changePatch({
        path: `archive/${g.slug}.md`,
        renamedFrom: g.sourcePath ?? `active/${g.slug}.md`,
        before,
        after: renderCharterMarkdown({ ...charter, status: "archived" }),
      });
      return text(c, patch.diff, "diff");
    },
  });
  router.post("/shutdowns/:id/checklist", {
    params: IdParams,
    form: ChecklistStepInputSchema,
    action: "group.archive",
    resource: shutdownResource,
    page: async (c, { params }) => groupPage(c, (await shutdownResource(c, { params })).row.slug),
    handler: async (c, { params, body, resource }) => {
      await recordChecklistStep({
        deps,
        actor: await actor(c),
        subject: { kind: "shutdown", id: params.id },
        input: body,
      });
      return c.redirect(`/groups/${resource.row.slug}/lifecycle`, 303);
    },
  });
  router.post("/api/shutdowns/:id/checklist", {
    summary:
      "Record an archiving step; the last archives the group (Chair, Co-Chair, Board, admins; scope groups).",
    operationId: "recordArchiveStep",
    params: IdParams,
    json: ChecklistStepInputSchema,
    action: "group.archive",
    resource: shutdownResource,
    response: { status: 201, description: "Recorded.", schema: ChecklistJson, name: "ChecklistResult" },
    errors: { 409: "Not archiving, or the step is already recorded." },
    handler: async (c, { params, body }) =>
      c.json(
        await recordChecklistStep({
          deps,
          actor: await actor(c),
          subject: { kind: "shutdown", id: params.id },
          input: body,
        }),
        201,
      ),
  });
  router.get("/api/lifecycle/agenda", {
    summary:
      "For the Board's agenda: proposals and charter changes waiting for a vote, shutdowns under way, groups a forced ground holds for.",
    operationId: "getLifecycleAgenda",
    action: "board.overview",
    response: { description: "As of today.", schema: LifecycleAgendaSchema, name: "LifecycleAgenda" },
    handler: async (c) => c.json(await listLifecycleAgendaItems({ db, day: today() })),
  });
  return router.app;
}
