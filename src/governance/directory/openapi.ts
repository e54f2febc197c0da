/** The OpenAPI 3.1 document of the directory API, with response schemas generated from the zod schemas the handlers use. */
import { z } from "zod";
import { FoundationRoleSchema } from "../accounts/schemas.ts";
import { GroupKindSchema, GroupStatusSchema } from "../charter/types.ts";
import { MEMBER_API_REQUESTS, MEMBER_API_SCHEMAS } from "./member-api-schemas.ts";
import {
  ApiErrorSchema,
  GroupDetailSchema,
  GroupListSchema,
  GroupTimelineSchema,
  PersonDetailSchema,
  PersonSummarySchema,
} from "./schemas.ts";

/** Named response schemas, as published under components.schemas. */
export const API_SCHEMAS = {
  GroupList: GroupListSchema,
  GroupDetail: GroupDetailSchema,
  GroupTimeline: GroupTimelineSchema,
  PersonList: z.object({ people: z.array(PersonSummarySchema) }),
  PersonDetail: PersonDetailSchema,
  ApiError: ApiErrorSchema,
  ...MEMBER_API_SCHEMAS,
} as const;

/** Name of a documented response schema. */
export type ApiSchemaName = keyof typeof API_SCHEMAS;

function jsonSchema(schema: z.ZodType, io: "input" | "output" = "output"): Record<string, unknown> {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as Record<string, unknown>;
  delete out.$schema;
  return out;
}

function ok(name: ApiSchemaName, description: string) {
  return {
    description,
    content: { "application/json": { schema: { $ref: `#/components/schemas/${name}` } } },
  };
}

const errorResponse = (description: string) => ok("ApiError", description);

const slugParam = {
  name: "slug",
  in: "path",
  required: true,
  description: "The group's slug (its charter file name).",
  schema: { type: "string" },
};

const pathParam = (name: string, description: string) => ({
  name,
  in: "path",
  required: true,
  description,
  schema: { type: "string" },
});
const voteParam = pathParam("id", "The vote's numeric id.");

/** Responses every signed-in operation may give besides its own. */
const SIGNED_IN_ERRORS = {
  "401": errorResponse("Not signed in: send `Authorization: Bearer <token>`."),
  "403": errorResponse("The policy refuses this viewer, or the token lacks the scope."),
};

/** A signed-in operation: Bearer auth, an optional JSON request body, and its responses. */
function signedIn(spec: {
  operationId: string;
  summary: string;
  parameters?: unknown[];
  request?: keyof typeof MEMBER_API_REQUESTS;
  responses: Record<string, unknown>;
}): Record<string, unknown> {
  return {
    operationId: spec.operationId,
    summary: spec.summary,
    security: [{ bearerAuth: [] }],
    ...(spec.parameters ? { parameters: spec.parameters } : {}),
    ...(spec.request
      ? {
          requestBody: {
            required: true,
            content: { "application/json": { schema: { $ref: `#/components/schemas/${spec.request}` } } },
          },
        }
      : {}),
    responses: { ...spec.responses, ...SIGNED_IN_ERRORS },
  };
}

/** The signed-in API: membership decisions and accounts. */
function memberPaths(): Record<string, unknown> {
  const notFound = errorResponse("No such group, vote, application, token or foundation role.");
  const invalid = errorResponse("A field is invalid; `issues` names it.");
  const conflict = errorResponse(
    "The request conflicts with the current state (closed, already open, not a member).",
  );
  return {
    "/api/votes/{id}": {
      get: signedIn({
        operationId: "getVote",
        summary:
          "A vote: tally, voters, and open ballots to those who may see them (never a secret ballot's).",
        parameters: [voteParam],
        responses: { "200": ok("VoteResponse", "The vote."), "404": notFound },
      }),
    },
    "/api/votes/{id}/ballots": {
      post: signedIn({
        operationId: "castBallot",
        summary: "Cast your ballot (scope votes).",
        parameters: [voteParam],
        request: "CastBallotRequest",
        responses: {
          "201": ok("BallotResult", "Counted."),
          "404": notFound,
          "409": conflict,
          "422": invalid,
        },
      }),
    },
    "/api/votes/{id}/extend": {
      post: signedIn({
        operationId: "extendVote",
        summary:
          "Move the closing time later, with a reason: the opener, the group's chairs or the deciding body.",
        parameters: [voteParam],
        request: "ExtendVoteRequest",
        responses: {
          "200": ok("VoteExtended", "Extended."),
          "404": notFound,
          "409": conflict,
          "422": invalid,
        },
      }),
    },
    "/api/votes/{id}/close": {
      post: signedIn({
        operationId: "closeVote",
        summary: "Close a vote that is due or whose outcome can no longer change, and apply its outcome.",
        parameters: [voteParam],
        responses: { "200": ok("VoteClosed", "Closed."), "404": notFound, "409": conflict },
      }),
    },
    "/api/groups/{slug}/votes": {
      get: signedIn({
        operationId: "listGroupVotes",
        summary: "The group's votes (participants, the Board, administrators).",
        parameters: [slugParam],
        responses: { "200": ok("VoteList", "Votes, newest first."), "404": notFound },
      }),
      post: signedIn({
        operationId: "openVote",
        summary: "Open a vote under the group's membership model (scope votes).",
        parameters: [slugParam],
        request: "OpenVoteRequest",
        responses: {
          "201": ok("VoteResponse", "Opened: the vote as others will see it."),
          "404": notFound,
          "409": conflict,
          "422": invalid,
        },
      }),
    },
    "/api/groups/{slug}/applications": {
      get: signedIn({
        operationId: "listApplications",
        summary: "Applications to the group (participants, the Board, administrators).",
        parameters: [slugParam],
        responses: { "200": ok("ApplicationList", "Applications."), "404": notFound },
      }),
      post: signedIn({
        operationId: "applyToGroup",
        summary: "Apply to join; an account without a person gets one (scope groups).",
        parameters: [slugParam],
        request: "ApplyRequest",
        responses: {
          "201": ok("ApplicationReceived", "Received."),
          "404": notFound,
          "409": conflict,
          "422": invalid,
        },
      }),
    },
    "/api/applications/{id}/vote": {
      post: signedIn({
        operationId: "openApplicationVote",
        summary: "Start the decision on an application: opens the admit vote of the deciding body.",
        parameters: [pathParam("id", "The application's numeric id.")],
        request: "OpenApplicationVoteRequest",
        responses: { "201": ok("VoteOpened", "Opened."), "404": notFound, "409": conflict, "422": invalid },
      }),
    },
    "/api/groups/{slug}/admissions": {
      post: signedIn({
        operationId: "admitMember",
        summary:
          "Admit a new member without a vote, where the charter says so: by a member's invitation, or by the role holder who appoints (scope votes). Refused (409) where the charter calls for a vote or does not say.",
        parameters: [slugParam],
        request: "AdmitMemberRequest",
        responses: {
          "201": ok("MemberAdmitted", "Admitted."),
          "404": notFound,
          "409": conflict,
          "422": invalid,
        },
      }),
    },
    "/api/groups/{slug}/leave": {
      post: signedIn({
        operationId: "leaveGroup",
        summary: "Leave the group: every role you hold there ends today, no vote needed (scope groups).",
        parameters: [slugParam],
        request: "LeaveGroupRequest",
        responses: { "200": ok("LeftGroup", "Roles ended."), "404": notFound, "409": conflict },
      }),
    },
    "/api/role-periods/{id}/renew": {
      post: signedIn({
        operationId: "renewTerm",
        summary: "Renew your own term in the renewal window.",
        parameters: [pathParam("id", "The role period's numeric id.")],
        responses: { "200": ok("TermRenewed", "Renewed."), "404": notFound, "409": conflict },
      }),
    },
    "/api/groups/{slug}/decision-settings": {
      put: signedIn({
        operationId: "setDecisionSettings",
        summary: "Set the vote base rule, default secrecy and next meeting (chairs, administrators).",
        parameters: [slugParam],
        request: "DecisionSettingsRequest",
        responses: { "200": ok("DecisionSettings", "Saved."), "404": notFound, "422": invalid },
      }),
    },
    "/api/groups/{slug}/audit": {
      get: signedIn({
        operationId: "getGroupAudit",
        summary: "The group's audit log (JSON; `?format=csv` for CSV).",
        parameters: [slugParam],
        responses: { "200": ok("AuditLog", "Entries, oldest first."), "404": notFound },
      }),
    },
    "/api/board": {
      get: signedIn({
        operationId: "getBoardOverview",
        summary: "Open votes, applications, lapsing terms and liaison gaps (Board members, administrators).",
        responses: { "200": ok("BoardOverview", "The overview.") },
      }),
    },
    "/api/account": {
      get: signedIn({
        operationId: "getAccount",
        summary: "Your account: foundation roles, person, claims and tokens.",
        responses: { "200": ok("Account", "Your account.") },
      }),
      patch: signedIn({
        operationId: "renameAccount",
        summary: "Rename your account (scope account).",
        request: "RenameAccountRequest",
        responses: { "200": ok("AccountUser", "Renamed."), "422": invalid },
      }),
    },
    "/api/account/tokens": {
      get: signedIn({
        operationId: "listTokens",
        summary: "Your personal access tokens (never their secret).",
        responses: { "200": ok("TokenList", "Tokens.") },
      }),
      post: signedIn({
        operationId: "createToken",
        summary: "Create a token; its secret is shown only in this response (scope account).",
        request: "CreateTokenRequest",
        responses: { "201": ok("TokenCreated", "Created."), "422": invalid },
      }),
    },
    "/api/account/tokens/{id}": {
      delete: signedIn({
        operationId: "revokeToken",
        summary: "Revoke one of your tokens (scope account).",
        parameters: [pathParam("id", "The token's numeric id.")],
        responses: { "200": ok("Token", "Revoked."), "404": notFound },
      }),
    },
    "/api/account/claim": {
      post: signedIn({
        operationId: "claimPerson",
        summary: "Say which person from the charters you are; an administrator confirms (scope account).",
        request: "ClaimPersonRequest",
        responses: { "201": ok("ClaimFiled", "Filed."), "404": notFound, "409": conflict, "422": invalid },
      }),
    },
    "/api/admin/claims": {
      get: signedIn({
        operationId: "listPendingClaims",
        summary: "Pending person claims (administrators).",
        responses: { "200": ok("PendingClaims", "Pending claims.") },
      }),
    },
    "/api/admin/claims/{id}/confirm": {
      post: signedIn({
        operationId: "confirmClaim",
        summary: "Confirm a claim: the account is linked to the person (administrators).",
        parameters: [pathParam("id", "The claim's numeric id.")],
        responses: { "200": ok("ClaimDecided", "Confirmed."), "404": notFound, "409": conflict },
      }),
    },
    "/api/admin/claims/{id}/reject": {
      post: signedIn({
        operationId: "rejectClaim",
        summary: "Reject a claim (administrators).",
        parameters: [pathParam("id", "The claim's numeric id.")],
        responses: { "200": ok("ClaimDecided", "Rejected."), "404": notFound, "409": conflict },
      }),
    },
    "/api/admin/foundation-roles": {
      get: signedIn({
        operationId: "listFoundationRoles",
        summary:
          "Foundation role holders, current first, then past and future (administrators, scope admin).",
        parameters: [
          {
            name: "role",
            in: "query",
            required: false,
            description: "Only this role.",
            schema: { type: "string", enum: [...FoundationRoleSchema.options] },
          },
          {
            name: "current",
            in: "query",
            required: false,
            description: "`true` (or `1`) for the roles held today only.",
            schema: { type: "string", enum: ["true", "false", "1", "0"] },
          },
        ],
        responses: { "200": ok("FoundationRoleList", "Role holders."), "422": invalid },
      }),
      post: signedIn({
        operationId: "grantFoundationRole",
        summary:
          "Grant a foundation role for a period, as `guildhall users grant` does; recorded in the audit log (administrators, scope admin).",
        request: "GrantFoundationRoleRequest",
        responses: { "201": ok("FoundationRole", "Granted."), "422": invalid },
      }),
    },
    "/api/admin/foundation-roles/{id}/end": {
      post: signedIn({
        operationId: "endFoundationRole",
        summary:
          "End a foundation role on a day, as `guildhall users end-role` does; recorded in the audit log (administrators, scope admin).",
        parameters: [pathParam("id", "The foundation role period's numeric id.")],
        request: "EndFoundationRoleRequest",
        responses: { "200": ok("FoundationRole", "Ended."), "404": notFound, "422": invalid },
      }),
    },
    "/api/groups/{slug}/permissions": {
      get: {
        operationId: "getGroupPermissions",
        summary: "What the viewer (anonymous or signed in) may do in the group today, as the policy decides.",
        security: [{}, { bearerAuth: [] }],
        parameters: [slugParam],
        responses: { "200": ok("GroupPermissions", "Allowed actions."), "404": notFound },
      },
    },
  };
}

/** Builds the OpenAPI document (pure; cached by the caller). */
export function buildOpenApiDocument(): Record<string, unknown> {
  const schemas: Record<string, unknown> = {};
  for (const [name, schema] of Object.entries(API_SCHEMAS)) schemas[name] = jsonSchema(schema);
  for (const [name, schema] of Object.entries(MEMBER_API_REQUESTS))
    schemas[name] = jsonSchema(schema, "input");
  return {
    openapi: "3.1.0",
    info: {
      title: "Guildhall API",
      version: "1.0.0",
      description:
        "The DSF's working groups and teams: the public, read-only directory (groups, roles, members, health flags, timelines), and for signed-in accounts membership decisions (votes, applications, leaving, renewals, audit) and the account (tokens, person claims). Signed-in calls send a personal access token as `Authorization: Bearer <token>`; a browser session cookie works too, with the `X-CSRF-Token` header on state-changing requests.",
    },
    paths: {
      "/api/groups": {
        get: {
          operationId: "listGroups",
          summary: "The directory of groups, active first, then draft, proposed and archived.",
          parameters: [
            { name: "kind", in: "query", required: false, schema: jsonSchema(GroupKindSchema) },
            { name: "status", in: "query", required: false, schema: jsonSchema(GroupStatusSchema) },
          ],
          responses: {
            "200": ok("GroupList", "Groups matching the filter."),
            "422": errorResponse("A filter value is not one of the allowed values."),
          },
        },
      },
      "/api/groups/{slug}": {
        get: {
          operationId: "getGroup",
          summary: "One group in full: scope, roles, members with member-since dates, health flags.",
          parameters: [slugParam],
          responses: {
            "200": ok("GroupDetail", "The group."),
            "404": errorResponse("No group has this slug."),
          },
        },
      },
      "/api/groups/{slug}/timeline": {
        get: {
          operationId: "getGroupTimeline",
          summary: "A group's timeline, oldest first, with commit shas and dates.",
          parameters: [slugParam],
          responses: {
            "200": ok("GroupTimeline", "The group's events."),
            "404": errorResponse("No group has this slug."),
          },
        },
      },
      "/api/people": {
        get: {
          operationId: "listPeople",
          summary: "Everyone known, with the groups they are in now.",
          responses: { "200": ok("PersonList", "People by name.") },
        },
      },
      "/api/people/{id}": {
        get: {
          operationId: "getPerson",
          summary: "A person's current roles and their timeline across groups.",
          parameters: [
            {
              name: "id",
              in: "path",
              required: true,
              description: "The person's numeric id or slug.",
              schema: { type: "string" },
            },
          ],
          responses: { "200": ok("PersonDetail", "The person."), "404": errorResponse("No such person.") },
        },
      },
      ...memberPaths(),
    },
    components: {
      schemas,
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token created on /account; its scopes limit what it may do.",
        },
      },
    },
  };
}
