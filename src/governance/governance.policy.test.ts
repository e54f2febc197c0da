import { describe, expect, it } from "vitest";
import {
  type Actor,
  ANONYMOUS,
  actionScopes,
  anonymousDenial,
  decide,
  holdsOn,
  kernelPolicy,
  publicActions,
  registerPolicy,
} from "../kernel/index.ts";
import { type Action, governancePolicy, type Resource } from "./governance.policy.ts";
import { exOfficioRoles } from "./policy/ex-officio.ts";

// The registrations decide consults: the kernel's and this room's.
registerPolicy(kernelPolicy);
registerPolicy(governancePolicy);
const ACTION_SCOPES = actionScopes() as Record<Action, string>;
const PUBLIC_ACTIONS = publicActions();

const GROUP = 10;
const direct: Resource = { kind: "group", groupId: GROUP, membershipModel: "direct", status: "active" };
const boardManaged: Resource = {
  kind: "group",
  groupId: GROUP,
  membershipModel: "board-managed",
  status: "active",
};
const scManaged: Resource = {
  kind: "group",
  groupId: GROUP,
  membershipModel: "steering-council-managed",
  status: "active",
};
const DAY = "2026-11-21";

function actor(overrides: Partial<Actor> = {}): Actor {
  return { userId: 1, personId: 100, foundationRoles: [], groupRoles: [], scopes: null, ...overrides };
}
const member = actor({
  groupRoles: [{ groupId: GROUP, role: "member", title: "", startedOn: "2025-01-01", endedOn: null }],
});
const chair = actor({
  groupRoles: [{ groupId: GROUP, role: "chair", title: "", startedOn: null, endedOn: null }],
});
const liaison = actor({
  groupRoles: [{ groupId: GROUP, role: "board-liaison", title: "", startedOn: null, endedOn: null }],
});
const board = actor({
  foundationRoles: [{ role: "board-member", startedOn: "2026-01-01", endedOn: "2028-01-01" }],
});
const council = actor({
  foundationRoles: [{ role: "steering-council-member", startedOn: "2026-01-01", endedOn: null }],
});
const admin = actor({ foundationRoles: [{ role: "site-admin", startedOn: "2020-01-01", endedOn: null }] });
const allowed = (a: Actor, action: Action, r: Resource = { kind: "site" }, on = DAY) =>
  decide(a, action, r, on).allowed;

describe("dated holdings", () => {
  it("holds from the start day up to, not including, the end day", () => {
    const h = { startedOn: "2026-01-01", endedOn: "2026-07-01" };
    expect(holdsOn(h, "2025-12-31")).toBe(false);
    expect(holdsOn(h, "2026-01-01")).toBe(true);
    expect(holdsOn(h, "2026-06-30")).toBe(true);
    expect(holdsOn(h, "2026-07-01")).toBe(false);
  });

  it("a Board member whose term has ended no longer decides for board-managed groups", () => {
    expect(allowed(board, "group.decide-membership", boardManaged, "2027-12-31")).toBe(true);
    expect(allowed(board, "group.decide-membership", boardManaged, "2028-01-01")).toBe(false);
    expect(allowed(board, "group.decide-membership", boardManaged, "2025-12-31")).toBe(false);
  });
});

describe("membership decisions follow the charter's membership model", () => {
  it("direct: the group's members (liaisons included) decide; the Board does not", () => {
    expect(allowed(member, "group.decide-membership", direct)).toBe(true);
    expect(allowed(liaison, "group.decide-membership", direct)).toBe(true);
    expect(allowed(board, "group.decide-membership", direct)).toBe(false);
    expect(allowed(admin, "group.decide-membership", direct)).toBe(false);
  });
  it("board-managed: the Board decides, not the members", () => {
    expect(allowed(board, "group.decide-membership", boardManaged)).toBe(true);
    expect(allowed(member, "group.decide-membership", boardManaged)).toBe(false);
    expect(allowed(chair, "group.decide-membership", boardManaged)).toBe(false);
  });
  it("steering-council-managed: the Steering Council decides", () => {
    expect(allowed(council, "group.decide-membership", scManaged)).toBe(true);
    expect(allowed(board, "group.decide-membership", scManaged)).toBe(false);
    expect(allowed(member, "group.decide-membership", scManaged)).toBe(false);
  });
  it("not stated (or other): nobody decides, and the reason says to ask the Board", () => {
    for (const model of [null, "other"] as const) {
      const unknown: Resource = { kind: "group", groupId: GROUP, membershipModel: model, status: "active" };
      for (const who of [board, member, chair, council, admin]) {
        expect(allowed(who, "group.decide-membership", unknown)).toBe(false);
      }
      expect(decide(member, "group.decide-membership", unknown, DAY).reason).toMatch(
        /does not state how membership decisions are taken; ask the DSF Board/u,
      );
    }
  });
  it("invitation: any member (or liaison, or chair) decides; the Board does not", () => {
    const invitation: Resource = {
      kind: "group",
      groupId: GROUP,
      membershipModel: "invitation",
      status: "active",
    };
    expect(allowed(member, "group.decide-membership", invitation)).toBe(true);
    expect(allowed(liaison, "group.decide-membership", invitation)).toBe(true);
    expect(allowed(board, "group.decide-membership", invitation)).toBe(false);
    expect(allowed(admin, "group.decide-membership", invitation)).toBe(false);
  });
  it("consensus: the group's members decide", () => {
    const consensus: Resource = {
      kind: "group",
      groupId: GROUP,
      membershipModel: "consensus",
      status: "active",
    };
    expect(allowed(member, "group.decide-membership", consensus)).toBe(true);
    expect(allowed(board, "group.decide-membership", consensus)).toBe(false);
  });
  it("appointment: only the holders of the named roles decide", () => {
    const byChair: Resource = {
      kind: "group",
      groupId: GROUP,
      membershipModel: "appointment",
      appointedBy: ["chair"],
      status: "active",
    };
    expect(allowed(chair, "group.decide-membership", byChair)).toBe(true);
    expect(allowed(member, "group.decide-membership", byChair)).toBe(false);
    expect(allowed(liaison, "group.decide-membership", byChair)).toBe(false);
    expect(allowed(board, "group.decide-membership", byChair)).toBe(false);
    const byLiaison: Resource = { ...byChair, appointedBy: ["co-chair", "board-liaison"] };
    expect(allowed(liaison, "group.decide-membership", byLiaison)).toBe(true);
    expect(allowed(chair, "group.decide-membership", byLiaison)).toBe(false);
    // With no role named, the Chair appoints.
    expect(allowed(chair, "group.decide-membership", { ...byChair, appointedBy: [] })).toBe(true);
  });
  it("roles in another group give no rights here", () => {
    const elsewhere = actor({
      groupRoles: [{ groupId: 99, role: "chair", title: "", startedOn: null, endedOn: null }],
    });
    expect(allowed(elsewhere, "group.decide-membership", direct)).toBe(false);
    expect(allowed(elsewhere, "group.manage-applications", direct)).toBe(false);
  });
});

describe("group rights", () => {
  it("chairs and co-chairs manage applications; members, the Board and admins do not", () => {
    expect(allowed(chair, "group.manage-applications", direct)).toBe(true);
    expect(allowed(member, "group.manage-applications", direct)).toBe(false);
    expect(allowed(board, "group.manage-applications", direct)).toBe(false);
    expect(allowed(admin, "group.manage-applications", direct)).toBe(false);
  });
  it("private records: participants, the Board, the Steering Council for its groups, admins", () => {
    expect(allowed(member, "group.view-private", direct)).toBe(true);
    expect(allowed(board, "group.view-private", direct)).toBe(true);
    expect(allowed(council, "group.view-private", direct)).toBe(false);
    expect(allowed(council, "group.view-private", scManaged)).toBe(true);
    expect(allowed(actor(), "group.view-private", direct)).toBe(false);
  });
  it("anyone signed in may apply to an active group they are not in", () => {
    expect(allowed(actor(), "group.apply", direct)).toBe(true);
    expect(allowed(member, "group.apply", direct)).toBe(false);
    expect(allowed(actor(), "group.apply", { ...direct, status: "archived" } as Resource)).toBe(false);
    const d = decide(ANONYMOUS, "group.apply", direct, DAY);
    expect(d).toMatchObject({ allowed: false, denial: "sign-in" });
  });
  it("a role that ended no longer counts", () => {
    const former = actor({
      groupRoles: [
        { groupId: GROUP, role: "member", title: "", startedOn: "2024-01-01", endedOn: "2025-01-01" },
      ],
    });
    expect(allowed(former, "group.report", direct)).toBe(false);
    expect(allowed(former, "group.report", direct, "2024-06-01")).toBe(true);
  });
});

describe("votes", () => {
  const vote = (extra: Partial<Extract<Resource, { kind: "vote" }>> = {}): Resource => ({
    kind: "vote",
    groupId: GROUP,
    decidingBody: "group",
    secret: false,
    ...extra,
  });
  it("a secret ballot reveals who voted how to no one, administrators and voters included", () => {
    for (const a of [member, chair, board, admin, council, ANONYMOUS]) {
      expect(allowed(a, "vote.view-ballots", vote({ secret: true }))).toBe(false);
    }
    expect(allowed(member, "vote.view-ballots", vote({ secret: false }))).toBe(true);
    // Signing in would not help, so an anonymous visitor is told so rather than sent to sign in.
    expect(decide(ANONYMOUS, "vote.view-ballots", vote({ secret: true }), DAY).denial).toBe("never");
  });
  it("the frozen electorate decides who votes; the subject of a removal never does", () => {
    expect(allowed(member, "vote.cast", vote({ electorate: [100, 101] }))).toBe(true);
    expect(allowed(member, "vote.cast", vote({ electorate: [101] }))).toBe(false);
    expect(allowed(member, "vote.cast", vote({ electorate: [100], subjectPersonId: 100 }))).toBe(false);
  });
  it("without an electorate, the deciding body votes", () => {
    expect(allowed(board, "vote.cast", vote({ decidingBody: "board" }))).toBe(true);
    expect(allowed(member, "vote.cast", vote({ decidingBody: "board" }))).toBe(false);
    expect(allowed(member, "vote.cast", vote())).toBe(true);
    expect(allowed(admin, "vote.cast", vote())).toBe(false);
  });
});

describe("accounts, administration and token scopes", () => {
  it("an account is its owner's; administrators may look but not act for them", () => {
    const own: Resource = { kind: "account", userId: 1 };
    const other: Resource = { kind: "account", userId: 2 };
    expect(allowed(actor(), "account.tokens", own)).toBe(true);
    expect(allowed(actor(), "account.tokens", other)).toBe(false);
    expect(allowed(admin, "account.view", other)).toBe(true);
    expect(allowed(admin, "account.tokens", other)).toBe(false);
  });
  it("the Board overview is for Board members (while on the Board) and administrators", () => {
    expect(allowed(board, "board.overview")).toBe(true);
    expect(allowed(board, "board.overview", { kind: "site" }, "2028-01-01")).toBe(false);
    expect(allowed(admin, "board.overview")).toBe(true);
    for (const a of [actor(), member, chair, council]) expect(allowed(a, "board.overview")).toBe(false);
  });
  it("Board meeting days are recorded by Board members (while on the Board) and administrators", () => {
    expect(allowed(board, "board.record-meeting")).toBe(true);
    expect(allowed(board, "board.record-meeting", { kind: "site" }, "2028-01-01")).toBe(false);
    expect(allowed(admin, "board.record-meeting")).toBe(true);
    for (const a of [actor(), member, chair, council]) expect(allowed(a, "board.record-meeting")).toBe(false);
    expect(ACTION_SCOPES["board.record-meeting"]).toBe("groups");
  });
  it("only administrators administer, and only while they are administrators", () => {
    for (const a of [actor(), member, chair, board, council]) expect(allowed(a, "admin.claims")).toBe(false);
    expect(allowed(admin, "admin.claims")).toBe(true);
    const former = actor({
      foundationRoles: [{ role: "site-admin", startedOn: "2020-01-01", endedOn: "2026-01-01" }],
    });
    expect(allowed(former, "admin.claims")).toBe(false);
  });
  it("only administrators see, grant and end foundation roles, and only while they are administrators", () => {
    for (const a of [actor(), member, chair, liaison, board, council]) {
      expect(allowed(a, "admin.roles")).toBe(false);
    }
    expect(allowed(admin, "admin.roles")).toBe(true);
    const former = actor({
      foundationRoles: [{ role: "site-admin", startedOn: "2020-01-01", endedOn: "2026-01-01" }],
    });
    expect(allowed(former, "admin.roles")).toBe(false);
    const future = actor({
      foundationRoles: [{ role: "site-admin", startedOn: "2027-01-01", endedOn: null }],
    });
    expect(allowed(future, "admin.roles")).toBe(false);
    expect(decide(ANONYMOUS, "admin.roles", { kind: "site" }, DAY).denial).toBe("sign-in");
    expect(decide(board, "admin.roles", { kind: "site" }, DAY).denial).toBe("rule");
  });
  it("a token can do only what its scopes allow, and never more than its owner", () => {
    const readOnlyAdmin = { ...admin, scopes: ["read"] };
    expect(allowed(readOnlyAdmin, "admin.claims")).toBe(false);
    expect(decide(readOnlyAdmin, "admin.claims", { kind: "site" }, DAY).denial).toBe("scope");
    expect(allowed({ ...admin, scopes: ["admin"] }, "admin.claims")).toBe(true);
    expect(allowed({ ...member, scopes: ["admin"] }, "admin.claims")).toBe(false);
    expect(ACTION_SCOPES["admin.roles"]).toBe("admin");
    expect(allowed({ ...admin, scopes: ["read"] }, "admin.roles")).toBe(false);
    expect(
      decide({ ...admin, scopes: ["read", "account"] }, "admin.roles", { kind: "site" }, DAY).denial,
    ).toBe("scope");
    expect(allowed({ ...admin, scopes: ["admin"] }, "admin.roles")).toBe(true);
    expect(allowed({ ...board, scopes: ["admin"] }, "admin.roles")).toBe(false);
    expect(allowed({ ...member, scopes: ["read"] }, "group.view-private", direct)).toBe(true);
    expect(
      allowed({ ...member, scopes: ["read"] }, "vote.cast", {
        kind: "vote",
        groupId: GROUP,
        decidingBody: "group",
        secret: false,
      }),
    ).toBe(false);
  });
  it("anonymous visitors see public pages and are asked to sign in for the rest", () => {
    expect(allowed(ANONYMOUS, "site.view")).toBe(true);
    expect(allowed(ANONYMOUS, "group.view", direct)).toBe(true);
    for (const action of Object.keys(ACTION_SCOPES) as Action[]) {
      // Public, and signing in and out is for anyone.
      if (["site.view", "group.view", "session.sign-in", "session.sign-out"].includes(action)) continue;
      const d = decide(ANONYMOUS, action, direct, DAY);
      expect(d.allowed, action).toBe(false);
      expect(d.denial, action).toBe("sign-in");
    }
  });
});

describe("dedicated actions", () => {
  const outsider = actor({ personId: 555 });
  const boardVote: Resource = {
    kind: "vote",
    groupId: GROUP,
    decidingBody: "board",
    secret: false,
    electorate: [300],
    subjectPersonId: 700,
    openedByPersonId: 200,
  };

  it("the Board overview: Board members and site admins only", () => {
    expect(allowed(board, "board.overview")).toBe(true);
    expect(allowed(admin, "board.overview")).toBe(true);
    expect(allowed(board, "board.overview", { kind: "site" }, "2028-01-01")).toBe(false);
    for (const a of [member, chair, council, outsider]) expect(allowed(a, "board.overview")).toBe(false);
    expect(decide(ANONYMOUS, "board.overview", { kind: "site" }, DAY).denial).toBe("sign-in");
  });

  it("leaving a group: the member themself, not the Board or an admin", () => {
    expect(allowed(member, "group.leave", direct)).toBe(true);
    expect(allowed(chair, "group.leave", direct)).toBe(true);
    expect(allowed(liaison, "group.leave", direct)).toBe(true);
    for (const a of [board, admin, outsider]) expect(allowed(a, "group.leave", direct)).toBe(false);
    // A member whose period ended has nothing to leave.
    expect(allowed(member, "group.leave", direct, "2024-12-31")).toBe(false);
  });

  it("extending and closing a vote: its opener, the group's chairs, the deciding body; never its subject", () => {
    for (const action of ["vote.extend", "vote.close"] as const) {
      expect(allowed(actor({ personId: 200 }), action, boardVote)).toBe(true); // opener
      expect(allowed(chair, action, boardVote)).toBe(true);
      expect(allowed(board, action, boardVote)).toBe(true); // the deciding body
      expect(allowed(actor({ personId: 300 }), action, boardVote)).toBe(true); // in the electorate
      expect(allowed(member, action, boardVote)).toBe(false); // a member does not decide a Board vote
      expect(allowed(outsider, action, boardVote)).toBe(false);
      expect(allowed(actor({ ...chair, personId: 700 }), action, boardVote)).toBe(false); // the subject
      expect(allowed(member, action, { ...boardVote, decidingBody: "group", electorate: undefined })).toBe(
        true,
      );
    }
  });

  it("needs the votes scope on a token for extending and closing, groups for leaving", () => {
    expect(ACTION_SCOPES["vote.extend"]).toBe("votes");
    expect(ACTION_SCOPES["vote.close"]).toBe("votes");
    expect(ACTION_SCOPES["group.leave"]).toBe("groups");
    expect(allowed({ ...member, scopes: ["read"] }, "group.leave", direct)).toBe(false);
  });
});

describe("ex officio roles", () => {
  const groupIdBySlug = new Map([
    ["code-of-conduct", 1],
    ["mergers", 2],
    ["releasers", 3],
  ]);
  const coc: Resource = { kind: "group", groupId: 1, membershipModel: "board-managed", status: "active" };
  const mergers: Resource = {
    kind: "group",
    groupId: 2,
    membershipModel: "steering-council-managed",
    status: "active",
  };
  const releasers: Resource = {
    kind: "group",
    groupId: 3,
    membershipModel: "steering-council-managed",
    status: "active",
  };
  const withExOfficio = (foundationRoles: Actor["foundationRoles"]) =>
    actor({ foundationRoles, groupRoles: exOfficioRoles({ foundationRoles, groupIdBySlug }) });

  it("the DSF President is a Code of Conduct WG member and its Board Liaison while President", () => {
    const president = withExOfficio([{ role: "president", startedOn: "2026-01-01", endedOn: "2027-01-01" }]);
    expect(president.groupRoles.map((r) => [r.groupId, r.role])).toEqual([
      [1, "member"],
      [1, "board-liaison"],
    ]);
    expect(allowed(president, "group.view-private", coc)).toBe(true);
    expect(allowed(president, "group.report", coc)).toBe(true);
    expect(allowed(president, "group.view-private", coc, "2027-01-01")).toBe(false);
    expect(allowed(president, "group.report", mergers)).toBe(false);
  });

  it("a Fellow is a member of mergers and releasers only while the Fellow role runs", () => {
    const fellow = withExOfficio([{ role: "fellow", startedOn: "2025-04-01", endedOn: "2026-04-01" }]);
    expect(allowed(fellow, "group.report", mergers, "2026-03-31")).toBe(true);
    expect(allowed(fellow, "group.report", releasers, "2026-03-31")).toBe(true);
    expect(allowed(fellow, "group.report", mergers, "2026-04-01")).toBe(false);
    expect(allowed(fellow, "group.report", coc, "2026-03-31")).toBe(false);
    // A group the registry does not have gives no role.
    expect(exOfficioRoles({ foundationRoles: fellow.foundationRoles, groupIdBySlug: new Map() })).toEqual([]);
  });
});

describe("anonymous visitors", () => {
  it("are told to sign in, before any lookup, for exactly the actions the rules never allow them", () => {
    const resources: Resource[] = [
      { kind: "site" },
      { kind: "account", userId: 1 },
      direct,
      boardManaged,
      scManaged,
      { kind: "vote", groupId: GROUP, decidingBody: "group", secret: false, electorate: [] },
      { kind: "vote", groupId: GROUP, decidingBody: "board", secret: true },
      { kind: "report", groupId: GROUP, visibility: "public" },
      { kind: "report", groupId: GROUP, visibility: "board" },
      { kind: "handover", handoverId: 1, groupId: GROUP, personId: 1 },
      { kind: "proposal", proposalId: 1, status: "draft", authorPersonId: 1, authorUserId: 1 },
      { kind: "proposal", proposalId: 2, status: "ready", authorPersonId: 1, authorUserId: 1 },
      ...(["public", "private"] as const).map((visibility) => ({
        kind: "request" as const,
        requestId: 1,
        visibility,
        fromGroupId: GROUP,
        targetKind: "board" as const,
        targetGroupId: null,
        targetPersonId: null,
        openedByPersonId: null,
        ownerPersonId: null,
        escalation: 0,
      })),
      // Other rooms' resources, for their actions when their policies are registered in this run:
      // a published marketing item (anyone reads it) and the Marketing WG.
      { kind: "marketing-item", groupId: GROUP, public: true, reviewerGroupIds: [] } as unknown as Resource,
      { kind: "marketing-group", groupId: GROUP } as unknown as Resource,
    ];
    for (const action of Object.keys(ACTION_SCOPES) as Action[]) {
      const allowedSomewhere = resources.some((r) => decide(ANONYMOUS, action, r, DAY).allowed);
      expect(anonymousDenial(action) === null, action).toBe(allowedSomewhere);
      expect(PUBLIC_ACTIONS.has(action), action).toBe(allowedSomewhere);
      if (!allowedSomewhere) expect(anonymousDenial(action)?.denial, action).toBe("sign-in");
    }
  });
});
