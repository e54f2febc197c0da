/**
 * Walks every route the application registers (`app.routes`) for every kind of visitor and asserts
 * both the allowed and the denied cases, once with browser sessions (with CSRF tokens) and once
 * with personal access tokens holding every scope. A route missing from ROUTE_ACCESS fails the test:
 * whoever adds a route classifies it here. Every route must be declared (platform/http/route.ts),
 * every state-changing one with a policy action registered by the kernel or a room (actionScopes()), and a token without that
 * action's scope is refused on it.
 */
import { eq } from "drizzle-orm";
import type { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { recordMilestone } from "../src/ecosystem/index.ts";
import type { ParsedCharter } from "../src/governance/index.ts";
import {
  addActionItem,
  draftProposal,
  markProposalReady,
  openRequest,
  parseCharter,
  proposeCharterChange,
  recordRolePeriod,
  saveNotes,
  scheduleMeeting,
  setGroupWebhook,
} from "../src/governance/index.ts";
import {
  actionScopes,
  CLI_ACTOR,
  createToken,
  createUser,
  grantFoundationRole,
  startSession,
  TOKEN_SCOPES,
} from "../src/kernel/index.ts";
import { createCampaign, createItem, reviewItem, submitItem } from "../src/marketing/index.ts";
import { csrfTokenFor, hashSecret, newSecret } from "../src/platform/auth/index.ts";
import type { Database } from "../src/platform/db/index.ts";
import { schema } from "../src/platform/db/index.ts";
import type { AppEnv } from "../src/platform/http/app.tsx";
import { declaredRoutes, STATE_CHANGING } from "../src/platform/http/route.ts";
import type { Services } from "../src/platform/services.ts";
import { createTestApplication } from "./app.ts";
import { createTestDatabase } from "./db.ts";
import { insertGroup, insertPerson } from "./factories/governance.ts";
import { insertMarketingGroups, itemFields } from "./factories/marketing.ts";

/** The seven kinds of visitor. */
const KINDS = ["anonymous", "signed-in", "dsf-member", "group-member", "chair", "board", "admin"] as const;
type Kind = (typeof KINDS)[number];

const ALL: readonly Kind[] = KINDS;
const SIGNED_IN: readonly Kind[] = KINDS.filter((k) => k !== "anonymous");
const ADMIN: readonly Kind[] = ["admin"];

/** How one route is reached and who may use it. */
interface RouteAccess {
  allowed: readonly Kind[];
  /** Path parameters, when the defaults below do not fit; a function makes fresh fixtures per request. */
  params?: Record<string, string> | ((fx: Fixtures) => Promise<Record<string, string>>);
  /** Form fields (pages) or JSON (under /api/) sent with a state-changing request. */
  body?: Record<string, unknown>;
  /** The route signs the visitor in from a one-time link; the walk makes a fresh one. */
  signInLink?: boolean;
  /** Text only some visitors may be shown: an allowed response contains it exactly for `to`. */
  shows?: { text: string; to: readonly Kind[] };
}

/** Objects made fresh for each request, so one visitor's changes never affect the next. */
interface Fixtures {
  /** An open proposal vote in the walk group (electorate: its chair, liaison and member). */
  vote(): Promise<string>;
  /** A new direct-model group with the walk group's chair, liaison and member (charter fields overridable). */
  group(charter?: Partial<ParsedCharter>): Promise<string>;
  /** A pending application by a newcomer to a new group like the walk group. */
  application(): Promise<string>;
  /** A new group like the walk group that admits by a member's invitation (no vote). */
  invitationGroup(): Promise<string>;
  /** A Board-only report of a new group like the walk group (its chair and member are the walk's). */
  boardReport(): Promise<string>;
  /** A new meeting of the walk group. */
  meeting(): Promise<string>;
  /** A new open action item of the walk group, owned by its member. */
  actionItem(): Promise<string>;
  /** A private request from a new group like the walk group to the Board. */
  request(): Promise<string>;
  /** A new item of the walk group flagged as needing a new owner (its owner, a fresh person, left). */
  flaggedItem(): Promise<string>;
  /** A new hand-over of the walk group's member (their note to write). */
  memberHandover(): Promise<string>;
}

/** A recorded milestone date for a removal to take away (recorded afresh before each request). */
const RECORDED_MILESTONE = async () => {
  await recordMilestone({
    db: database.db,
    clock: services.clock,
    series: "2029",
    milestone: "end-extended",
    date: "2032-01-14",
    recordedBy: "walk",
  });
  return { series: "2029", milestone: "end-extended" };
};
/** A package made afresh, with an open call for maintainers (and, when asked, an offer on it). */
async function freshCall(withOffer = false): Promise<{ call: number; offer: number | null }> {
  const name = `walk-call-${++fixtureCounter}`;
  const now = services.clock.now();
  await database.db
    .insert(schema.packages)
    .values({ name, displayName: name, latestVersion: "1.0", source: "snapshot" });
  const [call] = await database.db
    .insert(schema.maintainerCalls)
    .values({
      packageName: name,
      help: "walk",
      skills: "walking",
      hoursPerWeek: 1,
      createdByName: "walk",
      createdAs: "walk",
      openedAt: now,
    })
    .returning();
  if (!call) throw new Error("no call");
  if (!withOffer) return { call: call.id, offer: null };
  const [offer] = await database.db
    .insert(schema.maintainerOffers)
    .values({ callId: call.id, userId: userIds.get("signed-in") ?? 0, pypiUser: "walker", offeredAt: now })
    .returning();
  return { call: call.id, offer: offer?.id ?? null };
}
/** A package made afresh (for routes that make one thing per package). */
async function freshPackage(): Promise<string> {
  const name = `walk-fresh-${++fixtureCounter}`;
  await database.db
    .insert(schema.packages)
    .values({ name, displayName: name, latestVersion: "1.0", source: "snapshot" });
  return name;
}
/** An open transfer of a fresh package, with its checklist and no roadie (so only the package's people may work it). */
async function freshTransfer(): Promise<string> {
  const name = await freshPackage();
  const [t] = await database.db
    .insert(schema.transfers)
    .values({
      packageName: name,
      fromKind: "person",
      fromName: "Walk Owner",
      toKind: "django-commons",
      toName: "Django Commons",
      createdByName: "walk",
      openedAt: services.clock.now(),
    })
    .returning();
  if (!t) throw new Error("no transfer");
  const steps = ["pypi-roles", "repository", "documentation", "ci-secrets", "readme-badges", "announcement"];
  await database.db.insert(schema.transferSteps).values(
    steps.map((step) => ({
      transferId: t.id,
      step,
      owner: "from",
      state: step === "pypi-roles" ? "not-needed" : "done",
    })),
  );
  return String(t.id);
}
const FRESH_PACKAGE = () => freshPackage().then((name) => ({ name }));
const TRANSFER = () => freshTransfer().then((id) => ({ id }));
const TRANSFER_STEP = () => freshTransfer().then((id) => ({ id, step: "repository" }));
/** The Marketing WG (the walk group's chair and member take part) and an author outside the walk's visitors. */
let marketingGroupId = 0;
let marketingAuthor = { userId: 0, name: "Walk Author" };
/** A content item written by someone none of the walk's visitors is, as a draft, in review or approved. */
async function freshItem(
  state: "draft" | "in-review" | "approved",
): Promise<{ id: number; step: number | null }> {
  const deps = { db: database.db, clock: services.clock };
  const fields = itemFields(`Walk item ${++fixtureCounter}`, { body: "Walk." });
  const { id } = await createItem({ ...deps, kind: "www-page", network: null, fields, by: marketingAuthor });
  if (state === "draft") return { id, step: null };
  await submitItem({ database, clock: services.clock, itemId: id, by: marketingAuthor });
  const [step] = await database.db
    .select()
    .from(schema.marketingReviewSteps)
    .where(eq(schema.marketingReviewSteps.itemId, id));
  if (!step) throw new Error("no review step");
  if (state === "approved") {
    const reviewer = {
      userId: -1,
      groupIds: new Set([marketingGroupId]),
      board: false,
      steeringCouncil: false,
    };
    await reviewItem({
      ...deps,
      itemId: id,
      stepId: step.id,
      decision: "approve",
      comment: null,
      reviewer,
      by: { userId: userIds.get("admin") ?? 0, name: "walk reviewer" },
    });
  }
  return { id, step: step.id };
}
/** A strategy document by the walk's author, approved by another member (so DSF members may read it). */
async function freshStrategyDocument(): Promise<string> {
  const deps = { db: database.db, clock: services.clock };
  const { id } = await createItem({
    ...deps,
    kind: "strategy-document",
    network: null,
    docType: "brand-guidelines",
    fields: {
      title: `Walk guidelines ${++fixtureCounter}`,
      body: "Walk.",
      slug: null,
      summary: null,
      authors: [],
      tags: [],
      socialCardUrl: null,
      socialCardAlt: null,
    },
    by: marketingAuthor,
  });
  await submitItem({ database, clock: services.clock, itemId: id, by: marketingAuthor });
  const [step] = await database.db
    .select()
    .from(schema.marketingReviewSteps)
    .where(eq(schema.marketingReviewSteps.itemId, id));
  if (!step) throw new Error("no review step");
  await reviewItem({
    ...deps,
    itemId: id,
    stepId: step.id,
    decision: "approve",
    comment: null,
    reviewer: { userId: -1, groupIds: new Set([marketingGroupId]), board: false, steeringCouncil: false },
    by: { userId: userIds.get("admin") ?? 0, name: "walk reviewer" },
  });
  return String(id);
}
const STRATEGY_DOCUMENT = () => freshStrategyDocument().then((id) => ({ id }));
/** Who reads the group's strategy documents: signed-in DSF members, the group, the Board and admins. */
const STRATEGY_READERS: readonly Kind[] = ["dsf-member", "group-member", "chair", "board", "admin"];
const DRAFT_ITEM = () => freshItem("draft").then((i) => ({ id: String(i.id) }));
/** Who sees the campaign tracker: DSF members, the Marketing WG, the Board and admins. */
const DSF_MEMBERS: readonly Kind[] = ["dsf-member", "group-member", "chair", "board", "admin"];
const CAMPAIGN_FIELDS = {
  name: "Walk campaign",
  goal: "Walk.",
  startsOn: "2026-12-01",
  endsOn: "2026-12-31",
};
const CAMPAIGN = async () => {
  const { id } = await createCampaign({
    db: database.db,
    clock: services.clock,
    fields: { ...CAMPAIGN_FIELDS, owner: null },
    by: marketingAuthor,
  });
  return { id: String(id) };
};
const APPROVED_ITEM = () => freshItem("approved").then((i) => ({ id: String(i.id) }));
/** A published blog post tagged "walk" (inserted as the publishing job leaves it). */
async function publishedPost(): Promise<{ slug: string; tag: string }> {
  const slug = `walk-post-${++fixtureCounter}`;
  const now = services.clock.now();
  await database.db.insert(schema.marketingItems).values({
    kind: "blog-post",
    state: "published",
    title: `Walk post ${fixtureCounter}`,
    slug,
    summary: "Walk.",
    authors: ["Walk Author"],
    tags: ["walk"],
    body: "Walk.",
    createdByName: "Walk Author",
    createdAt: now,
    updatedAt: now,
    publishedAt: now,
  });
  return { slug, tag: "walk" };
}
const PUBLISHED_POST = publishedPost;
const REVIEW_STEP = () => freshItem("in-review").then((i) => ({ id: String(i.id), step: String(i.step) }));
const CALL = () => freshCall().then((c) => ({ id: String(c.call) }));
const OFFER = () => freshCall(true).then((c) => ({ id: String(c.offer) }));
const VOTE = (fx: Fixtures) => fx.vote().then((id) => ({ id }));
const GROUP = (fx: Fixtures) => fx.group().then((slug) => ({ slug }));
const APPLICATION = (fx: Fixtures) => fx.application().then((id) => ({ id }));
const MEETING = (fx: Fixtures) => fx.meeting().then((id) => ({ id }));
const ACTION_ITEM = (fx: Fixtures) => fx.actionItem().then((id) => ({ id }));
const REQUEST = (fx: Fixtures) => fx.request().then((id) => ({ id }));
/** A private request's two sides: the asking group's participants and the Board (not admins). */
const REQUEST_SIDES: readonly Kind[] = ["group-member", "chair", "board"];
const FLAGGED_ITEM = (fx: Fixtures) => fx.flaggedItem().then((id) => ({ id }));
const MEMBER_HANDOVER = (fx: Fixtures) => fx.memberHandover().then((id) => ({ id }));
/** The walk group's meeting whose notes are published (public part) and private (private part). */
const NOTES_MEETING = async () => ({ id: notesMeeting });
/** The private part of its notes: the group, the Board and the Steering Council read it; not admins. */
const PRIVATE_NOTES = { text: "WALK-PRIVATE-NOTES", to: ["group-member", "chair", "board"] } as const;
const NO_NOTES = { text: "WALK-PRIVATE-NOTES", to: [] } as const;
const MEETING_TIME = {
  title: "Walk meeting",
  date: "2026-12-10",
  time: "18:00",
  timeZone: "Europe/Amsterdam",
};
/** Participants of the walk group, and who oversees it. */
const PARTICIPANTS: readonly Kind[] = ["group-member", "chair"];
const PRIVATE: readonly Kind[] = ["group-member", "chair", "board", "admin"];
const NEWCOMERS: readonly Kind[] = ["signed-in", "dsf-member", "board", "admin"];

/** A complete charter (nothing required missing) whose people read back as written. */
const LIFECYCLE_MD = [
  "# Walk Lifecycle Working Group",
  "## Scope of responsibilities",
  "Walks the routes.",
  "## Membership",
  "- Chair: Ann Example\n- Co-Chair: Bob Example\n- Board Liaison: Cy Example\n- Other members:\n  - Di Example",
  "## Future membership",
  "Direct membership: the group votes to approve new members and elects its own Chair and Co-Chair.",
  "## Budget",
  "No allocated budget.",
  "## Comms",
  "- Private channel in the DSF Slack",
  "## Reporting",
  "The group reports quarterly.",
].join("\n\n");
/** A substantive change of that charter (its budget): it waits for the Board. */
const BUDGET_CHANGE = { markdown: LIFECYCLE_MD.replace("No allocated budget.", "USD 100 a year.") };
/** The signed-in visitor drafts the walk's proposals; drafts are read by their author, the Board and admins. */
const AUTHOR: readonly Kind[] = ["signed-in", "admin"];
const DRAFT_READERS: readonly Kind[] = ["signed-in", "board", "admin"];
const SETUP: readonly Kind[] = ["signed-in", "board", "admin"];
const ARCHIVERS: readonly Kind[] = ["chair", "board", "admin"];
/** A fresh proposal by the signed-in visitor, in a state: a complete draft, ready, rejected, approved. */
async function freshProposal(state: "draft" | "ready" | "rejected" | "approved"): Promise<{ id: string }> {
  const userId = userIds.get("signed-in") ?? 0;
  const [user] = await database.db.select().from(schema.users).where(eq(schema.users.id, userId));
  const actor = { userId, personId: user?.personId ?? null, label: "walk" };
  const deps = { database, clock: services.clock };
  const slug = `walk-proposal-${++fixtureCounter}`;
  const p = await draftProposal({
    deps,
    actor,
    input: { slug, name: `Walk Proposal ${fixtureCounter}`, kind: "working-group", markdown: LIFECYCLE_MD },
  });
  if (state !== "draft") await markProposalReady({ deps, actor, proposalId: p.id });
  if (state === "rejected" || state === "approved") {
    await database.db
      .update(schema.groupProposals)
      .set({ status: state })
      .where(eq(schema.groupProposals.id, p.id));
  }
  return { id: String(p.id) };
}
const DRAFT = () => freshProposal("draft");
const READY = () => freshProposal("ready");
const REJECTED = () => freshProposal("rejected");
const APPROVED = () => freshProposal("approved");
/** A fresh group like the walk group whose stored charter is LIFECYCLE_MD as read. */
async function charteredGroup(fx: Fixtures): Promise<{ slug: string }> {
  const slug = await fx.group();
  const charter = parseCharter({ markdown: LIFECYCLE_MD, slug, status: "active" });
  await database.db.update(schema.groups).set({ charter }).where(eq(schema.groups.slug, slug));
  return { slug };
}
const CHARTERED = charteredGroup;
/** A fresh charter change waiting for the Board. */
const CHANGE = async (fx: Fixtures) => {
  const { slug } = await charteredGroup(fx);
  const change = await proposeCharterChange({
    deps: { database, clock: services.clock },
    actor: { userId: null, personId: null, label: "walk" },
    slug,
    input: BUDGET_CHANGE,
    mayApplyDirectly: true,
  });
  return { id: String(change.id) };
};
/** A fresh group being archived (a forced shutdown recorded). */
const ARCHIVING = async (fx: Fixtures) => {
  const slug = await fx.group();
  const [g] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, slug));
  const [s] = await database.db
    .insert(schema.groupShutdowns)
    .values({
      groupId: g?.id ?? 0,
      ground: "membership",
      status: "archiving",
      reason: "walk",
      createdAt: services.clock.now(),
    })
    .returning();
  return { id: String(s?.id) };
};

/** Default values of path parameters: the fixture group and person, the walk package, a known series. */
const PARAMS: Record<string, string> = {
  slug: "walk",
  idOrSlug: "walk-member",
  id: "999999",
  name: "walk-package",
  series: "5.2",
  file: "5.2.ics",
};

/** Part of every webhook URL the walk sets: no response may ever contain it (it is a secret). */
const WEBHOOK_SECRET = "WALK-WEBHOOK-SECRET";
const NO_WEBHOOK_URL = { text: WEBHOOK_SECRET, to: [] } as const;
const webhookUrl = (n: number) => `https://discord.com/api/webhooks/${n}/${WEBHOOK_SECRET}-${n}`;
/** A new group like the walk group, with a chat webhook set (to remove). */
const GROUP_WITH_WEBHOOK = async (fx: Fixtures) => {
  const slug = await fx.group();
  const [g] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, slug));
  await setGroupWebhook({
    database,
    now: services.clock.now(),
    by: { userId: null, label: "walk" },
    groupId: g?.id ?? 0,
    provider: "discord",
    url: webhookUrl(++fixtureCounter),
    kinds: ["meeting.scheduled"],
  });
  return { slug };
};

/** A funding request of a new group like the walk group (nobody's own request), waiting or approved. */
const FUNDING = (state: "requested" | "approved") => async (fx: Fixtures) => {
  const slug = await fx.group();
  const [g] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, slug));
  const now = services.clock.now();
  const [row] = await database.db
    .insert(schema.fundingRequests)
    .values({
      groupId: g?.id ?? 0,
      purpose: "events",
      description: "Walk funding",
      amountMinor: 100000,
      currency: "EUR",
      startsOn: "2027-01-01",
      endsOn: "2027-01-31",
      state,
      approvedMinor: state === "approved" ? 100000 : null,
      createdAt: now,
      updatedAt: now,
    })
    .returning({ id: schema.fundingRequests.id });
  return { id: String(row?.id ?? 0) };
};
const FUNDING_ASK = {
  purpose: "tools",
  description: "Walk funding request",
  amount: "250.00",
  currency: "EUR",
  startsOn: "2027-01-01",
  endsOn: "2027-02-28",
};

/** A foundation role granted by the walk: ended before the walk's day, so it changes nobody's rights. */
const PAST_GRANT = {
  who: "dsf-member@example.org",
  role: "dsf-member",
  startedOn: "2020-01-01",
  endedOn: "2021-01-01",
  reason: "route walk",
};

/** Every route of the application and who may use it. Add new routes here. */
const ROUTE_ACCESS: Record<string, RouteAccess> = {
  // platform
  "GET /static/site.css": { allowed: ALL },
  "GET /static/suggest.js": { allowed: ALL },
  "GET /healthz": { allowed: ALL },
  // directory (public)
  "GET /": { allowed: ALL },
  "GET /groups": { allowed: ALL },
  "GET /groups/:slug": { allowed: ALL },
  "GET /people": { allowed: ALL },
  "GET /people/:idOrSlug": { allowed: ALL },
  "GET /api/openapi.json": { allowed: ALL },
  "GET /api/groups": { allowed: ALL },
  "GET /api/groups/:slug": { allowed: ALL },
  "GET /api/groups/:slug/timeline": { allowed: ALL },
  "GET /api/people": { allowed: ALL },
  "GET /api/people/:id": { allowed: ALL, params: async () => ({ id: String(walkMemberPerson) }) },
  // sign-in (public by nature)
  "GET /sign-in": { allowed: ALL },
  "POST /sign-in/email": { allowed: ALL, body: { email: "walker@example.org" } },
  "GET /sign-in/email/callback": { allowed: ALL, signInLink: true },
  "POST /sign-in/email/callback": { allowed: ALL, signInLink: true },
  "GET /auth/github": { allowed: ALL },
  "GET /auth/github/callback": { allowed: ALL },
  "POST /sign-out": { allowed: ALL },
  // account (signed in, own account only)
  "GET /account": { allowed: SIGNED_IN },
  "POST /account/tokens": { allowed: SIGNED_IN, body: { name: "walk", scopes: "read", expiresInDays: "1" } },
  "POST /account/tokens/:id/revoke": { allowed: SIGNED_IN },
  "POST /account/name": { allowed: SIGNED_IN, body: { name: "Walker" } },
  "PATCH /api/account": { allowed: SIGNED_IN, body: { name: "Walker" } },
  "POST /account/claim": { allowed: SIGNED_IN, body: { person: "nobody-by-this-name" } },
  "GET /api/account": { allowed: SIGNED_IN },
  "GET /api/account/tokens": { allowed: SIGNED_IN },
  "POST /api/account/tokens": {
    allowed: SIGNED_IN,
    body: { name: "walk", scopes: ["read"], expiresInDays: 1 },
  },
  "DELETE /api/account/tokens/:id": { allowed: SIGNED_IN },
  "POST /api/account/claim": { allowed: SIGNED_IN, body: { person: "nobody-by-this-name" } },
  "GET /api/groups/:slug/permissions": { allowed: ALL },
  // My groups: every signed-in visitor's own overview (anonymous visitors are sent to sign in).
  "GET /me": { allowed: SIGNED_IN },
  "GET /api/me": { allowed: SIGNED_IN },
  // decisions: votes (the walk group is direct-model: its participants vote)
  "GET /groups/:slug/charter.md": { allowed: ALL },
  "GET /groups/:slug/decisions": { allowed: ALL },
  "GET /votes/:id": { allowed: PRIVATE, params: VOTE },
  "GET /api/votes/:id": { allowed: PRIVATE, params: VOTE },
  "GET /api/votes/:id/electorate": { allowed: PRIVATE, params: VOTE },
  // Person fields' suggestions: people are public, as on /people.
  "GET /api/people-suggestions": { allowed: ALL },
  "POST /votes/:id/ballot": { allowed: PARTICIPANTS, params: VOTE, body: { choice: "yes" } },
  "POST /api/votes/:id/ballots": { allowed: PARTICIPANTS, params: VOTE, body: { choice: "no" } },
  // Extending and closing (vote.extend, vote.close): the opener (the chair), the group's chairs and
  // the deciding body (this direct-model group's participants); not the Board of a direct group.
  "POST /votes/:id/extend": {
    allowed: PARTICIPANTS,
    params: VOTE,
    body: { closesAt: "2026-12-15T12:00", reason: "walk" },
  },
  "POST /api/votes/:id/extend": {
    allowed: PARTICIPANTS,
    params: VOTE,
    body: { closesAt: "2026-12-15T12:00:00Z", reason: "walk" },
  },
  "POST /votes/:id/close": { allowed: PARTICIPANTS, params: VOTE },
  "POST /api/votes/:id/close": { allowed: PARTICIPANTS, params: VOTE },
  "POST /groups/:slug/votes": {
    allowed: PARTICIPANTS,
    body: { kind: "proposal", title: "Walk", closesAt: "2026-12-01T12:00" },
  },
  "POST /api/groups/:slug/votes": {
    allowed: PARTICIPANTS,
    body: { kind: "proposal", title: "Walk", closesAt: "2026-12-01T12:00:00Z" },
  },
  "GET /api/groups/:slug/votes": { allowed: PRIVATE },
  // decisions: applications, leaving, renewing, settings
  "POST /groups/:slug/apply": {
    allowed: NEWCOMERS,
    body: { statement: "walk", skills: "walking", timeCommitment: "an hour" },
  },
  "POST /api/groups/:slug/applications": {
    allowed: NEWCOMERS,
    body: { statement: "walk", skills: "walking", timeCommitment: "an hour" },
  },
  "GET /api/groups/:slug/applications": { allowed: PRIVATE },
  // Admitting without a vote (invitation, appointment): a member of an invitation-model group.
  "POST /groups/:slug/admissions": {
    allowed: PARTICIPANTS,
    params: (fx) => fx.invitationGroup().then((slug) => ({ slug })),
    body: { personId: "@invitee" },
  },
  "POST /api/groups/:slug/admissions": {
    allowed: PARTICIPANTS,
    params: (fx) => fx.invitationGroup().then((slug) => ({ slug })),
    body: { personId: "@invitee" },
  },
  "POST /applications/:id/vote": {
    allowed: PARTICIPANTS,
    params: APPLICATION,
    body: { closesAt: "2026-12-01T12:00" },
  },
  "POST /api/applications/:id/vote": {
    allowed: PARTICIPANTS,
    params: APPLICATION,
    body: { closesAt: "2026-12-01T12:00:00Z" },
  },
  // Leaving (group.leave): the member themself; the Board and administrators cannot leave for them.
  "POST /groups/:slug/leave": { allowed: PARTICIPANTS, params: GROUP },
  "POST /api/groups/:slug/leave": { allowed: PARTICIPANTS, params: GROUP },
  "POST /role-periods/:id/renew": { allowed: ["group-member"], params: { id: "@member-period" } },
  "POST /api/role-periods/:id/renew": { allowed: ["group-member"], params: { id: "@member-period" } },
  "POST /groups/:slug/decision-settings": { allowed: ["chair", "admin"], body: { secrecy: "open" } },
  "PUT /api/groups/:slug/decision-settings": { allowed: ["chair", "admin"], body: { secrecy: "open" } },
  "GET /groups/:slug/audit": { allowed: PRIVATE },
  "GET /groups/:slug/:file{audit\\.(csv|json|txt)}": { allowed: PRIVATE, params: { file: "audit.txt" } },
  "GET /api/groups/:slug/audit": { allowed: PRIVATE },
  // reports: anyone reads public ones; a Board-only report only the Board, the group and site
  // admins (not the Steering Council, not other members); the Chair and Co-Chair send reports;
  // Board members (not administrators) record the Board's decisions.
  "GET /groups/:slug/reports": { allowed: ALL },
  "GET /api/groups/:slug/reports": { allowed: ALL },
  "GET /groups/:slug/reports/new": { allowed: ["chair"] },
  "POST /groups/:slug/reports": {
    allowed: ["chair"],
    params: GROUP,
    body: { periodStart: "2026-11-01", visibility: "board", highlights: "One\nTwo\nThree" },
  },
  "POST /api/groups/:slug/reports": {
    allowed: ["chair"],
    params: GROUP,
    body: { periodStart: "2026-11-01", visibility: "public", highlights: ["One", "Two", "Three"] },
  },
  "GET /reports/:id": { allowed: PRIVATE, params: (fx) => fx.boardReport().then((id) => ({ id })) },
  "GET /api/reports/:id": { allowed: PRIVATE, params: (fx) => fx.boardReport().then((id) => ({ id })) },
  "GET /reports.atom": { allowed: ALL },
  // annual reports: public facts for everyone; Board-only reports, private notes and vote
  // details inside the page by the same rules (annual.db.test.ts checks which visitor sees what).
  "GET /groups/:slug/annual/:year{[0-9]+}": { allowed: ALL, params: { year: "2026" } },
  "GET /groups/:slug/annual/:file{[0-9]+\\.md}": { allowed: ALL, params: { file: "2026.md" } },
  "GET /api/groups/:slug/annual/:year{[0-9]+}": { allowed: ALL, params: { year: "2026" } },

  // requests between groups: lists and pages show each visitor what they may see; a private
  // request only to its two sides (here the asking group and the Board it is addressed to).
  "GET /requests/stalled": { allowed: ALL },
  "GET /requests": { allowed: ALL },
  "GET /api/requests": { allowed: ALL },
  "GET /groups/:slug/requests": { allowed: ALL },
  // the page form opening a request: the group's participants only (the same action as the API)
  "GET /groups/:slug/requests/new": { allowed: ["group-member", "chair"], params: GROUP },
  "POST /groups/:slug/requests": {
    allowed: ["group-member", "chair"],
    params: GROUP,
    body: {
      target: "board",
      kind: "review",
      title: "Walk request from the form",
      answerNeeded: "approval",
      deadline: "2026-12-31",
      visibility: "public",
    },
  },
  "POST /groups/:slug/request-settings": {
    allowed: ["chair"],
    params: GROUP,
    body: { allowLazyConsensus: "on" },
  },
  "POST /api/groups/:slug/requests": {
    allowed: ["group-member", "chair"],
    params: GROUP,
    body: {
      target: "board",
      kind: "review",
      title: "Walk request",
      answerNeeded: "approval",
      deadline: "2026-12-31",
      visibility: "public",
    },
  },
  "GET /requests/:id": { allowed: REQUEST_SIDES, params: REQUEST },
  "GET /api/requests/:id": { allowed: REQUEST_SIDES, params: REQUEST },
  "POST /requests/:id/answer": { allowed: ["board"], params: REQUEST, body: { outcome: "approved" } },
  "POST /api/requests/:id/answer": { allowed: ["board"], params: REQUEST, body: { outcome: "approved" } },
  "POST /requests/:id/comments": { allowed: REQUEST_SIDES, params: REQUEST, body: { body: "Walk comment" } },
  "POST /requests/:id/acknowledge": { allowed: ["board"], params: REQUEST, body: {} },
  // the asking group's Chair names the owner (the walk's requests have no opener or owner)
  "POST /requests/:id/owner": { allowed: ["chair"], params: REQUEST, body: { owner: "walk-member" } },
  // funding requests: seen by the asking group, the Board and admins; lists show each signed-in
  // visitor what they may see; the Board (outside the group) decides; the group records spending.
  "GET /funding": { allowed: SIGNED_IN },
  "GET /funding.csv": { allowed: SIGNED_IN },
  "GET /api/funding": { allowed: SIGNED_IN },
  "GET /groups/:slug/funding": { allowed: PRIVATE },
  "GET /groups/:slug/funding/new": { allowed: ["group-member", "chair"] },
  "POST /groups/:slug/funding/new": { allowed: ["group-member", "chair"], params: GROUP, body: FUNDING_ASK },
  "POST /api/groups/:slug/funding": { allowed: ["group-member", "chair"], params: GROUP, body: FUNDING_ASK },
  "GET /funding/:id": { allowed: PRIVATE, params: FUNDING("requested") },
  "GET /api/funding/:id": { allowed: PRIVATE, params: FUNDING("requested") },
  "POST /funding/:id/vote": {
    allowed: ["board"],
    params: FUNDING("requested"),
    body: { closesAt: "2026-11-28T12:00:00Z" },
  },
  "POST /funding/:id/spending": {
    allowed: ["group-member", "chair"],
    params: FUNDING("approved"),
    body: {
      amount: "10",
      currency: "EUR",
      spentOn: "2026-11-20",
      description: "Walk spending",
      receiptUrl: "https://receipts.example.org/walk.pdf",
    },
  },
  "POST /funding/:id/withdraw": {
    allowed: ["group-member", "chair"],
    params: FUNDING("requested"),
    body: {},
  },
  "GET /api/reports/due": { allowed: ALL },
  "POST /groups/:slug/reporting-decisions": {
    allowed: ["board"],
    params: GROUP,
    body: { kind: "shutdown", reason: "walk" },
  },
  "POST /api/groups/:slug/reporting-decisions": {
    allowed: ["board"],
    params: GROUP,
    body: { kind: "exception", reason: "walk", endsOn: "2027-01-31" },
  },
  // lifecycle: anyone signed in drafts a proposal; a draft is read by its author (the signed-in
  // visitor here), the Board and admins, and public once ready; the Board opens its votes and gives
  // feedback; participants change the charter and ask to shut the group down; the Board forces a
  // shutdown; the Chair, the Board and admins record the archiving.
  "GET /proposals": { allowed: ALL },
  "GET /proposals/new": { allowed: SIGNED_IN },
  "POST /proposals": {
    allowed: SIGNED_IN,
    body: { name: "Walk Proposal", slug: "walk-proposal", kind: "team" },
  },
  "GET /proposals/:id": { allowed: DRAFT_READERS, params: DRAFT },
  "GET /proposals/:id/charter.md": { allowed: DRAFT_READERS, params: DRAFT },
  "GET /proposals/:id/charter.diff": { allowed: ALL, params: READY },
  "POST /proposals/:id/revisions": {
    allowed: AUTHOR,
    params: DRAFT,
    body: { markdown: `${LIFECYCLE_MD}\nMore.` },
  },
  "POST /proposals/:id/ready": { allowed: AUTHOR, params: DRAFT },
  "POST /proposals/:id/vote": { allowed: ["board"], params: READY, body: { closesAt: "2026-11-28T12:00" } },
  "POST /proposals/:id/feedback": { allowed: ["board"], params: REJECTED, body: { feedback: "Walk." } },
  "POST /proposals/:id/checklist": { allowed: SETUP, params: APPROVED, body: { step: "channels" } },
  "GET /api/proposals": { allowed: ALL },
  "POST /api/proposals": {
    allowed: SIGNED_IN,
    body: { name: "Walk Api", slug: "walk-api-proposal", kind: "team" },
  },
  "GET /api/proposals/:id": { allowed: ALL, params: READY },
  "POST /api/proposals/:id/revisions": {
    allowed: AUTHOR,
    params: DRAFT,
    body: { markdown: `${LIFECYCLE_MD}\nMore.` },
  },
  "POST /api/proposals/:id/ready": { allowed: AUTHOR, params: DRAFT },
  "POST /api/proposals/:id/vote": {
    allowed: ["board"],
    params: READY,
    body: { closesAt: "2026-11-28T12:00:00Z" },
  },
  "POST /api/proposals/:id/feedback": { allowed: ["board"], params: REJECTED, body: { feedback: "Walk." } },
  "POST /api/proposals/:id/checklist": { allowed: SETUP, params: APPROVED, body: { step: "channels" } },
  "GET /groups/:slug/lifecycle": { allowed: ALL },
  "GET /api/groups/:slug/lifecycle": { allowed: ALL },
  "POST /groups/:slug/charter-changes": { allowed: PARTICIPANTS, params: CHARTERED, body: BUDGET_CHANGE },
  "POST /api/groups/:slug/charter-changes": { allowed: PARTICIPANTS, params: CHARTERED, body: BUDGET_CHANGE },
  "GET /charter-changes/:id": { allowed: ALL, params: CHANGE },
  "GET /charter-changes/:id/charter.md": { allowed: ALL, params: CHANGE },
  "GET /charter-changes/:id/charter.diff": { allowed: ALL, params: CHANGE },
  "GET /api/charter-changes/:id": { allowed: ALL, params: CHANGE },
  "POST /charter-changes/:id/vote": {
    allowed: ["board"],
    params: CHANGE,
    body: { closesAt: "2026-11-28T12:00" },
  },
  "POST /api/charter-changes/:id/vote": {
    allowed: ["board"],
    params: CHANGE,
    body: { closesAt: "2026-11-28T12:00:00Z" },
  },
  "POST /groups/:slug/shutdowns/voluntary": {
    allowed: PARTICIPANTS,
    params: GROUP,
    body: { reason: "Walk.", closesAt: "2026-11-28T12:00" },
  },
  "POST /api/groups/:slug/shutdowns/voluntary": {
    allowed: PARTICIPANTS,
    params: GROUP,
    body: { reason: "Walk.", closesAt: "2026-11-28T12:00:00Z" },
  },
  "POST /groups/:slug/shutdowns/forced": {
    allowed: ["board"],
    params: GROUP,
    body: { ground: "board-vote", reason: "Walk.", closesAt: "2026-11-28T12:00" },
  },
  "POST /api/groups/:slug/shutdowns/forced": {
    allowed: ["board"],
    params: GROUP,
    body: { ground: "board-vote", reason: "Walk.", closesAt: "2026-11-28T12:00:00Z" },
  },
  "GET /shutdowns/:id/archive.diff": { allowed: ALL, params: ARCHIVING },
  "POST /shutdowns/:id/checklist": {
    allowed: ARCHIVERS,
    params: ARCHIVING,
    body: { step: "channels-closed" },
  },
  "POST /api/shutdowns/:id/checklist": {
    allowed: ARCHIVERS,
    params: ARCHIVING,
    body: { step: "channels-closed" },
  },
  "GET /api/lifecycle/agenda": { allowed: ["board", "admin"] },
  // meetings: chairs schedule; participants add agenda items, notes and action items; the private
  // part of the notes only to the group, the Board and the Steering Council; feeds carry no notes.
  "GET /meetings.ics": { allowed: ALL, shows: NO_NOTES },
  "GET /groups/:slug/meetings.ics": { allowed: ALL, shows: NO_NOTES },
  "GET /groups/:slug/meetings": { allowed: ALL, shows: NO_NOTES },
  "GET /api/groups/:slug/meetings": { allowed: ALL, shows: NO_NOTES },
  "GET /groups/:slug/meetings/:id": { allowed: ALL, params: NOTES_MEETING, shows: PRIVATE_NOTES },
  "GET /api/groups/:slug/meetings/:id": { allowed: ALL, params: NOTES_MEETING, shows: PRIVATE_NOTES },
  "POST /groups/:slug/meetings": { allowed: ["chair"], body: MEETING_TIME },
  // a group's chat webhook: its Chairs and site admins only; the URL is shown to nobody once saved
  "GET /groups/:slug/channels": { allowed: ["chair", "admin"], shows: NO_WEBHOOK_URL },
  "POST /groups/:slug/channels": {
    allowed: ["chair", "admin"],
    body: { provider: "discord", url: webhookUrl(1), kinds: "meeting.scheduled" },
  },
  "POST /groups/:slug/channels/remove": { allowed: ["chair", "admin"], params: GROUP_WITH_WEBHOOK },
  // the inbox and notification choices: every signed-in visitor's own
  "GET /inbox": { allowed: SIGNED_IN },
  "POST /inbox/read-all": { allowed: SIGNED_IN },
  "POST /inbox/:id/read": { allowed: SIGNED_IN },
  "GET /api/inbox": { allowed: SIGNED_IN },
  "POST /api/inbox/:id/read": { allowed: SIGNED_IN, body: {} },
  "POST /api/inbox/read-all": { allowed: SIGNED_IN, body: {} },
  "GET /account/notifications": { allowed: SIGNED_IN },
  "POST /account/notifications": { allowed: SIGNED_IN, body: { "meeting.scheduled": "digest" } },
  "GET /api/account/notification-preferences": { allowed: SIGNED_IN },
  "PUT /api/account/notification-preferences": {
    allowed: SIGNED_IN,
    body: { modes: { "meeting.scheduled": "digest" } },
  },
  // failed deliveries (admin)
  "GET /admin/notifications": { allowed: ADMIN },
  "POST /admin/notifications/:id/retry": { allowed: ADMIN },
  "POST /api/groups/:slug/meetings": { allowed: ["chair"], body: MEETING_TIME },
  "POST /groups/:slug/meetings/:id/reschedule": { allowed: ["chair"], params: MEETING, body: MEETING_TIME },
  "PUT /api/groups/:slug/meetings/:id": { allowed: ["chair"], params: MEETING, body: MEETING_TIME },
  "POST /groups/:slug/meetings/:id/cancel": { allowed: ["chair"], params: MEETING },
  "POST /api/groups/:slug/meetings/:id/cancel": { allowed: ["chair"], params: MEETING },
  "POST /groups/:slug/meetings/:id/agenda": {
    allowed: PARTICIPANTS,
    params: MEETING,
    body: { title: "Walk" },
  },
  "POST /api/groups/:slug/meetings/:id/agenda-items": {
    allowed: PARTICIPANTS,
    params: MEETING,
    body: { title: "Walk" },
  },
  "POST /groups/:slug/meetings/:id/notes": {
    allowed: PARTICIPANTS,
    params: MEETING,
    body: { publicNotes: "walk", privateNotes: "walk" },
  },
  "PUT /api/groups/:slug/meetings/:id/notes": {
    allowed: PARTICIPANTS,
    params: MEETING,
    body: { publicNotes: "walk", privateNotes: "walk", publish: true },
  },
  "POST /groups/:slug/meetings/:id/action-items": {
    allowed: PARTICIPANTS,
    params: MEETING,
    body: { title: "Walk", ownerPersonId: "@walk-member", dueOn: "2026-12-20" },
  },
  "POST /api/groups/:slug/meetings/:id/action-items": {
    allowed: PARTICIPANTS,
    params: MEETING,
    body: { title: "Walk", ownerPersonId: "@walk-member", dueOn: "2026-12-20" },
  },
  "POST /groups/:slug/action-items/:id/done": { allowed: PARTICIPANTS, params: ACTION_ITEM },
  "POST /api/groups/:slug/action-items/:id/done": { allowed: PARTICIPANTS, params: ACTION_ITEM },
  // hand-overs: the group's Chair, the Board (and administrators, to read); the leaver writes the note.
  "GET /groups/:slug/handovers": { allowed: ["chair", "board", "admin"] },
  "GET /api/groups/:slug/handovers": { allowed: ["chair", "board", "admin"] },
  "POST /groups/:slug/handovers/items/:id/reassign": {
    allowed: ["chair", "board"],
    params: FLAGGED_ITEM,
    body: { personId: "@walk-member" },
  },
  "POST /api/groups/:slug/handovers/items/:id/reassign": {
    allowed: ["chair", "board"],
    params: FLAGGED_ITEM,
    body: { personId: "@walk-member" },
  },
  "GET /handovers/:id": { allowed: ["group-member", "chair", "board", "admin"], params: MEMBER_HANDOVER },
  "POST /handovers/:id/note": { allowed: ["group-member"], params: MEMBER_HANDOVER, body: { note: "walk" } },
  // board.overview: Board members and site administrators.
  "GET /board": { allowed: ["board", "admin"] },
  "GET /board/agenda.md": { allowed: ["board", "admin"] },
  "GET /api/board/agenda": { allowed: ["board", "admin"] },
  "GET /api/board": { allowed: ["board", "admin"] },
  // board.record-meeting: Board members and site administrators; each request records a fresh past day.
  "POST /board/meetings": { allowed: ["board", "admin"], body: { heldOn: "@fresh-past-day" } },
  "POST /api/board/meetings": { allowed: ["board", "admin"], body: { heldOn: "@fresh-past-day" } },

  // board.record-liaison: Board members and site administrators; the new liaison is the Board visitor.
  "POST /groups/:slug/board-liaison": {
    allowed: ["board", "admin"],
    params: GROUP,
    body: { person: "Visitor board", startedOn: "2026-11-21" },
  },
  "POST /api/groups/:slug/board-liaison": {
    allowed: ["board", "admin"],
    params: GROUP,
    body: { person: "Visitor board", startedOn: "2026-11-21" },
  },
  // site administration
  "GET /admin/claims": { allowed: ADMIN },
  "POST /admin/claims/:id/confirm": { allowed: ADMIN },
  "POST /admin/claims/:id/reject": { allowed: ADMIN },
  "GET /api/admin/claims": { allowed: ADMIN },
  "POST /api/admin/claims/:id/confirm": { allowed: ADMIN },
  "POST /api/admin/claims/:id/reject": { allowed: ADMIN },
  // admin.roles: a past grant, so no visitor's rights change during the walk.
  "GET /admin/roles": { allowed: ADMIN },
  "POST /admin/roles": { allowed: ADMIN, body: PAST_GRANT },
  "POST /admin/roles/:id/end": { allowed: ADMIN, body: { endedOn: "2026-11-21", reason: "walk" } },
  "GET /api/admin/foundation-roles": { allowed: ADMIN },
  "POST /api/admin/foundation-roles": { allowed: ADMIN, body: PAST_GRANT },
  "POST /api/admin/foundation-roles/:id/end": { allowed: ADMIN, body: { endedOn: "2026-11-21" } },
  // ecosystem (public)
  "GET /packages": { allowed: ALL },
  "GET /packages.csv": { allowed: ALL },
  "GET /api/packages": { allowed: ALL },
  "GET /api/packages/:name": { allowed: ALL },
  "GET /packages/:name": { allowed: ALL },
  "GET /releases": { allowed: ALL },
  "GET /releases/support": { allowed: ALL },
  "GET /releases/calendar.ics": { allowed: ALL },
  "GET /releases/:file{[^/]+\\.ics}": { allowed: ALL },
  "GET /api/releases": { allowed: ALL },
  "POST /releases/milestones": {
    allowed: ADMIN,
    body: { series: "6.2", milestone: "alpha", date: "2027-01-18" },
  },
  "POST /api/releases/milestones": {
    allowed: ADMIN,
    body: { series: "6.2", milestone: "beta", date: "2027-02-22" },
  },
  "POST /releases/milestones/:series/:milestone/remove": {
    allowed: ADMIN,
    params: () => RECORDED_MILESTONE(),
    body: { note: "walk" },
  },
  "DELETE /api/releases/milestones/:series/:milestone": {
    allowed: ADMIN,
    params: () => RECORDED_MILESTONE(),
  },
  "GET /readiness": { allowed: ALL },
  "GET /readiness/:series": { allowed: ALL },
  "GET /api/readiness/:series": { allowed: ALL },
  // package health, checkup, reviews
  "GET /health/rules": { allowed: ALL },
  "GET /api/health/rules": { allowed: ALL },
  "GET /health/rules/:id": { allowed: ALL, params: { id: "maintenance.current-django" } },
  "GET /health/no-security-contact": { allowed: ALL },
  "GET /api/health/no-security-contact": { allowed: ALL },
  "GET /checkup": { allowed: ALL },
  "GET /checkup/rules": { allowed: ALL },
  "GET /api/checkup/rules": { allowed: ALL },
  "GET /checkup/rules/:id": { allowed: ALL, params: { id: "django-naming" } },
  "GET /packages/:name/checkup": { allowed: ALL },
  "GET /api/packages/:name/checkup": { allowed: ALL },
  "GET /reviews": { allowed: ALL },
  "POST /reviews": { allowed: ADMIN, body: { top: "5", title: "Walk review" } },
  "POST /api/reviews": { allowed: ADMIN, body: { top: 5 } },
  "GET /api/reviews": { allowed: ALL },
  "GET /api/reviews/:id": { allowed: ALL, params: { id: "1" } },
  "GET /api/reviews/:id/since/:other": { allowed: ALL, params: { id: "1", other: "1" } },
  "GET /reviews/:file{[0-9]+\\.(?:csv|md)}": { allowed: ALL, params: { file: "1.md" } },
  "GET /reviews/:id": { allowed: ALL, params: { id: "1" } },
  "GET /reviews/:id/since/:other": { allowed: ALL, params: { id: "1", other: "1" } },
  // calls for maintainers: the Package Maintainers group here is the walk group's chair and member
  // (no walk account maintains the walk package); anyone signed in offers help.
  "GET /maintainers-wanted": { allowed: ALL },
  "GET /api/maintainers-wanted": { allowed: ALL },
  "GET /maintainers-wanted.atom": { allowed: ALL },
  "GET /maintainers-wanted/dormant": { allowed: ALL },
  "GET /packages/:name/maintainers": { allowed: ALL, params: { name: "walk-package" } },
  "POST /packages/:name/maintainer-calls": {
    allowed: PARTICIPANTS,
    params: { name: "walk-package" },
    body: { help: "walk", skills: "walking", hoursPerWeek: "2" },
  },
  "POST /maintainer-calls/:id/filled": { allowed: PARTICIPANTS, params: CALL },
  "POST /maintainer-calls/:id/withdrawn": { allowed: PARTICIPANTS, params: CALL },
  "POST /maintainer-calls/:id/offers": { allowed: SIGNED_IN, params: CALL, body: { pypiUser: "walker" } },
  "POST /maintainer-offers/:id/accept": { allowed: PARTICIPANTS, params: OFFER },
  // the compatibility tracker of an upcoming series
  "GET /releases/:series/tracker": { allowed: ALL, params: { series: "6.2" } },
  "GET /api/releases/:series/tracker": { allowed: ALL, params: { series: "6.2" } },
  "GET /releases/:series/tracker/:name": { allowed: ALL, params: { series: "6.2", name: "walk-package" } },
  "POST /releases/:series/tracker/:name": {
    allowed: PARTICIPANTS,
    params: { series: "6.2", name: "walk-package" },
    body: { status: "not-started" },
  },
  "POST /api/releases/:series/tracker/:name": {
    allowed: PARTICIPANTS,
    params: { series: "6.2", name: "walk-package" },
    body: { status: "blocked", reason: "walk" },
  },
  "POST /api/packages/:name/maintainer-calls": {
    allowed: PARTICIPANTS,
    params: FRESH_PACKAGE,
    body: { help: "walk", skills: "walking", hoursPerWeek: 2, suitsMentee: true },
  },
  // the series' discussion channel: the Package Maintainers group only
  "POST /releases/:series/channel": {
    allowed: PARTICIPANTS,
    params: { series: "6.2" },
    body: { url: "https://forum.example.org/t/walk" },
  },
  // subscriptions to a package's milestone reminders: its maintainers and the group
  "POST /packages/:name/subscription": { allowed: PARTICIPANTS, params: FRESH_PACKAGE },
  "POST /packages/:name/subscription/delete": { allowed: PARTICIPANTS, params: { name: "walk-package" } },
  // ownership transfers: the package's maintainers and the group (no walk account is a roadie of them)
  "GET /transfers": { allowed: ALL },
  "GET /api/transfers": { allowed: ALL },
  "GET /transfers/:id": { allowed: ALL, params: () => Promise.resolve({ id: walkTransfer }) },
  "GET /api/transfers/:id": { allowed: ALL, params: () => Promise.resolve({ id: walkTransfer }) },
  "GET /packages/:name/transfers": { allowed: ALL, params: { name: "walk-package" } },
  "POST /packages/:name/transfers": {
    allowed: PARTICIPANTS,
    params: FRESH_PACKAGE,
    body: { fromKind: "person", fromName: "Walk Owner", toKind: "django-commons" },
  },
  "POST /api/packages/:name/transfers": {
    allowed: PARTICIPANTS,
    params: FRESH_PACKAGE,
    body: { fromKind: "jazzband", toKind: "wagtail-nest", addPypiOwners: ["walker"] },
  },
  "POST /transfers/:id/steps/:step": {
    allowed: PARTICIPANTS,
    params: TRANSFER_STEP,
    body: { owner: "roadie", state: "in-progress" },
  },
  "POST /api/transfers/:id/steps/:step": {
    allowed: PARTICIPANTS,
    params: TRANSFER_STEP,
    body: { owner: "to", state: "done" },
  },
  "POST /transfers/:id/done": { allowed: PARTICIPANTS, params: TRANSFER },
  "POST /transfers/:id/cancelled": { allowed: PARTICIPANTS, params: TRANSFER },
  // the roster: anyone signed in joins and leaves it, themselves
  "POST /roadies": { allowed: SIGNED_IN, body: { capacity: "2" } },
  "POST /roadies/leave": { allowed: SIGNED_IN },
  // PEP 541 contact logs: read by anyone, written by the package's maintainers and the group
  "GET /packages/:name/contact-log": { allowed: ALL, params: { name: "walk-package" } },
  "GET /api/packages/:name/contact-log": { allowed: ALL, params: { name: "walk-package" } },
  "POST /packages/:name/contact-attempts": {
    allowed: PARTICIPANTS,
    params: { name: "walk-package" },
    body: { attemptedOn: "2026-11-01", channel: "email", outcome: "no-reply" },
  },
  "POST /api/packages/:name/contact-attempts": {
    allowed: PARTICIPANTS,
    params: { name: "walk-package" },
    body: { attemptedOn: "2026-11-02", channel: "issue", outcome: "bounced" },
  },
  // marketing: the matrix is public; items are the Marketing WG's (the walk's chair and member) until published
  "GET /marketing/matrix": { allowed: ALL },
  "GET /api/marketing/matrix": { allowed: ALL },
  "POST /marketing/matrix/override": {
    allowed: ["chair"],
    body: { kind: "event-collateral", member: "on", board: "on", reason: "walk" },
  },
  "GET /marketing/items": { allowed: ALL, shows: { text: "<td>Draft</td>", to: ["group-member", "chair"] } },
  "POST /marketing/items": {
    allowed: PARTICIPANTS,
    body: { kind: "www-page", title: "Walk page", body: "Walk." },
  },
  "GET /marketing/items/:id": { allowed: PRIVATE, params: DRAFT_ITEM },
  "GET /marketing/items/:id/diff": { allowed: PARTICIPANTS, params: DRAFT_ITEM },
  "POST /marketing/items/:id": {
    allowed: PARTICIPANTS,
    params: DRAFT_ITEM,
    body: { baseRevision: "1", title: "Walk edit", body: "Edited." },
  },
  "POST /marketing/items/:id/lock": { allowed: PARTICIPANTS, params: DRAFT_ITEM },
  "POST /marketing/items/:id/submit": { allowed: PARTICIPANTS, params: DRAFT_ITEM },
  // A member step: the group decides it; the Board is let in by the policy but refused the step (403).
  "POST /marketing/items/:id/steps/:step": {
    allowed: PARTICIPANTS,
    params: REVIEW_STEP,
    body: { decision: "approve" },
  },
  "POST /marketing/items/:id/schedule": {
    allowed: PARTICIPANTS,
    params: APPROVED_ITEM,
    body: { at: "2030-01-01T09:00:00Z" },
  },
  "POST /marketing/items/:id/publish": { allowed: PARTICIPANTS, params: APPROVED_ITEM },
  "POST /marketing/items/:id/archive": { allowed: PARTICIPANTS, params: DRAFT_ITEM },
  "POST /marketing/items/:id/revisions/:number/restore": {
    allowed: PARTICIPANTS,
    params: () => DRAFT_ITEM().then((p) => ({ ...p, number: "1" })),
  },
  // strategy documents: the approved revision for DSF members; the current draft for the group only
  "GET /marketing/strategy": {
    allowed: STRATEGY_READERS,
    shows: { text: "You see drafts too", to: ["group-member", "chair"] },
  },
  "GET /marketing/strategy/:id": {
    allowed: STRATEGY_READERS,
    params: STRATEGY_DOCUMENT,
    shows: { text: "The current draft", to: ["group-member", "chair"] },
  },
  "GET /blog": { allowed: ALL },
  "GET /blog/feed.atom": { allowed: ALL },
  "GET /blog/export.json": { allowed: ALL },
  "GET /blog/tags/:tag": { allowed: ALL, params: PUBLISHED_POST },
  "GET /blog/:slug": { allowed: ALL, params: PUBLISHED_POST },
  // the editorial calendar is public (scheduled and published items; the group also sees its drafts);
  // campaigns are seen by DSF members and planned by the group
  "GET /marketing/calendar": {
    allowed: ALL,
    shows: { text: "Not on the calendar yet", to: ["group-member", "chair"] },
  },
  "GET /marketing/calendar.ics": { allowed: ALL },
  "GET /marketing/campaigns": { allowed: DSF_MEMBERS },
  "POST /marketing/campaigns": { allowed: PARTICIPANTS, body: CAMPAIGN_FIELDS },
  "GET /marketing/campaigns/:id": { allowed: DSF_MEMBERS, params: CAMPAIGN },
  "POST /marketing/campaigns/:id": { allowed: PARTICIPANTS, params: CAMPAIGN, body: CAMPAIGN_FIELDS },
  "POST /marketing/items/:id/plan": {
    allowed: PARTICIPANTS,
    params: DRAFT_ITEM,
    body: { plannedOn: "2026-12-20" },
  },
};

/** Routes answered before authentication, identical for every visitor (so cacheable by anyone). */
const SAME_FOR_EVERYONE = ["GET /static/site.css", "GET /static/suggest.js", "GET /healthz"];

let database: Database;
let app: Hono<AppEnv>;
let services: Services;
const userIds = new Map<Kind, number>();
const bearer = new Map<Kind, string>();
let memberPeriod = "";
let fixtureCounter = 0;
/** A day not used before, before the walk's clock (2026-11-21): one "once per day" record each. */
let pastDays = 0;
const freshPastDay = () =>
  new Date(Date.parse("2026-11-20T00:00:00Z") - pastDays++ * 86_400_000).toISOString().slice(0, 10);
/** A person in no group, whom members of an invitation-model group may admit. */
let inviteeId = 0;
/** The walk group, its member's person, and its meeting with notes. */
let walkGroupId = 0;
let walkMemberPerson = 0;
let notesMeeting = "";
/** A transfer made once, for the pages that show one. */
let walkTransfer = "";

/** Sends one JSON API request with a bearer token and returns the parsed body. */
async function apiAs(token: string, path: string, json: unknown): Promise<Record<string, unknown>> {
  const res = await app.request(path, {
    method: "POST",
    headers: { authorization: `Bearer ${token}`, "content-type": "application/json" },
    body: JSON.stringify(json),
  });
  const body = (await res.json()) as Record<string, unknown>;
  if (res.status >= 300) throw new Error(`fixture ${path}: ${res.status} ${JSON.stringify(body)}`);
  return body;
}

const fixtures: Fixtures = {
  async vote() {
    const body = await apiAs(bearer.get("chair") ?? "", "/api/groups/walk/votes", {
      kind: "proposal",
      title: `Walk proposal ${++fixtureCounter}`,
      closesAt: "2026-12-01T12:00:00Z",
    });
    return String((body.vote as { id: number }).id);
  },
  async group(charter = {}) {
    const slug = `walk-${++fixtureCounter}`;
    await insertGroup(database.db, {
      slug,
      chairs: ["Walk Chair"],
      coChairs: [],
      boardLiaisons: ["Walk Liaison"],
      members: ["Walk Member"],
      charter,
    });
    return slug;
  },
  invitationGroup() {
    return fixtures.group({ membershipModel: "invitation" });
  },
  async boardReport() {
    const slug = await fixtures.group();
    const [g] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, slug));
    const [r] = await database.db
      .insert(schema.groupReports)
      .values({
        groupId: g?.id ?? 0,
        periodStart: "2026-10-01",
        periodEnd: "2026-10-31",
        cadence: "as-needed",
        visibility: "board",
        highlights: ["One", "Two", "Three"],
        asks: [],
        submittedAt: services.clock.now(),
      })
      .returning({ id: schema.groupReports.id });
    return String(r?.id);
  },
  async meeting() {
    const m = await scheduleMeeting({
      deps: { database, clock: services.clock },
      actor: { userId: null, personId: null, label: "walk" },
      input: { groupId: walkGroupId, ...MEETING_TIME, title: `Walk meeting ${++fixtureCounter}` },
    });
    return String(m.id);
  },
  async request() {
    const slug = await fixtures.group();
    const { id } = await openRequest({
      deps: { database, clock: services.clock },
      actor: { userId: null, personId: null, label: "walk" },
      from: slug,
      input: {
        target: "board",
        kind: "decision",
        title: "Walk private request",
        answerNeeded: "approval",
        deadline: "2026-12-31",
        visibility: "private",
      },
    });
    return String(id);
  },
  async actionItem() {
    const meetingId = Number(await fixtures.meeting());
    const item = await addActionItem({
      deps: { database, clock: services.clock },
      actor: { userId: null, personId: null, label: "walk" },
      input: {
        groupId: walkGroupId,
        meetingId,
        title: "Walk",
        ownerPersonId: walkMemberPerson,
        dueOn: "2026-12-20",
      },
    });
    return String(item.id);
  },
  async flaggedItem() {
    const meetingId = Number(await fixtures.meeting());
    const leaver = await insertPerson(database.db, { name: `Walk Leaver ${++fixtureCounter}` });
    const now = services.clock.now();
    const [item] = await database.db
      .insert(schema.meetingActionItems)
      .values({
        groupId: walkGroupId,
        meetingId,
        title: "Walk",
        ownerPersonId: leaver.id,
        dueOn: "2026-12-20",
        createdAt: now,
      })
      .returning();
    const [handover] = await database.db
      .insert(schema.handovers)
      .values({
        personId: leaver.id,
        groupId: walkGroupId,
        endedOn: "2026-11-01",
        cause: "left",
        reason: "walk",
        createdAt: now,
      })
      .returning();
    const [flag] = await database.db
      .insert(schema.handoverItems)
      .values({
        handoverId: handover?.id ?? 0,
        sourceKind: "meeting-action-item",
        itemId: String(item?.id),
        title: "Walk",
        flaggedAt: now,
      })
      .returning();
    return String(flag?.id);
  },
  async memberHandover() {
    const endedOn = new Date(Date.UTC(2020, 0, 1) + ++fixtureCounter * 86_400_000).toISOString().slice(0, 10);
    const [handover] = await database.db
      .insert(schema.handovers)
      .values({
        personId: walkMemberPerson,
        groupId: walkGroupId,
        endedOn,
        cause: "ended",
        reason: "walk",
        createdAt: services.clock.now(),
      })
      .returning();
    return String(handover?.id);
  },
  async application() {
    const slug = await fixtures.group();
    const db = database.db;
    const now = services.clock.now();
    const n = ++fixtureCounter;
    const person = await insertPerson(db, { name: `Applicant ${n}` });
    const user = await createUser({
      db,
      now,
      by: CLI_ACTOR,
      email: `applicant-${n}@example.org`,
      name: `Applicant ${n}`,
    });
    await db.update(schema.users).set({ personId: person.id }).where(eq(schema.users.id, user.id));
    const { token } = await createToken({
      db,
      now,
      by: CLI_ACTOR,
      userId: user.id,
      name: "a",
      scopes: ["groups"],
      expiresInDays: 1,
    });
    const body = await apiAs(token, `/api/groups/${slug}/applications`, {
      statement: "walk",
      skills: "walking",
      timeCommitment: "an hour",
    });
    return String((body.application as { applicationId: number }).applicationId);
  },
};

/** The application's routes as "METHOD path", without middleware. */
function registeredRoutes(): string[] {
  const keys = new Set<string>();
  for (const r of app.routes) {
    if (r.method === "ALL" && r.path.endsWith("*")) continue;
    keys.add(`${r.method} ${r.path}`);
  }
  return [...keys];
}

function fillPath(path: string, params: Record<string, string>): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, (_m, name: string) => {
    const value = params[name] ?? PARAMS[name];
    if (value === undefined) throw new Error(`no value for :${name} in ${path}; add it to PARAMS or params`);
    return encodeURIComponent(value);
  });
}

async function freshSignInLink(): Promise<string> {
  const token = newSecret();
  const now = services.clock.now();
  await database.db.insert(schema.signInLinks).values({
    tokenHash: hashSecret(token),
    email: `link-${newSecret().slice(0, 8).toLowerCase()}@example.org`,
    createdAt: now,
    expiresAt: new Date(now.getTime() + 600_000),
  });
  return token;
}

let ipCounter = 0;

/** Sends one request as `kind`, by session (with cookies and CSRF) or by bearer token. */
async function visit(
  kind: Kind,
  key: string,
  access: RouteAccess,
  via: "session" | "token",
): Promise<Response> {
  const [method = "GET", pattern = "/"] = key.split(" ");
  const fixed = typeof access.params === "function" ? await access.params(fixtures) : { ...access.params };
  const params = Object.fromEntries(
    Object.entries(fixed).map(([k, v]) => [k, v === "@member-period" ? memberPeriod : v]),
  );
  const body: Record<string, unknown> = Object.fromEntries(
    Object.entries(access.body ?? {}).map(([k, v]) => [
      k,
      v === "@invitee"
        ? inviteeId
        : v === "@walk-member"
          ? walkMemberPerson
          : v === "@fresh-past-day"
            ? freshPastDay()
            : v,
    ]),
  );
  let query = "";
  if (access.signInLink) {
    const token = await freshSignInLink();
    if (method === "GET") query = `?token=${encodeURIComponent(token)}`;
    else body.token = token;
  }
  const path = fillPath(pattern, params) + query;
  const headers = new Headers({ "x-forwarded-for": `192.0.2.${(ipCounter++ % 250) + 1}` });
  const userId = userIds.get(kind);
  if (via === "token" && kind !== "anonymous") {
    headers.set("authorization", `Bearer ${bearer.get(kind)}`);
  } else {
    const csrfCookie = "walk-csrf-cookie";
    const cookies = [`guildhall_csrf=${csrfCookie}`];
    let sessionId: string | undefined;
    if (userId !== undefined) {
      ({ sessionId } = await startSession({
        db: database.db,
        userId,
        method: "email",
        now: services.clock.now(),
        days: 1,
      }));
      cookies.push(`guildhall_session=${sessionId}`);
    }
    headers.set("cookie", cookies.join("; "));
    headers.set("x-csrf-token", csrfTokenFor(services.config.auth.secret, csrfCookie, sessionId));
  }
  let payload: string | undefined;
  if (method !== "GET" && method !== "HEAD") {
    if (pattern.startsWith("/api/")) {
      headers.set("content-type", "application/json");
      payload = JSON.stringify(body);
    } else {
      headers.set("content-type", "application/x-www-form-urlencoded");
      const form = new URLSearchParams();
      for (const [k, v] of Object.entries(body)) {
        for (const one of Array.isArray(v) ? v : [v]) form.append(k, String(one));
      }
      payload = form.toString();
    }
  }
  return app.request(path, { method, headers, body: payload });
}

/** True when the response refuses the visitor: 401, 403, or a page sending them to sign in. */
function isDenied(res: Response): boolean {
  if (res.status === 401 || res.status === 403) return true;
  return res.status === 303 && (res.headers.get("location") ?? "").startsWith("/sign-in?next=");
}

beforeAll(async () => {
  database = await createTestDatabase();
  ({ app, services } = await createTestApplication(database));
  const db = database.db;
  const now = services.clock.now();
  const group = await insertGroup(db, {
    slug: "walk",
    chairs: ["Walk Chair"],
    coChairs: [],
    boardLiaisons: ["Walk Liaison"],
    members: ["Walk Member"],
  });
  inviteeId = (await insertPerson(db, { name: "Walk Invitee" })).id;
  // The Package Maintainers group: the walk group's chair and member take part in it too.
  await insertGroup(db, {
    slug: "package-maintainers",
    chairs: ["Walk Chair"],
    coChairs: [],
    boardLiaisons: [],
    members: ["Walk Member"],
  });
  await db
    .insert(schema.packages)
    .values({ name: "walk-package", displayName: "walk-package", latestVersion: "1.0", source: "snapshot" });
  walkGroupId = group.id;
  marketingGroupId = (await insertMarketingGroups(db, { chairs: ["Walk Chair"], members: ["Walk Member"] }))
    .marketing;
  const author = await createUser({
    db,
    now,
    by: CLI_ACTOR,
    email: "walk-author@example.org",
    name: "Walk Author",
  });
  marketingAuthor = { userId: author.id, name: "Walk Author" };
  walkMemberPerson = group.people.get("Walk Member") ?? 0;
  await setGroupWebhook({
    database,
    now: services.clock.now(),
    by: { userId: null, label: "walk" },
    groupId: group.id,
    provider: "discord",
    url: webhookUrl(0),
    kinds: ["meeting.scheduled", "meeting.changed", "meeting.cancelled"],
  });
  const meetingDeps = { database, clock: services.clock };
  const walkActor = { userId: null, personId: null, label: "walk" };
  const noted = await scheduleMeeting({
    deps: meetingDeps,
    actor: walkActor,
    input: { groupId: group.id, ...MEETING_TIME, title: "Walk meeting with notes" },
  });
  await saveNotes({
    deps: meetingDeps,
    actor: walkActor,
    input: {
      groupId: group.id,
      meetingId: noted.id,
      publicNotes: "WALK-PUBLIC-NOTES",
      privateNotes: "WALK-PRIVATE-NOTES",
      publish: true,
    },
  });
  notesMeeting = String(noted.id);
  walkTransfer = await freshTransfer();
  for (const kind of SIGNED_IN) {
    const user = await createUser({
      db,
      now,
      by: CLI_ACTOR,
      email: `${kind}@example.org`,
      name: `Visitor ${kind}`,
    });
    userIds.set(kind, user.id);
    const grant = (role: string) =>
      grantFoundationRole({ db, now, by: CLI_ACTOR, userId: user.id, role, startedOn: "2026-01-01" });
    if (kind === "dsf-member") await grant("dsf-member");
    if (kind === "board") await grant("board-member");
    if (kind === "admin") await grant("site-admin");
    // Every account has claimed its person; only the group-member and the chair are in the group.
    const person =
      kind === "group-member"
        ? group.people.get("Walk Member")
        : kind === "chair"
          ? group.people.get("Walk Chair")
          : (await insertPerson(db, { name: `Visitor ${kind}` })).id;
    if (person === undefined) throw new Error(`no person for ${kind}`);
    await db.update(schema.users).set({ personId: person }).where(eq(schema.users.id, user.id));
    const { token } = await createToken({
      db,
      now,
      by: CLI_ACTOR,
      userId: user.id,
      name: "walk",
      scopes: [...TOKEN_SCOPES],
      expiresInDays: 30,
    });
    bearer.set(kind, token);
  }
});

beforeAll(async () => {
  // The walk member's term ends soon, so the member may opt in to renew it.
  const [walk] = await database.db.select().from(schema.groups).where(eq(schema.groups.slug, "walk"));
  const member = (
    await database.db
      .select()
      .from(schema.users)
      .where(eq(schema.users.id, userIds.get("group-member") ?? 0))
  )[0];
  if (!walk || !member?.personId) throw new Error("walk fixtures missing");
  const period = await recordRolePeriod({
    db: database.db,
    now: services.clock.now(),
    by: CLI_ACTOR,
    groupId: walk.id,
    personId: member.personId,
    role: "member",
    startedOn: "2025-12-01",
    termEndsOn: "2026-12-01",
    reason: "walk fixture",
  });
  memberPeriod = String(period.id);
});

afterAll(async () => {
  await database?.close();
});

describe("route walk", () => {
  it("every registered route is classified, and every classified route exists", () => {
    const registered = registeredRoutes();
    const unclassified = registered.filter((k) => !(k in ROUTE_ACCESS));
    expect(unclassified, "add these routes to ROUTE_ACCESS in test/route-walk.db.test.ts").toEqual([]);
    const stale = Object.keys(ROUTE_ACCESS).filter((k) => !registered.includes(k));
    expect(stale, "these routes are no longer registered; remove them from ROUTE_ACCESS").toEqual([]);
  });

  it("every route is declared, and every state-changing route names a policy action from the action table", () => {
    // The action table is derived from what the kernel and every room registered (src/kernel/policy).
    const ACTION_SCOPES = actionScopes();
    const problems: string[] = [];
    for (const r of declaredRoutes(app)) {
      const key = `${r.method} ${r.path}`;
      if (!r.definition) {
        problems.push(`${key}: not declared (use a declared router: platform/http/route.ts)`);
        continue;
      }
      if (STATE_CHANGING.has(r.method) && r.definition.actions.length === 0) {
        problems.push(`${key}: changes state but names no policy action`);
      }
      r.definition.actions.forEach((action, i) => {
        if (!(action in ACTION_SCOPES)) problems.push(`${key}: action ${action} is registered by no room`);
        else if (ACTION_SCOPES[action] !== r.definition?.scopes[i])
          problems.push(
            `${key}: action ${action} has scope ${r.definition?.scopes[i]}, registered ${ACTION_SCOPES[action]}`,
          );
      });
      if (r.path.startsWith("/api/") && !r.definition.summary)
        problems.push(`${key}: API route without a summary`);
    }
    expect(problems).toEqual([]);
  });

  it("a token without the scope of a state-changing route's action is refused there (403) and nothing changes", async () => {
    const db = database.db;
    const admin = userIds.get("admin") ?? 0;
    const member = userIds.get("group-member") ?? 0;
    const checked: string[] = [];
    const problems: string[] = [];
    for (const r of declaredRoutes(app)) {
      const access = ROUTE_ACCESS[`${r.method} ${r.path}`];
      if (!r.definition || !access || !STATE_CHANGING.has(r.method)) continue;
      const needed = new Set(r.definition.scopes);
      const kind: Kind = access.allowed.includes("admin") ? "admin" : (access.allowed[0] ?? "admin");
      const others = TOKEN_SCOPES.filter((s) => !needed.has(s));
      const { token } = await createToken({
        db,
        now: services.clock.now(),
        by: CLI_ACTOR,
        userId: kind === "admin" ? admin : (userIds.get(kind) ?? member),
        name: "too few scopes",
        scopes: others.length ? others : ["read"],
        expiresInDays: 1,
      });
      const saved = bearer.get(kind);
      bearer.set(kind, token);
      try {
        const res = await visit(kind, `${r.method} ${r.path}`, access, "token");
        await res.body?.cancel();
        checked.push(`${r.method} ${r.path}`);
        if (res.status !== 403)
          problems.push(`${r.method} ${r.path} as ${kind} without ${[...needed]}: ${res.status}`);
      } finally {
        if (saved) bearer.set(kind, saved);
      }
    }
    expect(problems).toEqual([]);
    expect(checked).toContain("POST /api/role-periods/:id/renew");
    expect(checked.length).toBeGreaterThan(30);
    // The renewal a `read` token once made: refused, and the term did not move.
    const readOnly = await createToken({
      db,
      now: services.clock.now(),
      by: CLI_ACTOR,
      userId: member,
      name: "read only",
      scopes: ["read"],
      expiresInDays: 1,
    });
    const termOf = async () =>
      (
        await db
          .select()
          .from(schema.rolePeriods)
          .where(eq(schema.rolePeriods.id, Number(memberPeriod)))
      )[0]?.termEndsOn;
    const before = await termOf();
    expect(before).toBeTruthy();
    const res = await app.request(`/api/role-periods/${memberPeriod}/renew`, {
      method: "POST",
      headers: { authorization: `Bearer ${readOnly.token}` },
    });
    expect(res.status).toBe(403);
    expect(await termOf()).toBe(before);
  });

  it("reports each visitor kind's rights in a direct-model group as the policy decides them", async () => {
    const rights = new Map<Kind, Record<string, boolean>>();
    for (const kind of KINDS) {
      const res = await visit(kind, "GET /api/groups/:slug/permissions", { allowed: ALL }, "session");
      expect(res.status).toBe(200);
      rights.set(kind, ((await res.json()) as { permissions: Record<string, boolean> }).permissions);
    }
    const who = (action: string) => KINDS.filter((k) => rights.get(k)?.[action]);
    expect(who("group.view")).toEqual([...KINDS]);
    expect(who("group.apply")).toEqual(["signed-in", "dsf-member", "board", "admin"]);
    expect(who("group.decide-membership")).toEqual(["group-member", "chair"]);
    expect(who("group.manage-applications")).toEqual(["chair"]);
    expect(who("group.view-private")).toEqual(["group-member", "chair", "board", "admin"]);
    expect(who("group.edit-arrangements")).toEqual(["chair", "admin"]);
    expect(who("group.record-roles")).toEqual(["admin"]);
  });

  it("keeps the shared caching of public pages for anonymous visitors", async () => {
    for (const key of ["GET /groups", "GET /groups/:slug", "GET /people", "GET /packages", "GET /releases"]) {
      const res = await visit("anonymous", key, { allowed: ALL }, "session");
      await res.body?.cancel();
      expect(res.status, key).toBe(200);
      expect(res.headers.get("cache-control") ?? "", key).not.toMatch(/no-store|private/);
    }
  });

  for (const via of ["session", "token"] as const) {
    it(`allows and denies each visitor kind as classified (${via === "session" ? "browser sessions" : "access tokens"})`, async () => {
      const problems: string[] = [];
      let allowedChecks = 0;
      let deniedChecks = 0;
      let succeeded = 0;
      for (const key of registeredRoutes()) {
        const access = ROUTE_ACCESS[key];
        if (!access) continue;
        for (const kind of KINDS) {
          const res = await visit(kind, key, access, via);
          const shown =
            access.shows && res.status < 300 ? (await res.text()).includes(access.shows.text) : null;
          if (shown === null) await res.body?.cancel();
          if (access.shows && shown !== null && shown !== access.shows.to.includes(kind)) {
            problems.push(`${key} as ${kind}: ${shown ? "shows" : "hides"} "${access.shows.text}"`);
          }
          if (access.shows && access.allowed.includes(kind) && shown === null) {
            problems.push(`${key} as ${kind}: ${res.status}, so what it shows was not checked`);
          }
          // Anything answered to a signed-in visitor (session or token) is never stored by a cache.
          if (
            kind !== "anonymous" &&
            !SAME_FOR_EVERYONE.includes(key) &&
            !/\bno-store\b/.test(res.headers.get("cache-control") ?? "")
          ) {
            problems.push(`${key} as ${kind}: ${res.status} without Cache-Control: no-store`);
          }
          const shouldAllow = access.allowed.includes(kind);
          if (shouldAllow) {
            allowedChecks++;
            if (res.status < 400) succeeded++;
            if (process.env.ROUTE_WALK_LOG) console.log(`${via} ${kind} ${key} -> ${res.status}`);
            if (isDenied(res)) problems.push(`${key} as ${kind}: expected allowed, got ${res.status}`);
            if (res.status >= 500) problems.push(`${key} as ${kind}: server error ${res.status}`);
            // A page or document an allowed visitor asks for exists (its fixture is made for it): a
            // 404 means another route answered the path, or the fixture is wrong.
            if (key.startsWith("GET ") && res.status === 404) {
              problems.push(`${key} as ${kind}: allowed, but answered 404`);
            }
          } else {
            deniedChecks++;
            if (!isDenied(res)) problems.push(`${key} as ${kind}: expected denied, got ${res.status}`);
          }
        }
      }
      expect(problems).toEqual([]);
      expect(allowedChecks).toBeGreaterThan(0);
      expect(deniedChecks).toBeGreaterThan(0);
      // Most allowed requests do what they ask; the rest are refused by the operation itself (unknown
      // ids 404, repeated actions 409, rate limits 429), never by the policy.
      expect(succeeded / allowedChecks).toBeGreaterThan(0.7);
      // About 300 routes for seven visitors: several thousand requests, minutes on a loaded machine.
    }, 900_000);
  }
});
