import type { Context } from "hono";
import { AppError } from "../../platform/errors.ts";
import { type AppEnv, createRouter, type Router } from "../../platform/http/app.tsx";
import { renderPage } from "../../platform/http/layout.tsx";
import type { Services } from "../../platform/services.ts";
import { groupResourceOf } from "../policy/actor.repo.ts";
import { actorOf, authorize, can } from "../policy/authorize.ts";
import { admissionOf, admissionText } from "../policy/membership-rule.ts";
import type { Resource } from "../policy/policy.ts";
import { admitMember } from "./admit-member.ts";
import { applyToGroup } from "./apply-to-group.ts";
import { castBallot } from "./cast-ballot.ts";
import { closeVote } from "./close-vote.ts";
import {
  type DecisionActor,
  findApplication,
  findVote,
  groupSettings,
  leaveStanding,
  loadGroup,
  voteElectorateIds,
} from "./decisions.repo.ts";
import {
  AuditPage,
  BoardPage,
  type GroupDecisionsModel,
  GroupDecisionsPage,
  VotePage,
} from "./decisions.views.tsx";
import type { DecisionDeps } from "./deps.ts";
import { exportAudit } from "./export-audit.ts";
import { extendVote } from "./extend-vote.ts";
import { getBoardOverview } from "./get-board-overview.ts";
import { getVote } from "./get-vote.ts";
import { leaveGroup } from "./leave-group.ts";
import { listApplications } from "./list-applications.ts";
import { listGroupAudit } from "./list-group-audit.ts";
import { listLapsingTerms } from "./list-lapsing-terms.ts";
import { listLiaisonProblems } from "./list-liaison-problems.ts";
import { listVotes } from "./list-votes.ts";
import { nextMeeting } from "./meetings.ts";
import { openApplicationVote } from "./open-application-vote.ts";
import { openVote } from "./open-vote.ts";
import { RENEWAL_WINDOW_DAYS, renewTerm } from "./renew-term.ts";
import { setDecisionSettings } from "./set-decision-settings.ts";
import { dayOf } from "./terms.ts";

type Ctx = Context<AppEnv>;

/** A positive integer path parameter, or a 404 naming it. */
function idParam(c: Ctx, name: string): number {
  const raw = c.req.param(name) ?? "";
  const n = Number(raw);
  if (!/^\d+$/.test(raw) || !Number.isSafeInteger(n) || n <= 0) {
    throw new AppError("not_found", { message: `No such ${name}: ${raw}` });
  }
  return n;
}

/** The request body as a plain object: JSON for the API, form fields for pages. */
async function body(c: Ctx): Promise<Record<string, unknown>> {
  const type = c.req.header("content-type") ?? "";
  if (type.includes("application/json")) {
    const parsed: unknown = await c.req.json().catch(() => {
      throw new AppError("bad_request", { message: "The request body is not valid JSON." });
    });
    if (typeof parsed !== "object" || parsed === null || Array.isArray(parsed)) {
      throw new AppError("bad_request", { message: "The request body must be a JSON object." });
    }
    return parsed as Record<string, unknown>;
  }
  const form = await c.req.parseBody();
  const out: Record<string, unknown> = {};
  for (const [k, v] of Object.entries(form)) if (typeof v === "string" && k !== "_csrf") out[k] = v;
  return out;
}

/** A form's datetime-local value (no zone) is read as UTC; anything else is passed through. */
function utc(value: unknown): unknown {
  return typeof value === "string" && /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}$/.test(value) ? `${value}:00Z` : value;
}

/** A numeric field from a form (string) or JSON (number); empty means absent. */
function num(value: unknown): unknown {
  if (value === "" || value === undefined || value === null) return undefined;
  return typeof value === "string" && /^\d+$/.test(value) ? Number(value) : value;
}

/** The HTTP routes of membership decisions. */
export function createDecisionsRouter(services: Services): Router {
  const router = createRouter();
  const db = services.database.db;
  const deps: DecisionDeps = { database: services.database, clock: services.clock, log: services.log };
  const today = () => dayOf(services.clock.now());

  const decisionActor = async (c: Ctx): Promise<DecisionActor> => {
    const actor = await actorOf(c, services);
    const viewer = c.var.viewer;
    return {
      userId: actor.userId,
      personId: actor.personId,
      label: viewer ? `user:${viewer.userId} (${viewer.name})` : "anonymous",
    };
  };
  const layoutViewer = (c: Ctx) =>
    c.var.viewer ? { name: c.var.viewer.name, csrfToken: c.var.csrfToken } : null;

  const groupOf = async (slug: string) => {
    const row = await loadGroup(db, slug);
    return { row, resource: groupResourceOf(row) };
  };

  const voteResource = async (voteId: number): Promise<Extract<Resource, { kind: "vote" }>> => {
    const vote = await findVote(db, voteId);
    const electorate = await voteElectorateIds(db, voteId);
    const body = vote.body === "board" || vote.body === "steering-council" ? vote.body : "group";
    return {
      kind: "vote",
      groupId: vote.groupId,
      decidingBody: body,
      secret: vote.secrecy === "secret",
      electorate,
      subjectPersonId: vote.subjectPersonId,
      openedByPersonId: vote.openedByPersonId,
    };
  };

  const viewVote = async (c: Ctx, voteId: number) => {
    const resource = await voteResource(voteId);
    const actor = await authorize(c, services, "vote.view-tally", resource);
    const showBallots = await can(c, services, "vote.view-ballots", resource);
    const view = await getVote({ db, voteId, viewerPersonId: actor.personId, showBallots });
    return { view, resource, actor };
  };

  // ---- votes ----
  router.get("/votes/:id", async (c) => {
    const { view, resource } = await viewVote(c, idParam(c, "id"));
    const mayCast = await can(c, services, "vote.cast", resource);
    return c.html(
      await renderPage(
        <VotePage
          viewer={layoutViewer(c)}
          csrf={c.var.csrfToken}
          vote={view}
          mayCast={mayCast}
          mayManage={mayCast}
        />,
      ),
    );
  });
  router.get("/api/votes/:id", async (c) => c.json({ vote: (await viewVote(c, idParam(c, "id"))).view }));

  const cast = async (c: Ctx) => {
    const voteId = idParam(c, "id");
    await authorize(c, services, "vote.cast", await voteResource(voteId));
    const input = await body(c);
    return castBallot({ deps, actor: await decisionActor(c), input: { voteId, choice: input.choice } });
  };
  router.post("/votes/:id/ballot", async (c) => {
    await cast(c);
    return c.redirect(`/votes/${c.req.param("id")}`, 303);
  });
  router.post("/api/votes/:id/ballots", async (c) => c.json({ result: await cast(c) }, 201));

  const extend = async (c: Ctx) => {
    const voteId = idParam(c, "id");
    await authorize(c, services, "vote.extend", await voteResource(voteId));
    const input = await body(c);
    return extendVote({
      deps,
      actor: await decisionActor(c),
      input: { voteId, closesAt: utc(input.closesAt), reason: input.reason },
    });
  };
  router.post("/votes/:id/extend", async (c) => {
    await extend(c);
    return c.redirect(`/votes/${c.req.param("id")}`, 303);
  });
  router.post("/api/votes/:id/extend", async (c) => {
    const vote = await extend(c);
    return c.json({ vote: { id: vote.id, closesAt: vote.closesAt.toISOString() } });
  });

  const close = async (c: Ctx) => {
    const voteId = idParam(c, "id");
    await authorize(c, services, "vote.close", await voteResource(voteId));
    return closeVote({ deps, actor: await decisionActor(c), input: { voteId } });
  };
  router.post("/votes/:id/close", async (c) => {
    await close(c);
    return c.redirect(`/votes/${c.req.param("id")}`, 303);
  });
  router.post("/api/votes/:id/close", async (c) => {
    const vote = await close(c);
    return c.json({ vote: { id: vote.id, status: vote.status, outcome: vote.outcome } });
  });

  // ---- group decisions ----
  const open = async (c: Ctx) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    await authorize(c, services, "group.decide-membership", resource);
    const input = await body(c);
    return openVote({
      deps,
      actor: await decisionActor(c),
      input: {
        group: row.id,
        kind: input.kind,
        subjectPersonId: num(input.subjectPersonId) ?? null,
        title: input.title === "" ? undefined : input.title,
        description: input.description ?? "",
        closesAt: utc(input.closesAt),
        secrecy: input.secrecy === "" ? undefined : input.secrecy,
      },
    });
  };
  router.post("/groups/:slug/votes", async (c) => c.redirect(`/votes/${(await open(c)).id}`, 303));
  router.post("/api/groups/:slug/votes", async (c) => {
    const vote = await open(c);
    return c.json(
      { vote: await getVote({ db, voteId: vote.id, viewerPersonId: null, showBallots: false }) },
      201,
    );
  });
  router.get("/api/groups/:slug/votes", async (c) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    const actor = await authorize(c, services, "group.view-private", resource);
    return c.json({ votes: await listVotes({ db, groupId: row.id, viewerPersonId: actor.personId }) });
  });

  const apply = async (c: Ctx) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    await authorize(c, services, "group.apply", resource);
    const input = await body(c);
    return applyToGroup({ deps, actor: await decisionActor(c), input: { ...input, group: row.id } });
  };
  router.post("/groups/:slug/apply", async (c) => {
    const result = await apply(c);
    return c.redirect(`/groups/${c.req.param("slug")}/decisions?applied=${result.applicationId}`, 303);
  });
  router.post("/api/groups/:slug/applications", async (c) => c.json({ application: await apply(c) }, 201));
  router.get("/api/groups/:slug/applications", async (c) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    await authorize(c, services, "group.view-private", resource);
    return c.json({ applications: await listApplications({ db, groupId: row.id }) });
  });

  const startDecision = async (c: Ctx) => {
    const applicationId = idParam(c, "id");
    const app = await findApplication(db, applicationId);
    const resource = groupResourceOf(await loadGroup(db, app.groupId));
    // The chair manages applications; the deciding body may also start its own vote.
    if (!(await can(c, services, "group.manage-applications", resource))) {
      await authorize(c, services, "group.decide-membership", resource);
    }
    const input = await body(c);
    const vote = await openApplicationVote({
      deps,
      actor: await decisionActor(c),
      input: {
        applicationId,
        closesAt: utc(input.closesAt),
        secrecy: input.secrecy === "" ? undefined : input.secrecy,
      },
    });
    return vote;
  };
  router.post("/applications/:id/vote", async (c) =>
    c.redirect(`/votes/${(await startDecision(c)).id}`, 303),
  );
  router.post("/api/applications/:id/vote", async (c) => {
    const vote = await startDecision(c);
    return c.json({ vote: { id: vote.id, body: vote.body, closesAt: vote.closesAt.toISOString() } }, 201);
  });

  // Groups that admit by invitation or appointment: a member (or the role holder) admits, no vote.
  const admit = async (c: Ctx) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    await authorize(c, services, "group.decide-membership", resource);
    const input = await body(c);
    return admitMember({
      deps,
      actor: await decisionActor(c),
      input: { group: row.id, applicationId: num(input.applicationId), personId: num(input.personId) },
    });
  };
  router.post("/groups/:slug/admissions", async (c) => {
    await admit(c);
    return c.redirect(`/groups/${c.req.param("slug")}/decisions`, 303);
  });
  router.post("/api/groups/:slug/admissions", async (c) => c.json({ admission: await admit(c) }, 201));

  const leave = async (c: Ctx) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    // Leaving needs no vote: the member themself may.
    await authorize(c, services, "group.leave", resource);
    const input = await body(c);
    return leaveGroup({
      deps,
      actor: await decisionActor(c),
      input: { group: row.id, note: input.note ?? "" },
    });
  };
  router.post("/groups/:slug/leave", async (c) => {
    await leave(c);
    return c.redirect(`/groups/${c.req.param("slug")}`, 303);
  });
  router.post("/api/groups/:slug/leave", async (c) => c.json(await leave(c)));

  const renew = async (c: Ctx) => {
    const rolePeriodId = idParam(c, "id");
    const actor = await decisionActor(c);
    if (actor.userId === null)
      throw new AppError("unauthenticated", { message: "Sign in to renew your term." });
    return renewTerm({ deps, actor, input: { rolePeriodId } });
  };
  router.post("/role-periods/:id/renew", async (c) => {
    const period = await renew(c);
    const g = await loadGroup(db, period.groupId);
    return c.redirect(`/groups/${g.slug}/decisions`, 303);
  });
  router.post("/api/role-periods/:id/renew", async (c) => {
    const period = await renew(c);
    return c.json({ rolePeriod: { id: period.id, termEndsOn: period.termEndsOn } });
  });

  const settings = async (c: Ctx) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    await authorize(c, services, "group.edit-arrangements", resource);
    const input = await body(c);
    return setDecisionSettings({
      deps,
      actor: await decisionActor(c),
      input: {
        group: row.id,
        baseRule: input.baseRule === "" ? undefined : input.baseRule,
        secrecy: input.secrecy === "" ? undefined : input.secrecy,
        nextMeetingOn: input.nextMeetingOn === "" ? null : input.nextMeetingOn,
      },
    });
  };
  router.post("/groups/:slug/decision-settings", async (c) => {
    await settings(c);
    return c.redirect(`/groups/${c.req.param("slug")}/decisions`, 303);
  });
  router.put("/api/groups/:slug/decision-settings", async (c) => c.json({ settings: await settings(c) }));

  router.get("/groups/:slug/decisions", async (c) => {
    const { row, resource } = await groupOf(c.req.param("slug") ?? "");
    const actor = await authorize(c, services, "group.view", resource);
    const day = today();
    const group = await loadGroup(db, row.id);
    const seesPrivate = await can(c, services, "group.view-private", resource);
    const stored = await groupSettings(db, row.id);
    const applied = Number(c.req.query("applied") ?? "");
    const model: GroupDecisionsModel = {
      group: { id: row.id, slug: row.slug, name: row.name },
      nextMeeting: nextMeeting({
        today: day,
        recorded: stored.nextMeetingOn,
        cadence: group.charter.meetingCadence,
      }),
      decidedBy: admissionText(admissionOf(group.charter)),
      admission: admissionOf(group.charter).kind,
      settings: stored,
      votes: seesPrivate ? await listVotes({ db, groupId: row.id, viewerPersonId: actor.personId }) : null,
      applications: seesPrivate ? await listApplications({ db, groupId: row.id }) : null,
      myTerms:
        actor.personId === null
          ? []
          : await listLapsingTerms({
              db,
              day,
              withinDays: RENEWAL_WINDOW_DAYS,
              groupId: row.id,
              personId: actor.personId,
            }),
      // Liaison currency is public: anyone looking at the group should see the gap.
      liaisonProblems: await listLiaisonProblems({ db, day, groupId: row.id }),
      mayApply: await can(c, services, "group.apply", resource),
      mayOpenVote: await can(c, services, "group.decide-membership", resource),
      mayManageApplications: await can(c, services, "group.manage-applications", resource),
      mayEditSettings: await can(c, services, "group.edit-arrangements", resource),
      leave: actor.personId === null ? "none" : await leaveStanding(db, row.id, actor.personId, day),
      ...(Number.isSafeInteger(applied) && applied > 0 ? { applied: { applicationId: applied } } : {}),
    };
    return c.html(
      await renderPage(<GroupDecisionsPage viewer={layoutViewer(c)} csrf={c.var.csrfToken} model={model} />),
    );
  });

  // ---- audit ----
  const audit = async (c: Ctx, slug: string) => {
    const { row, resource } = await groupOf(slug);
    await authorize(c, services, "group.view-private", resource);
    return { row, entries: await listGroupAudit({ db, groupId: row.id }) };
  };
  router.get("/groups/:slug/audit", async (c) => {
    const { row, entries } = await audit(c, c.req.param("slug"));
    return c.html(await renderPage(<AuditPage viewer={layoutViewer(c)} group={row} entries={entries} />));
  });
  router.get("/groups/:slug/:file{audit\\.(csv|json)}", async (c) => {
    const format = c.req.param("file").endsWith(".csv") ? "csv" : "json";
    const { row, entries } = await audit(c, c.req.param("slug"));
    const text = exportAudit({ entries, format });
    return c.body(text, 200, {
      "content-type": format === "csv" ? "text/csv; charset=utf-8" : "application/json; charset=utf-8",
      "content-disposition": `attachment; filename="${row.slug}-audit.${format}"`,
    });
  });
  router.get("/api/groups/:slug/audit", async (c) => {
    const format = c.req.query("format") === "csv" ? "csv" : "json";
    const { entries } = await audit(c, c.req.param("slug"));
    if (format === "csv")
      return c.body(exportAudit({ entries, format }), 200, { "content-type": "text/csv; charset=utf-8" });
    return c.json({ entries });
  });

  // ---- the Board ----
  const board = async (c: Ctx) => {
    const actor = await authorize(c, services, "board.overview", { kind: "site" });
    return getBoardOverview({ db, day: today(), viewerPersonId: actor.personId });
  };
  router.get("/board", async (c) => {
    const o = await board(c);
    return c.html(
      await renderPage(
        <BoardPage
          viewer={layoutViewer(c)}
          day={o.day}
          votes={o.openVotes}
          applications={o.openApplications}
          terms={o.lapsingTerms}
          liaisons={o.liaisonProblems}
        />,
      ),
    );
  });
  router.get("/api/board", async (c) => c.json(await board(c)));

  return router;
}
