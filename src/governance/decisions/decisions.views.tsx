import type { Child } from "hono/jsx";
/** Server-rendered pages for membership decisions; every form works without JavaScript. */
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, type FieldSpec, Form, type SuggestOption } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { pageContext } from "../../platform/view/page-context.ts";
import { Section } from "../../platform/view/section.tsx";
import { type Column, Table } from "../../platform/view/table.tsx";
import { formatInstant, OnDay, When } from "../../platform/view/time.tsx";
import type { NextMeeting } from "../meetings/next-meeting.ts";
import { readableInstant } from "./application-state.ts";
import type { AuditEntryInWords } from "./audit-in-words.ts";
import type { ElectorateView } from "./get-electorate.ts";
import type { ApplicationView } from "./list-applications.ts";
import type { LapsingTerm } from "./list-lapsing-terms.ts";
import type { LiaisonProblem } from "./list-liaison-problems.ts";
import type { MyApplication } from "./list-my-applications.ts";
import type { VoteView } from "./vote-views.ts";

const KIND_LABEL: Record<string, string> = {
  "admit-member": "Admit a member",
  "remove-member": "Remove a member",
  "elect-chair": "Elect a Chair",
  "elect-co-chair": "Elect a Co-Chair",
  proposal: "Proposal",
};

const BODY_LABEL: Record<string, string> = {
  group: "the group's members",
  board: "the DSF Board",
  "steering-council": "the Steering Council",
};

function VoteSummary(props: { vote: VoteView }) {
  const v = props.vote;
  return (
    <p>
      {KIND_LABEL[v.kind] ?? v.kind}; decided by {BODY_LABEL[v.body] ?? v.body}; {v.secrecy} ballot;{" "}
      {v.baseRule === "consensus"
        ? `passes only if all ${v.electorateSize} in the electorate vote yes (consensus); one no or abstention refuses`
        : `passes with more than half of ${v.baseRule === "cast" ? "the votes cast" : `the electorate (${v.electorateSize})`}`}
      .{" "}
      {v.status === "open" ? (
        <>
          Closes <When at={v.closesAt} />.
        </>
      ) : (
        <>
          Closed {v.closedAt ? <When at={v.closedAt} /> : "(time not recorded)"}: {v.outcome ?? "no outcome"}.
        </>
      )}
    </p>
  );
}

function VoteTable(props: { votes: VoteView[]; caption: string }) {
  if (props.votes.length === 0) return <p>No {props.caption.toLowerCase()}.</p>;
  return <Table caption={props.caption} columns={VOTE_COLUMNS} rows={props.votes} />;
}

const VOTE_COLUMNS: readonly Column<VoteView>[] = [
  { header: "Vote", cell: (v) => <a href={`/votes/${v.id}`}>{v.title}</a> },
  { header: "Group", cell: (v) => v.group.name },
  {
    header: "Status",
    cell: (v) =>
      v.status === "open" ? (v.viewerMayVote ? "open: your ballot is awaited" : "open") : v.outcome,
  },
  {
    header: "Ballots cast",
    cell: (v) => (
      <>
        {v.cast} of {v.electorateSize}
      </>
    ),
  },
  { header: "Closes (or closed)", cell: (v) => <When at={v.closedAt ?? v.closesAt} /> },
];

/** What the liaison form on /board needs: today's date and who can be suggested (the Board). */
export interface LiaisonFormModel {
  today: string;
  board: readonly SuggestOption[];
}

function LiaisonList(props: { problems: LiaisonProblem[]; showGroup: boolean; form?: LiaisonFormModel }) {
  if (props.problems.length === 0) return <p>No Board Liaison problems.</p>;
  const form = props.form;
  return (
    <ul>
      {props.problems.map((p) => (
        <li>
          {props.showGroup && (
            <>
              <a href={`/groups/${p.group.slug}/decisions`}>{p.group.name}</a>:{" "}
            </>
          )}
          {p.message}
          {p.owned && p.liaison && (p.owned.handover || p.owned.openItems > 0) && (
            <>
              {" "}
              {p.owned.handover ? (
                <a href={`/handovers/${p.owned.handover.id}`}>
                  What {p.liaison.name} owned in {p.group.name}
                  {p.owned.handover.needingOwner > 0
                    ? ` (${p.owned.handover.needingOwner} needing a new owner)`
                    : ""}
                </a>
              ) : (
                `${p.liaison.name} owns ${p.owned.openItems === 1 ? "one open item" : `${p.owned.openItems} open items`} in ${p.group.name}.`
              )}
            </>
          )}
          {form && !p.planned && (
            <Form
              action={`/groups/${p.group.slug}/board-liaison`}
              submit="Record the new liaison"
              submitLabel={`Record the new liaison of ${p.group.name}`}
              label={`New Board Liaison of ${p.group.name}`}
              fields={[
                {
                  name: "person",
                  label: `New Board Liaison of ${p.group.name} (a Board member, by name)`,
                  required: true,
                  attrs: { maxlength: 200 },
                  suggest: { options: form.board, from: "/api/people-suggestions?among=board" },
                },
                {
                  name: "startedOn",
                  label: "Serves from",
                  kind: "date",
                  required: true,
                  value: form.today,
                },
              ]}
            />
          )}
        </li>
      ))}
    </ul>
  );
}

/** The electorate of a vote: who may vote and why, and who cannot for want of an account. */
function Electorate(props: { electorate: ElectorateView }) {
  const e = props.electorate;
  return (
    <Section id="electorate" title={<>Who may vote ({e.members.length})</>}>
      <p>
        The electorate was fixed when the vote opened; roles as on <OnDay day={e.rolesOn} />.
      </p>
      <ul>
        {e.members.map((m) => (
          <li>
            <a href={`/people/${m.slug}`}>{m.name}</a>
            {m.roles.length > 0 && `, ${m.roles.join(", ")}`}
            {!m.hasAccount && <strong> (no Guildhall account: cannot vote)</strong>}
          </li>
        ))}
      </ul>
    </Section>
  );
}

/** The warning about electorate members who can never vote (shown to those who manage the vote). */
function ElectorateWarningNote(props: { electorate: ElectorateView }) {
  const w = props.electorate.warning;
  if (w.withoutAccount === 0) return null;
  const names = props.electorate.members.filter((m) => !m.hasAccount).map((m) => m.name);
  return (
    <div class={w.canPass ? "notice" : "notice bad"} role="note" aria-labelledby="electorate-warning">
      <h2 id="electorate-warning">{w.canPass ? "Some voters cannot vote" : "This vote cannot pass"}</h2>
      <p>{w.text}</p>
      <p>Without an account: {names.join(", ")}.</p>
    </div>
  );
}

/** The page of one vote: its question, tally as far as secrecy allows, and the ballot form. */
export function VotePage(props: {
  vote: VoteView;
  electorate: ElectorateView;
  mayCast: boolean;
  mayManage: boolean;
  /** Just opened by the viewer: the confirmation. */
  opened?: boolean;
}) {
  const v = props.vote;
  return (
    <Layout title={v.title}>
      <p>
        <a href={`/groups/${v.group.slug}/decisions`}>{v.group.name}: decisions</a>
      </p>
      <h1>{v.title}</h1>
      {props.opened && (
        <p role="status">
          The vote is open. {v.electorateSize} may vote; it closes <When at={v.closesAt} />.
        </p>
      )}
      {(props.opened || props.mayManage) && <ElectorateWarningNote electorate={props.electorate} />}
      <VoteSummary vote={v} />
      {v.description && <p>{v.description}</p>}
      <h2>Tally</h2>
      <p>
        {v.cast} of {v.electorateSize} have voted.
      </p>
      {v.counts ? (
        <dl>
          <dt>Yes</dt>
          <dd>{v.counts.yes}</dd>
          <dt>No</dt>
          <dd>{v.counts.no}</dd>
          <dt>Abstain</dt>
          <dd>{v.counts.abstain}</dd>
          <dt>Yes votes needed</dt>
          <dd>{v.needed}</dd>
        </dl>
      ) : (
        <p>This is a secret ballot: the counts are shown once it closes, and never who voted how.</p>
      )}
      {v.ballots && v.ballots.length > 0 && (
        <Table
          caption="Ballots (open vote)"
          rows={v.ballots}
          columns={[
            { header: "Voter", cell: (b) => b.name },
            { header: "Choice", cell: (b) => b.choice },
          ]}
        />
      )}
      {v.voters.length > 0 && (
        <>
          <h2>Who has voted</h2>
          <ul>
            {v.voters.map((p) => (
              <li>{p.name}</li>
            ))}
          </ul>
        </>
      )}
      {v.extensions.length > 0 && (
        <>
          <h2>Extensions</h2>
          <ul>
            {v.extensions.map((e) => (
              <li>
                From <When at={e.from} /> to <When at={e.to} /> (on <When at={e.at} />
                ): {e.reason}
              </li>
            ))}
          </ul>
        </>
      )}
      <Electorate electorate={props.electorate} />
      {props.mayCast && v.viewerMayVote && (
        <Form
          action={`/votes/${v.id}/ballot`}
          submit="Cast ballot"
          fields={[
            {
              name: "choice",
              label: "Your ballot (it cannot be changed once cast)",
              kind: "radios",
              required: true,
              options: (["yes", "no", "abstain"] as const).map((choice) => ({
                value: choice,
                label: `${choice[0]?.toUpperCase()}${choice.slice(1)}`,
              })),
            },
          ]}
        />
      )}
      {props.mayManage && v.status === "open" && (
        <>
          <h2>Manage</h2>
          <Form
            action={`/votes/${v.id}/extend`}
            submit="Extend"
            fields={[
              {
                name: "closesAt",
                label: "New closing time (UTC)",
                kind: "datetime-local",
                required: true,
                hint: `Later than the current closing time, and no later than ${formatInstant(v.latestClosesAt)} (the group's longest vote).`,
              },
              { name: "reason", label: "Reason", required: true, attrs: { maxlength: 500 } },
            ]}
          />
          <ButtonForm
            action={`/votes/${v.id}/close`}
            submit="Close now (only once due or decided)"
            class=""
          />
        </>
      )}
    </Layout>
  );
}

/** What the group decisions page shows; each part is present only when the viewer may see it. */
export interface GroupDecisionsModel {
  group: { id: number; slug: string; name: string };
  nextMeeting: NextMeeting;
  decidedBy: string;
  /** How the group admits (policy/membership-rule.ts): a vote, a member's invitation, an appointment, or not stated. */
  admission: "vote" | "invitation" | "appointment" | "not-stated";
  settings: { baseRule: string; secrecy: string; nextMeetingOn: string | null; maxVoteDays: number };
  votes: VoteView[] | null;
  applications: ApplicationView[] | null;
  myTerms: LapsingTerm[];
  liaisonProblems: LiaisonProblem[] | null;
  mayApply: boolean;
  mayOpenVote: boolean;
  mayManageApplications: boolean;
  mayEditSettings: boolean;
  /** Whether the viewer may leave (see `leaveStanding`). */
  leave: "none" | "ex-officio" | "may-leave";
  /** Names suggested for the person a vote is about (when the viewer may open one). */
  people: readonly SuggestOption[];
  applied?: { applicationId: number };
  /** The viewer's open application to this group, if any: shown instead of a fresh form. */
  myApplication?: MyApplication | null;
  /** Asked when the viewer's account has no person yet: the name the group will see (prefilled when known). */
  askName?: { value: string } | null;
}

/** The viewer's own application: when it was made, where it stands, what happens next. */
export function MyApplicationSummary(props: { application: MyApplication; nextMeeting?: string }) {
  const a = props.application;
  return (
    <dl class="facts">
      <dt>Application</dt>
      <dd>
        #{a.id}, made {readableInstant(a.createdAt)}
      </dd>
      <dt>State</dt>
      <dd>{a.state.label}</dd>
      <dt>What happens next</dt>
      <dd>
        {a.state.next}
        {a.vote && a.vote.status === "open" && (
          <>
            {" "}
            <a href={`/votes/${a.vote.id}`}>Vote #{a.vote.id}</a>
          </>
        )}
        {props.nextMeeting && a.state.open ? ` ${props.nextMeeting}` : ""}
      </dd>
    </dl>
  );
}

/** The group's decisions page: votes, applications, terms, and the forms for each action. */
export function GroupDecisionsPage(props: { model: GroupDecisionsModel }) {
  const m = props.model;
  return (
    <Layout title={`${m.group.name}: decisions`} path="/groups">
      <p>
        <a href={`/groups/${m.group.slug}`}>{m.group.name}</a>
      </p>
      <h1>{m.group.name}: membership decisions</h1>
      {m.admission === "not-stated" ? (
        <p>
          {m.group.name}'s charter does not state how new members are admitted, so Guildhall runs no vote and
          takes no applications here. Ask the DSF Board:{" "}
          <a href="https://www.djangoproject.com/contact/foundation/">contact the Board</a>.
        </p>
      ) : (
        <p>
          New members are decided by {m.decidedBy}. {m.nextMeeting.text}
        </p>
      )}
      {m.applied && (
        <p role="status">
          Your application #{m.applied.applicationId} was received. {m.nextMeeting.text}
        </p>
      )}
      {m.myApplication && (
        <Section id="my-application" title="Your application">
          <MyApplicationSummary application={m.myApplication} nextMeeting={m.nextMeeting.text} />
          <p>
            <a href="/me">All your groups and applications</a>
          </p>
        </Section>
      )}
      {m.liaisonProblems && m.liaisonProblems.length > 0 && (
        <Section id="liaison" title="Board Liaison">
          <LiaisonList problems={m.liaisonProblems} showGroup={false} />
        </Section>
      )}
      {m.votes && (
        <Section id="votes" title="Votes">
          <VoteTable votes={m.votes} caption="Votes of this group" />
        </Section>
      )}
      {m.myTerms.length > 0 && (
        <Section id="terms" title="Your term">
          {m.myTerms.map((t) => (
            <Form action={`/role-periods/${t.rolePeriodId}/renew`} submit="Renew my term" fields={[]}>
              <p>
                Your term as {t.role} ends on <OnDay day={t.termEndsOn} />. Opt in to stay for another term.
              </p>
            </Form>
          ))}
        </Section>
      )}
      {m.leave === "ex-officio" && (
        <Section id="leave" title="Your place in the group">
          <p>You are in {m.group.name} ex officio: your place ends with the foundation role that gives it.</p>
        </Section>
      )}
      {m.leave === "may-leave" && (
        <Section id="leave" title="Leave the group">
          <Form
            action={`/groups/${m.group.slug}/leave`}
            submit={`Leave ${m.group.name}`}
            fields={[{ name: "note", label: "Note (optional)", attrs: { maxlength: 500 } }]}
          />
        </Section>
      )}
      {m.mayApply &&
        m.admission !== "not-stated" &&
        (!m.myApplication || refusedHere(`/groups/${m.group.slug}/apply`)) && (
          <Section id="apply" title="Apply to join">
            <Form
              action={`/groups/${m.group.slug}/apply`}
              submit="Apply"
              fields={[
                ...(m.askName ? [nameField(m.askName.value)] : []),
                {
                  name: "statement",
                  label: "Why do you want to join?",
                  kind: "textarea",
                  required: true,
                  attrs: { rows: 4, maxlength: 5000 },
                },
                { name: "skills", label: "Skills you bring", required: true, attrs: { maxlength: 2000 } },
                {
                  name: "timeCommitment",
                  label: "Time you can give",
                  required: true,
                  attrs: { maxlength: 500 },
                },
              ]}
            />
          </Section>
        )}
      {m.applications && (
        <Section id="applications" title="Applications">
          <ItemList
            items={m.applications}
            empty="No applications."
            item={(a) => (
              <>
                <p>
                  #{a.id} {a.person.name} ({a.status}, <When at={a.createdAt} />
                  ): {a.statement}. Skills: {a.skills}. Time: {a.timeCommitment}.{" "}
                  {a.voteId !== null && <a href={`/votes/${a.voteId}`}>Vote #{a.voteId}</a>}
                </p>
                {a.status === "pending" &&
                  m.mayOpenVote &&
                  (m.admission === "invitation" || m.admission === "appointment") && (
                    <Form
                      action={`/groups/${m.group.slug}/admissions`}
                      submit={`${m.admission === "invitation" ? "Invite" : "Appoint"} ${a.person.name} (no vote)`}
                      fields={[
                        {
                          name: "applicationId",
                          label: "Application",
                          kind: "hidden",
                          value: String(a.id),
                        },
                      ]}
                    />
                  )}
                {a.status === "pending" && m.mayManageApplications && m.admission === "vote" && (
                  <Form
                    action={`/applications/${a.id}/vote`}
                    submit="Start the decision"
                    submitLabel={`Start the decision on ${a.person.name}'s application`}
                    fields={[
                      {
                        name: "closesAt",
                        label: "Vote closes (UTC)",
                        kind: "datetime-local",
                        required: true,
                      },
                    ]}
                  />
                )}
              </>
            )}
          />
        </Section>
      )}
      {m.mayOpenVote && (
        <Section id="open-vote" title="Open a vote">
          <Form
            action={`/groups/${m.group.slug}/votes`}
            submit="Open vote"
            fields={[
              {
                name: "kind",
                label: "Kind",
                kind: "select",
                options: Object.entries(KIND_LABEL).map(([value, label]) => ({ value, label })),
              },
              {
                name: "subject",
                label: "Person the vote is about (name; not for a proposal)",
                hint: "Type a name and pick a suggestion; a name several people share lets you choose.",
                attrs: { maxlength: 200 },
                suggest: { options: m.people, from: "/api/people-suggestions" },
              },
              { name: "title", label: "Title (required for a proposal)", attrs: { maxlength: 200 } },
              {
                name: "closesAt",
                label: `Closes (UTC, within ${m.settings.maxVoteDays} days)`,
                kind: "datetime-local",
                required: true,
              },
              {
                name: "secrecy",
                label: "Ballot",
                kind: "select",
                options: [
                  { value: "", label: `Group default (${m.settings.secrecy})` },
                  { value: "open", label: "Open" },
                  { value: "secret", label: "Secret" },
                ],
              },
            ]}
          />
        </Section>
      )}
      {m.mayEditSettings && (
        <Section id="settings" title="Vote rules and next meeting">
          <Form
            action={`/groups/${m.group.slug}/decision-settings`}
            submit="Save"
            fields={[
              {
                name: "baseRule",
                label: "Majority of",
                kind: "select",
                value: m.settings.baseRule,
                options: [
                  { value: "electorate", label: "the whole electorate" },
                  { value: "cast", label: "the votes cast" },
                ],
              },
              {
                name: "secrecy",
                label: "Default ballot",
                kind: "select",
                value: m.settings.secrecy,
                options: [
                  { value: "open", label: "Open" },
                  { value: "secret", label: "Secret" },
                ],
              },
              {
                name: "nextMeetingOn",
                label: "Next meeting (YYYY-MM-DD)",
                kind: "date",
                value: m.settings.nextMeetingOn ?? "",
              },
              {
                name: "maxVoteDays",
                label: "Longest vote, opening to closing with extensions (days)",
                kind: "number",
                required: true,
                value: String(m.settings.maxVoteDays),
                attrs: { min: 1, max: 365 },
              },
            ]}
          />
        </Section>
      )}
      {m.votes && (
        <p>
          <a href={`/groups/${m.group.slug}/audit`}>Audit trail</a>
        </p>
      )}
    </Layout>
  );
}

/** True when this request re-shows a refused submission to `action` (its values must not be lost). */
function refusedHere(action: string): boolean {
  return pageContext().refusal?.action === action;
}

/** The applicant's name, asked when their account has no person yet. */
function nameField(value: string): FieldSpec {
  return {
    name: "name",
    label: "Your name, as the group will see it",
    required: true,
    value,
    hint: "Seen only by you, the people who decide on your application, the Board and administrators until you are a member.",
    attrs: { maxlength: 200, autocomplete: "name" },
  };
}

/** The Board's page: every group's pending decisions, lapsing terms and liaison problems. */
export function BoardPage(props: {
  day: string;
  votes: VoteView[];
  applications: ApplicationView[];
  terms: LapsingTerm[];
  liaisons: LiaisonProblem[];
  /** The liaison form, for those who may record a liaison. */
  liaisonForm?: LiaisonFormModel;
  /** Just recorded: the group and the new liaison's name, for the confirmation. */
  recorded?: { group: string; name: string; startedOn: string };
  /** Sections other parts of governance add (reports). */
  children?: Child;
}) {
  return (
    <Layout title="Board overview" path="/board">
      <h1>Board overview</h1>
      {props.recorded && (
        <p role="status">
          Recorded: {props.recorded.name} is {props.recorded.group}'s Board Liaison from{" "}
          <OnDay day={props.recorded.startedOn} />.
        </p>
      )}
      <p>
        As of <OnDay day={props.day} /> (UTC).
      </p>
      <Section id="b-votes" title="Open votes">
        <VoteTable votes={props.votes} caption="Open votes in every group" />
      </Section>
      <Section id="b-apps" title="Applications waiting">
        <ItemList
          items={props.applications}
          empty="No applications waiting."
          item={(a) => (
            <>
              <a href={`/groups/${a.group.slug}/decisions`}>{a.group.name}</a>: {a.person.name} ({a.status},
              since <When at={a.createdAt} />)
            </>
          )}
        />
      </Section>
      <Section id="b-terms" title="Terms lapsing in the next 30 days">
        <ItemList
          items={props.terms}
          empty="No terms lapsing soon."
          item={(t) => (
            <>
              <OnDay day={t.termEndsOn} />: {t.person.name}, {t.role} in{" "}
              <a href={`/groups/${t.group.slug}/decisions`}>{t.group.name}</a>
            </>
          )}
        />
      </Section>
      <Section id="b-liaisons" title="Board Liaison problems">
        <LiaisonList problems={props.liaisons} showGroup={true} form={props.liaisonForm} />
      </Section>
      {props.children}
    </Layout>
  );
}

/** The audit trail of a group's decisions, in words, with CSV, JSON and text exports. */
export function AuditPage(props: { group: { slug: string; name: string }; entries: AuditEntryInWords[] }) {
  return (
    <Layout title={`${props.group.name}: audit trail`} path="/groups">
      <h1>{props.group.name}: audit trail</h1>
      <p>
        Export: <a href={`/groups/${props.group.slug}/audit.txt`}>text</a>,{" "}
        <a href={`/groups/${props.group.slug}/audit.csv`}>CSV</a>,{" "}
        <a href={`/groups/${props.group.slug}/audit.json`}>JSON</a> (CSV and JSON carry every recorded field)
      </p>
      <Table
        caption="Changes, newest first"
        rows={props.entries}
        columns={[
          {
            header: "When",
            cell: (e) => <When at={e.occurredAt} />,
          },
          { header: "What happened", cell: (e) => e.words },
        ]}
        empty="Nothing recorded yet."
      />
    </Layout>
  );
}
