import type { Child } from "hono/jsx";
import { ErrorSummary, FieldError, type FormIssues, invalidAttrs } from "../../platform/http/forms.tsx";
import { Layout, type LayoutViewer } from "../../platform/http/layout.tsx";
import {
  FOUNDATION_ROLE_LABELS,
  FOUNDATION_ROLES,
  type FoundationRole,
  holdsOn,
  TOKEN_SCOPE_LABELS,
  TOKEN_SCOPES,
} from "../policy/policy.ts";
import type {
  ClaimRow,
  FoundationRoleListing,
  FoundationRoleRow,
  TokenRow,
  UserRow,
} from "./accounts.repo.ts";
import { MAX_TOKEN_DAYS } from "./create-token.ts";

/** The CSRF field every form carries. */
export function Csrf(props: { token: string }) {
  return <input type="hidden" name="_csrf" value={props.token} />;
}

function Errors(props: { errors?: string[] }) {
  if (!props.errors?.length) return null;
  return (
    <div class="error-summary" role="alert">
      <ul>
        {props.errors.map((e) => (
          <li>{e}</li>
        ))}
      </ul>
    </div>
  );
}

/** The sign-in page: GitHub button and the email-link form. */
export function SignInPage(props: {
  viewer: LayoutViewer | null;
  csrf: string;
  next: string;
  github: boolean;
  email: boolean;
  errors?: string[];
  emailValue?: string;
}) {
  return (
    <Layout title="Sign in" viewer={props.viewer} path="/sign-in">
      <h1>Sign in</h1>
      <Errors errors={props.errors} />
      {props.github && (
        <section aria-labelledby="gh">
          <h2 id="gh">With GitHub</h2>
          <p>
            <a class="button" href={`/auth/github?next=${encodeURIComponent(props.next)}`}>
              Sign in with GitHub
            </a>
          </p>
        </section>
      )}
      {props.email && (
        <section aria-labelledby="em">
          <h2 id="em">With an email link</h2>
          <p>We send you a link that signs you in once. It works for a short time.</p>
          <form method="post" action="/sign-in/email">
            <Csrf token={props.csrf} />
            <input type="hidden" name="next" value={props.next} />
            <p>
              <label for="email">Email address</label>
              <input
                id="email"
                name="email"
                type="email"
                autocomplete="email"
                required
                value={props.emailValue}
              />
            </p>
            <p>
              <button type="submit">Email me a sign-in link</button>
            </p>
          </form>
        </section>
      )}
      {!props.github && !props.email && (
        <p>
          No sign-in method is configured on this site. An administrator can create accounts from the command
          line.
        </p>
      )}
    </Layout>
  );
}

/** After asking for a link. */
export function CheckEmailPage(props: { viewer: LayoutViewer | null; email: string }) {
  return (
    <Layout title="Check your email" viewer={props.viewer}>
      <h1>Check your email</h1>
      <p role="status">
        If {props.email} can receive mail, a sign-in link is on its way. Open it on this device to sign in.
      </p>
    </Layout>
  );
}

/** The emailed link lands here: a button, so that mail scanners following links sign no one in. */
export function ConfirmEmailSignInPage(props: {
  viewer: LayoutViewer | null;
  csrf: string;
  token: string;
  email: string;
  next: string;
}) {
  return (
    <Layout title="Finish signing in" viewer={props.viewer}>
      <h1>Finish signing in</h1>
      <form method="post" action="/sign-in/email/callback">
        <Csrf token={props.csrf} />
        <input type="hidden" name="token" value={props.token} />
        <input type="hidden" name="next" value={props.next} />
        <p>Sign in as {props.email}?</p>
        <p>
          <button type="submit">Sign in</button>
        </p>
      </form>
    </Layout>
  );
}

/** A person who can be claimed. */
export interface ClaimablePerson {
  slug: string;
  name: string;
}

const day = (d: Date | null) => (d ? d.toISOString().slice(0, 10) : "");

function roleLabel(role: string): string {
  return FOUNDATION_ROLE_LABELS[role as FoundationRole] ?? role;
}

/** The account page: roles, linked person and claim, tokens. */
export function AccountPage(props: {
  viewer: LayoutViewer;
  csrf: string;
  user: UserRow;
  today: string;
  roles: FoundationRoleRow[];
  person: { name: string; slug: string } | null;
  claims: Array<{ claim: ClaimRow; person: { name: string; slug: string } }>;
  claimable: ClaimablePerson[];
  tokens: TokenRow[];
  newToken?: { token: string; name: string };
  errors?: string[];
  notice?: Child;
  /** Site administration pages the viewer may use (links shown only for those). */
  administers?: { roles: boolean; claims: boolean };
}) {
  const pending = props.claims.find((c) => c.claim.status === "pending");
  const admin = props.administers;
  return (
    <Layout title="Your account" viewer={props.viewer} path="/account">
      <h1>Your account</h1>
      <Errors errors={props.errors} />
      {props.notice && <p role="status">{props.notice}</p>}
      {admin && (admin.roles || admin.claims) && (
        <nav aria-labelledby="administration">
          <h2 id="administration">Site administration</h2>
          <ul>
            {admin.roles && (
              <li>
                <a href="/admin/roles">Foundation roles</a>: Board members, Steering Council, Fellows, DSF
                members and site admins, with their dates
              </li>
            )}
            {admin.claims && (
              <li>
                <a href="/admin/claims">Claims</a>: accounts asking to be linked to a person named in a
                charter
              </li>
            )}
          </ul>
        </nav>
      )}
      {props.newToken && (
        <section aria-labelledby="new-token" class="notice">
          <h2 id="new-token">Your new token “{props.newToken.name}”</h2>
          <p>Copy it now: it is shown only once.</p>
          <p>
            <label for="new-token-value">Token</label>
            <input id="new-token-value" type="text" readonly value={props.newToken.token} size={60} />
          </p>
        </section>
      )}
      <form method="post" action="/account/name">
        <Csrf token={props.csrf} />
        <p>
          <label for="account-name">Your name, as shown on pages</label>
          <input id="account-name" name="name" type="text" required maxlength={200} value={props.user.name} />{" "}
          <button type="submit">Save name</button>
        </p>
      </form>
      <dl class="facts">
        <dt>Email</dt>
        <dd>{props.user.email ?? "none"}</dd>
        <dt>GitHub</dt>
        <dd>{props.user.githubLogin ?? "not linked"}</dd>
      </dl>

      <h2>Foundation roles</h2>
      {props.roles.length === 0 ? (
        <p>You hold no foundation role.</p>
      ) : (
        <table>
          <caption>Foundation roles, past and present</caption>
          <thead>
            <tr>
              <th scope="col">Role</th>
              <th scope="col">From</th>
              <th scope="col">Until</th>
              <th scope="col">Term ends</th>
              <th scope="col">Current</th>
            </tr>
          </thead>
          <tbody>
            {props.roles.map((r) => (
              <tr>
                <td>{roleLabel(r.role)}</td>
                <td>{r.startedOn}</td>
                <td>{r.endedOn ?? ""}</td>
                <td>{r.termEndsOn ?? ""}</td>
                <td>
                  {r.startedOn <= props.today && (r.endedOn === null || props.today < r.endedOn)
                    ? "yes"
                    : "no"}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}

      <h2>Your person in the charters</h2>
      {props.person ? (
        <p>Your account is linked to {props.person.name}.</p>
      ) : pending ? (
        <p>Your claim to be {pending.person.name} is waiting for an administrator.</p>
      ) : (
        <form method="post" action="/account/claim">
          <Csrf token={props.csrf} />
          <p>
            If you are named in a group's charter, say which person you are; an administrator confirms it.
          </p>
          <p>
            <label for="person">Person</label>
            <select id="person" name="person" required>
              <option value="">Choose…</option>
              {props.claimable.map((p) => (
                <option value={p.slug}>{p.name}</option>
              ))}
            </select>
          </p>
          <p>
            <label for="note">Note for the administrator (optional)</label>
            <input id="note" name="note" type="text" />
          </p>
          <p>
            <button type="submit">Claim</button>
          </p>
        </form>
      )}

      <h2>Personal access tokens</h2>
      <p>
        For scripts and bots: send <code>Authorization: Bearer &lt;token&gt;</code> to the JSON API under{" "}
        <code>/api/</code>.
      </p>
      {props.tokens.length > 0 && (
        <table>
          <caption>Your tokens</caption>
          <thead>
            <tr>
              <th scope="col">Name</th>
              <th scope="col">Starts with</th>
              <th scope="col">Scopes</th>
              <th scope="col">Expires</th>
              <th scope="col">Last used</th>
              <th scope="col">State</th>
            </tr>
          </thead>
          <tbody>
            {props.tokens.map((t) => (
              <tr>
                <td>{t.name}</td>
                <td>
                  <code>{t.prefix}…</code>
                </td>
                <td>{t.scopes.join(", ")}</td>
                <td>{day(t.expiresAt)}</td>
                <td>{day(t.lastUsedAt) || "never"}</td>
                <td>
                  {t.revokedAt ? (
                    `revoked ${day(t.revokedAt)}`
                  ) : (
                    <form method="post" action={`/account/tokens/${t.id}/revoke`} class="inline">
                      <Csrf token={props.csrf} />
                      <button type="submit" aria-label={`Revoke token ${t.name}`}>
                        Revoke
                      </button>
                    </form>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
      <form method="post" action="/account/tokens">
        <Csrf token={props.csrf} />
        <h3>New token</h3>
        <p>
          <label for="token-name">Name</label>
          <input id="token-name" name="name" type="text" required maxlength={100} />
        </p>
        <fieldset>
          <legend>Scopes</legend>
          {TOKEN_SCOPES.map((s) => (
            <p>
              <input type="checkbox" id={`scope-${s}`} name="scopes" value={s} checked={s === "read"} />{" "}
              <label for={`scope-${s}`}>
                <code>{s}</code>: {TOKEN_SCOPE_LABELS[s]}
              </label>
            </p>
          ))}
        </fieldset>
        <p>
          <label for="token-days">Expires after (days, 1 to {MAX_TOKEN_DAYS})</label>
          <input
            id="token-days"
            name="expiresInDays"
            type="number"
            min={1}
            max={MAX_TOKEN_DAYS}
            value="90"
            required
          />
        </p>
        <p>
          <button type="submit">Create token</button>
        </p>
      </form>
    </Layout>
  );
}

/** Administrators confirm or reject claims. */
export function ClaimsPage(props: {
  viewer: LayoutViewer;
  csrf: string;
  claims: Array<{
    claim: ClaimRow;
    user: { id: number; name: string; email: string | null; githubLogin: string | null };
    person: { name: string; slug: string; handle: string | null };
  }>;
}) {
  return (
    <Layout title="Person claims" viewer={props.viewer} path="/admin/claims">
      <h1>Person claims</h1>
      <p>
        See also <a href="/admin/roles">foundation roles</a>.
      </p>
      {props.claims.length === 0 ? (
        <p>No claim is waiting.</p>
      ) : (
        <table>
          <caption>Claims waiting for a decision, oldest first</caption>
          <thead>
            <tr>
              <th scope="col">Account</th>
              <th scope="col">Claims to be</th>
              <th scope="col">Note</th>
              <th scope="col">Decision</th>
            </tr>
          </thead>
          <tbody>
            {props.claims.map(({ claim, user, person }) => (
              <tr>
                <td>
                  {user.name}
                  {user.email ? ` <${user.email}>` : ""}
                  {user.githubLogin ? ` (GitHub ${user.githubLogin})` : ""}
                </td>
                <td>
                  {person.name}
                  {person.handle ? ` (${person.handle})` : ""}
                </td>
                <td>{claim.note}</td>
                <td>
                  <form method="post" action={`/admin/claims/${claim.id}/confirm`} class="inline">
                    <Csrf token={props.csrf} />
                    <button type="submit" aria-label={`Confirm ${user.name} is ${person.name}`}>
                      Confirm
                    </button>
                  </form>{" "}
                  <form method="post" action={`/admin/claims/${claim.id}/reject`} class="inline">
                    <Csrf token={props.csrf} />
                    <button type="submit" aria-label={`Reject ${user.name} as ${person.name}`}>
                      Reject
                    </button>
                  </form>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </Layout>
  );
}

/** The fields of the grant form, named as the operation names them (so its issues point at them). */
export const GRANT_FIELDS = [
  "who",
  "role",
  "startedOn",
  "endedOn",
  "termEndsOn",
  "reason",
  "decisionRef",
] as const;
/** A field of the grant form. */
export type GrantField = (typeof GRANT_FIELDS)[number];

const GRANT_LABELS: Record<GrantField, string> = {
  who: "Who",
  role: "Role",
  startedOn: "Start date",
  endedOn: "End date",
  termEndsOn: "Board term ends",
  reason: "Reason",
  decisionRef: "Decision reference",
};

/** The grant form as sent, with the problems found (nothing typed is lost). */
export interface GrantFormState {
  values: Partial<Record<GrantField, string>>;
  issues?: FormIssues;
}

/** One row's end form as sent, with the problems found. */
export interface EndFormState {
  id: number;
  values: { endedOn?: string; reason?: string };
  issues?: FormIssues;
}

function holderName(r: FoundationRoleListing): string {
  if (r.user) return r.user.email ? `${r.user.name} <${r.user.email}>` : r.user.name;
  return r.person?.name ?? "(nobody)";
}

/** Site administrators see, grant and end foundation roles. */
export function RolesPage(props: {
  viewer: LayoutViewer;
  csrf: string;
  today: string;
  rows: FoundationRoleListing[];
  filter: { role: string; currentOnly: boolean };
  status?: string;
  grant?: GrantFormState;
  end?: EndFormState;
}) {
  const g = props.grant?.values ?? {};
  const grantIssues = props.grant?.issues;
  const end = props.end;
  const current = (r: FoundationRoleRow) => holdsOn(r, props.today);
  const endId = (id: number, field: string) => `end-${id}-${field}`;
  const grantInput = (field: GrantField) => ({
    id: `grant-${field}`,
    name: field,
    ...invalidAttrs(grantIssues, field, `grant-${field}`),
  });
  const grantError = (field: GrantField) => (
    <FieldError issues={grantIssues} field={field} id={`grant-${field}`} />
  );
  return (
    <Layout title="Foundation roles" viewer={props.viewer} path="/admin/roles">
      <h1>Foundation roles</h1>
      <p>
        Who holds, or held, a foundation role, and from when. Granting and ending a role here is recorded in
        the audit log, as from the command line. See also <a href="/admin/claims">person claims</a>.
      </p>
      {props.status && <p role="status">{props.status}</p>}
      <ErrorSummary
        issues={grantIssues}
        intro="The role was not granted:"
        label={(f) => GRANT_LABELS[f as GrantField] ?? f}
        href={(f) => (f in GRANT_LABELS ? `#grant-${f}` : undefined)}
      />
      {end && (
        <ErrorSummary
          issues={end.issues}
          intro={`The role (number ${end.id}) was not ended:`}
          label={(f) => (f === "endedOn" ? "End date" : f === "reason" ? "Reason" : f)}
          href={(f) => (f === "endedOn" || f === "reason" ? `#${endId(end.id, f)}` : undefined)}
        />
      )}

      <form method="get" action="/admin/roles" class="inline">
        <div>
          <label for="filter-role">Role</label>
          <select id="filter-role" name="role">
            <option value="">All roles</option>
            {FOUNDATION_ROLES.map((r) => (
              <option value={r} selected={props.filter.role === r}>
                {FOUNDATION_ROLE_LABELS[r]}
              </option>
            ))}
          </select>
        </div>
        <div>
          <input
            type="checkbox"
            id="filter-current"
            name="current"
            value="1"
            checked={props.filter.currentOnly}
          />{" "}
          <label for="filter-current">Current only</label>
        </div>
        <button type="submit">Show</button>
      </form>

      {props.rows.length === 0 ? (
        <p>No foundation role matches.</p>
      ) : (
        <table>
          <caption>Foundation role holders on {props.today}: current first, then the others</caption>
          <thead>
            <tr>
              <th scope="col">Holder</th>
              <th scope="col">Role</th>
              <th scope="col">Started</th>
              <th scope="col">Ended</th>
              <th scope="col">Board term ends</th>
              <th scope="col">Reason</th>
              <th scope="col">Decision</th>
              <th scope="col">Current</th>
              <th scope="col">End the role</th>
            </tr>
          </thead>
          <tbody>
            {props.rows.map((r) => {
              const row = r.role;
              const mine = end?.id === row.id ? end : undefined;
              const name = holderName(r);
              return (
                <tr>
                  <td>
                    {r.user || !r.person ? name : <a href={`/people/${r.person.slug}`}>{r.person.name}</a>}
                  </td>
                  <td>{roleLabel(row.role)}</td>
                  <td>{row.startedOn}</td>
                  <td>{row.endedOn ?? ""}</td>
                  <td>{row.termEndsOn ?? ""}</td>
                  <td>{row.reason}</td>
                  <td>{row.decisionRef ?? ""}</td>
                  <td>{current(row) ? "yes" : "no"}</td>
                  <td>
                    {current(row) && (
                      <form method="post" action={`/admin/roles/${row.id}/end`} class="inline">
                        <Csrf token={props.csrf} />
                        <div>
                          <label for={endId(row.id, "endedOn")}>End on</label>
                          <input
                            id={endId(row.id, "endedOn")}
                            name="endedOn"
                            type="date"
                            required
                            value={mine?.values.endedOn ?? props.today}
                            {...invalidAttrs(mine?.issues, "endedOn", endId(row.id, "endedOn"))}
                          />
                          <FieldError issues={mine?.issues} field="endedOn" id={endId(row.id, "endedOn")} />
                        </div>
                        <div>
                          <label for={endId(row.id, "reason")}>Reason</label>
                          <input
                            id={endId(row.id, "reason")}
                            name="reason"
                            type="text"
                            value={mine?.values.reason ?? ""}
                            {...invalidAttrs(mine?.issues, "reason", endId(row.id, "reason"))}
                          />
                          <FieldError issues={mine?.issues} field="reason" id={endId(row.id, "reason")} />
                        </div>
                        <button type="submit" aria-label={`End ${roleLabel(row.role)} of ${name}`}>
                          End
                        </button>
                      </form>
                    )}
                  </td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}

      <section aria-labelledby="grant-heading">
        <h2 id="grant-heading">Grant a role</h2>
        <form method="post" action="/admin/roles">
          <Csrf token={props.csrf} />
          <p>
            <label for="grant-who">
              Who: an account's email, or a charter person's slug (as in /people/…) or id
            </label>
            <input type="text" required value={g.who ?? ""} {...grantInput("who")} />
            {grantError("who")}
          </p>
          <p>
            <label for="grant-role">Role</label>
            <select required {...grantInput("role")}>
              {FOUNDATION_ROLES.map((r) => (
                <option value={r} selected={g.role === r}>
                  {FOUNDATION_ROLE_LABELS[r]}
                </option>
              ))}
            </select>
            {grantError("role")}
          </p>
          <p>
            <label for="grant-startedOn">Start date (first day held)</label>
            <input type="date" required value={g.startedOn ?? props.today} {...grantInput("startedOn")} />
            {grantError("startedOn")}
          </p>
          <p>
            <label for="grant-endedOn">End date (first day no longer held; optional)</label>
            <input type="date" value={g.endedOn ?? ""} {...grantInput("endedOn")} />
            {grantError("endedOn")}
          </p>
          <p>
            <label for="grant-termEndsOn">Board term ends (Board members; optional)</label>
            <input type="date" value={g.termEndsOn ?? ""} {...grantInput("termEndsOn")} />
            {grantError("termEndsOn")}
          </p>
          <p>
            <label for="grant-reason">Reason</label>
            <input type="text" maxlength={2000} value={g.reason ?? ""} {...grantInput("reason")} />
            {grantError("reason")}
          </p>
          <p>
            <label for="grant-decisionRef">
              Decision reference (a Board resolution, an election; optional)
            </label>
            <input type="text" maxlength={500} value={g.decisionRef ?? ""} {...grantInput("decisionRef")} />
            {grantError("decisionRef")}
          </p>
          <p>
            <button type="submit">Grant role</button>
          </p>
        </form>
      </section>
    </Layout>
  );
}
