import type { Child } from "hono/jsx";
import type { FoundationRoleListing, FoundationRoleRow, TokenRow, UserRow } from "../../kernel/index.ts";
import {
  FOUNDATION_ROLE_LABELS,
  FOUNDATION_ROLES,
  type FoundationRole,
  holdsOn,
  MAX_TOKEN_DAYS,
  TOKEN_SCOPE_LABELS,
  TOKEN_SCOPES,
} from "../../kernel/index.ts";
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import type { ClaimRow } from "./accounts.repo.ts";

/** The sign-in page: GitHub button and the email-link form. */
export function SignInPage(props: {
  next: string;
  github: boolean;
  email: boolean;
  /** Why the last sign-in did not work (GitHub refused it). */
  problem?: string | undefined;
}) {
  return (
    <Layout title="Sign in" path="/sign-in">
      <h1>Sign in</h1>
      {props.problem && (
        <div class="error-summary" role="alert">
          <p>{props.problem}</p>
        </div>
      )}
      {props.github && (
        <Section id="gh" title="With GitHub">
          <p>
            <a class="button" href={`/auth/github?next=${encodeURIComponent(props.next)}`}>
              Sign in with GitHub
            </a>
          </p>
        </Section>
      )}
      {props.email && (
        <Section id="em" title="With an email link">
          <p>We send you a link that signs you in once. It works for a short time.</p>
          <Form
            action="/sign-in/email"
            submit="Email me a sign-in link"
            fields={[
              { name: "next", label: "Next", kind: "hidden", value: props.next },
              {
                name: "email",
                label: "Email address",
                kind: "email",
                required: true,
                attrs: { autocomplete: "email", maxlength: 254 },
              },
            ]}
          />
        </Section>
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
export function CheckEmailPage(props: { email: string }) {
  return (
    <Layout title="Check your email">
      <h1>Check your email</h1>
      <p role="status">
        If {props.email} can receive mail, a sign-in link is on its way. Open it on this device to sign in.
      </p>
    </Layout>
  );
}

/** The emailed link lands here: a button, so that mail scanners following links sign no one in. */
export function ConfirmEmailSignInPage(props: { token: string; email: string; next: string }) {
  return (
    <Layout title="Finish signing in">
      <h1>Finish signing in</h1>
      <Form
        action="/sign-in/email/callback"
        submit="Sign in"
        fields={[
          { name: "token", label: "Token", kind: "hidden", value: props.token },
          { name: "next", label: "Next", kind: "hidden", value: props.next },
        ]}
      >
        <p>Sign in as {props.email}?</p>
      </Form>
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
  user: UserRow;
  today: string;
  roles: FoundationRoleRow[];
  /** `applicant`: made when the account applied, not a member yet, so not public and still claimable. */
  person: { name: string; slug: string; applicant?: boolean } | null;
  claims: Array<{ claim: ClaimRow; person: { name: string; slug: string } }>;
  claimable: ClaimablePerson[];
  tokens: TokenRow[];
  newToken?: { token: string; name: string } | undefined;
  notice?: Child;
  /** Site administration pages the viewer may use (links shown only for those). */
  administers?: { roles: boolean; claims: boolean };
}) {
  const pending = props.claims.find((c) => c.claim.status === "pending");
  const admin = props.administers;
  return (
    <Layout title="Your account" path="/account">
      <h1>Your account</h1>
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
        <Section id="new-token" title={<>Your new token “{props.newToken.name}”</>} class="notice">
          <p>Copy it now: it is shown only once.</p>
          <p>
            <label for="new-token-value">Token</label>
            <input id="new-token-value" type="text" readonly value={props.newToken.token} size={60} />
          </p>
        </Section>
      )}
      <Form
        action="/account/name"
        submit="Save name"
        fields={[
          {
            name: "name",
            label: "Your name, as shown on pages",
            required: true,
            value: props.user.name,
            attrs: { maxlength: 200 },
          },
        ]}
      />
      <dl class="facts">
        <dt>Email</dt>
        <dd>{props.user.email ?? "none"}</dd>
        <dt>GitHub</dt>
        <dd>{props.user.githubLogin ?? "not linked"}</dd>
      </dl>

      <h2>Foundation roles</h2>
      <Table
        caption="Foundation roles, past and present"
        rows={props.roles}
        columns={[
          { header: "Role", cell: (r) => roleLabel(r.role) },
          { header: "From", cell: (r) => r.startedOn },
          { header: "Until", cell: (r) => r.endedOn ?? "" },
          { header: "Term ends", cell: (r) => r.termEndsOn ?? "" },
          {
            header: "Current",
            cell: (r) => (
              <>
                {r.startedOn <= props.today && (r.endedOn === null || props.today < r.endedOn) ? "yes" : "no"}
              </>
            ),
          },
        ]}
        empty="You hold no foundation role."
      />

      <h2>Your person in the charters</h2>
      {props.person?.applicant && (
        <p>
          When you applied to a group you became {props.person.name}: only you, the people who decide on your
          applications, the Board and administrators see that name until you are a member.
        </p>
      )}
      {props.person && !props.person.applicant ? (
        <p>Your account is linked to {props.person.name}.</p>
      ) : pending ? (
        <p>Your claim to be {pending.person.name} is waiting for an administrator.</p>
      ) : (
        <Form
          action="/account/claim"
          submit="Claim"
          fields={[
            {
              name: "person",
              label: "Person",
              kind: "select",
              required: true,
              options: [
                { value: "", label: "Choose…" },
                ...props.claimable.map((p) => ({ value: p.slug, label: p.name })),
              ],
            },
            { name: "note", label: "Note for the administrator (optional)", attrs: { maxlength: 2000 } },
          ]}
        >
          <p>
            If you are named in a group's charter, say which person you are; an administrator confirms it.
          </p>
        </Form>
      )}

      <h2>Personal access tokens</h2>
      <p>
        For scripts and bots: send <code>Authorization: Bearer &lt;token&gt;</code> to the JSON API under{" "}
        <code>/api/</code>.
      </p>
      {props.tokens.length > 0 && (
        <Table
          caption="Your tokens"
          rows={props.tokens}
          columns={[
            { header: "Name", cell: (t) => t.name },
            {
              header: "Starts with",
              cell: (t) => <code>{t.prefix}…</code>,
            },
            { header: "Scopes", cell: (t) => t.scopes.join(", ") },
            { header: "Expires", cell: (t) => day(t.expiresAt) },
            { header: "Last used", cell: (t) => day(t.lastUsedAt) || "never" },
            {
              header: "State",
              cell: (t) => (
                <>
                  {t.revokedAt ? (
                    `revoked ${day(t.revokedAt)}`
                  ) : (
                    <ButtonForm
                      action={`/account/tokens/${t.id}/revoke`}
                      submit="Revoke"
                      submitLabel={`Revoke token ${t.name}`}
                    />
                  )}
                </>
              ),
            },
          ]}
        />
      )}
      <h3>New token</h3>
      <Form
        action="/account/tokens"
        submit="Create token"
        fields={[
          { name: "name", label: "Name", required: true, attrs: { maxlength: 100 } },
          {
            name: "scopes",
            label: "Scopes",
            kind: "checkboxes",
            value: ["read"],
            options: TOKEN_SCOPES.map((s) => ({
              value: s,
              label: (
                <>
                  <code>{s}</code>: {TOKEN_SCOPE_LABELS[s]}
                </>
              ),
            })),
          },
          {
            name: "expiresInDays",
            label: `Expires after (days, 1 to ${MAX_TOKEN_DAYS})`,
            kind: "number",
            value: "90",
            required: true,
            attrs: { min: 1, max: MAX_TOKEN_DAYS },
          },
        ]}
      />
    </Layout>
  );
}

/** Administrators confirm or reject claims. */
export function ClaimsPage(props: {
  claims: Array<{
    claim: ClaimRow;
    user: { id: number; name: string; email: string | null; githubLogin: string | null };
    person: { name: string; slug: string; handle: string | null };
  }>;
}) {
  return (
    <Layout title="Person claims" path="/admin/claims">
      <h1>Person claims</h1>
      <p>
        See also <a href="/admin/roles">foundation roles</a>.
      </p>
      <Table
        caption="Claims waiting for a decision, oldest first"
        rows={props.claims}
        columns={[
          {
            header: "Account",
            cell: ({ user }) => (
              <>
                {user.name}
                {user.email ? ` <${user.email}>` : ""}
                {user.githubLogin ? ` (GitHub ${user.githubLogin})` : ""}
              </>
            ),
          },
          {
            header: "Claims to be",
            cell: ({ person }) => (
              <>
                {person.name}
                {person.handle ? ` (${person.handle})` : ""}
              </>
            ),
          },
          { header: "Note", cell: ({ claim }) => claim.note },
          {
            header: "Decision",
            cell: ({ claim, user, person }) => (
              <>
                <ButtonForm
                  action={`/admin/claims/${claim.id}/confirm`}
                  submit="Confirm"
                  submitLabel={`Confirm ${user.name} is ${person.name}`}
                />{" "}
                <ButtonForm
                  action={`/admin/claims/${claim.id}/reject`}
                  submit="Reject"
                  submitLabel={`Reject ${user.name} as ${person.name}`}
                />
              </>
            ),
          },
        ]}
        empty="No claim is waiting."
      />
    </Layout>
  );
}

function holderName(r: FoundationRoleListing): string {
  if (r.user) return r.user.email ? `${r.user.name} <${r.user.email}>` : r.user.name;
  return r.person?.name ?? "(nobody)";
}

/** Site administrators see, grant and end foundation roles. */
export function RolesPage(props: {
  today: string;
  rows: FoundationRoleListing[];
  filter: { role: string; currentOnly: boolean };
  status?: string | undefined;
}) {
  const current = (r: FoundationRoleRow) => holdsOn(r, props.today);
  const roleOptions = FOUNDATION_ROLES.map((r) => ({ value: r, label: FOUNDATION_ROLE_LABELS[r] }));
  return (
    <Layout title="Foundation roles" path="/admin/roles">
      <h1>Foundation roles</h1>
      <p>
        Who holds, or held, a foundation role, and from when. Granting and ending a role here is recorded in
        the audit log, as from the command line. See also <a href="/admin/claims">person claims</a>.
      </p>
      {props.status && <p role="status">{props.status}</p>}

      <Form
        method="get"
        action="/admin/roles"
        class="inline"
        label="Filter foundation roles"
        submit="Show"
        fields={[
          {
            name: "role",
            label: "Role",
            kind: "select",
            value: props.filter.role,
            options: [{ value: "", label: "All roles" }, ...roleOptions],
          },
          {
            name: "current",
            label: "Current only",
            kind: "checkbox",
            value: props.filter.currentOnly ? "1" : "",
          },
        ]}
      />

      <Table
        caption={`Foundation role holders on ${props.today}: current first, then the others`}
        rows={props.rows}
        empty="No foundation role matches."
        columns={[
          {
            header: "Holder",
            cell: (r) =>
              r.user || !r.person ? holderName(r) : <a href={`/people/${r.person.slug}`}>{r.person.name}</a>,
          },
          { header: "Role", cell: (r) => roleLabel(r.role.role) },
          { header: "Started", cell: (r) => r.role.startedOn },
          { header: "Ended", cell: (r) => r.role.endedOn ?? "" },
          { header: "Board term ends", cell: (r) => r.role.termEndsOn ?? "" },
          { header: "Reason", cell: (r) => r.role.reason },
          { header: "Decision", cell: (r) => r.role.decisionRef ?? "" },
          { header: "Current", cell: (r) => (current(r.role) ? "yes" : "no") },
          {
            header: "End the role",
            cell: (r) =>
              current(r.role) && (
                <Form
                  action={`/admin/roles/${r.role.id}/end`}
                  class="inline"
                  submit="End"
                  submitLabel={`End ${roleLabel(r.role.role)} of ${holderName(r)}`}
                  fields={[
                    {
                      name: "endedOn",
                      label: "End on",
                      kind: "date",
                      required: true,
                      value: props.today,
                    },
                    { name: "reason", label: "Reason", attrs: { maxlength: 2000 } },
                  ]}
                />
              ),
          },
        ]}
      />

      <Section id="grant-heading" title="Grant a role">
        <Form
          action="/admin/roles"
          submit="Grant role"
          fields={[
            {
              name: "who",
              label: "Who: an account's email, or a charter person's slug (as in /people/…) or id",
              required: true,
              attrs: { maxlength: 254 },
            },
            { name: "role", label: "Role", kind: "select", required: true, options: roleOptions },
            {
              name: "startedOn",
              label: "Start date (first day held)",
              kind: "date",
              required: true,
              value: props.today,
            },
            { name: "endedOn", label: "End date (first day no longer held; optional)", kind: "date" },
            { name: "termEndsOn", label: "Board term ends (Board members; optional)", kind: "date" },
            { name: "reason", label: "Reason", attrs: { maxlength: 2000 } },
            {
              name: "decisionRef",
              label: "Decision reference (a Board resolution, an election; optional)",
              attrs: { maxlength: 500 },
            },
          ]}
        />
      </Section>
    </Layout>
  );
}
