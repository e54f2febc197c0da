/** Lifecycle pages: proposals (list, new, one), a group's lifecycle (charter changes, shutdown), one charter change. */
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import { OnDay, When } from "../../platform/view/time.tsx";
import type { CharterFinding } from "../charter/check-charter.ts";
import type { VoteRow } from "../decisions/decisions.repo.ts";
import type { FieldChange } from "./classify-change.ts";
import type {
  ChangeRow,
  ChecklistRow,
  ProposalWithText,
  RevisionRow,
  ShutdownRow,
} from "./lifecycle.repo.ts";
import { ARCHIVE_STEPS, type GroundFinding, SETUP_STEPS } from "./shutdown-rules.ts";

const PROPOSAL_STATUS: Record<string, string> = {
  draft: "draft",
  ready: "ready for review",
  voting: "being voted on by the Board",
  approved: "approved",
  rejected: "rejected",
  withdrawn: "withdrawn",
};
const CHANGE_STATUS: Record<string, string> = {
  proposed: "waiting for the Board's vote",
  voting: "being voted on by the Board",
  applied: "applied",
  rejected: "rejected by the Board",
  withdrawn: "withdrawn",
};
const CLASS_TEXT: Record<string, string> = {
  substantive: "substantive (needs a Board vote)",
  membership: "membership",
  arrangements: "meeting and communication arrangements (applies directly)",
  editorial: "wording only (applies directly)",
};
const GROUND_TEXT: Record<string, string> = {
  voluntary: "voluntary: consensus of the members",
  membership: "membership below the minimum",
  defunct: "defunct: reports missed",
  "board-vote": "Board vote",
};
const kindWord = (kind: string) => (kind === "team" ? "team" : "working group");

/** What happens next for a proposal in this state (README.md:57-71). */
const NEXT: Record<string, string> = {
  draft: "Its author completes it; when nothing required is missing, they mark it ready for review.",
  ready: "The liaisons and the Board have been told; a Board member opens the Board's vote.",
  voting: "The Board is voting on it.",
  approved: "Set up: the charter pull request, the channels, the first meeting. Then the group is active.",
  rejected: "The Board gives feedback; the author may revise it and try again.",
  withdrawn: "Nothing: it was withdrawn.",
};

/** The list of proposals the viewer may see. */
export function ProposalsPage(props: { proposals: readonly ProposalWithText[]; mayDraft: boolean }) {
  return (
    <Layout title="Proposed groups" path="/groups">
      <h1>Proposed working groups and teams</h1>
      <p>
        A new group is proposed with a charter, reviewed by its liaisons and decided by a Board vote (DSF
        working groups README, "Forming a new Working Group").{" "}
        {props.mayDraft ? (
          <a href="/proposals/new">Propose a group</a>
        ) : (
          <a href="/sign-in">Sign in to propose a group</a>
        )}
        .
      </p>
      <Table
        caption="Proposals"
        rows={props.proposals}
        columns={[
          {
            header: "Group",
            rowHeader: true,
            cell: (p) => (
              <>
                <a href={`/proposals/${p.id}`}>{p.charter.name}</a> ({kindWord(p.charter.kind)})
              </>
            ),
          },
          { header: "Status", cell: (p) => PROPOSAL_STATUS[p.status] ?? p.status },
          { header: "Revision", numeric: true, cell: (p) => p.revision.number },
          { header: "Updated", cell: (p) => <When at={p.updatedAt} /> },
        ]}
        empty="No proposals you can see yet."
      />
    </Layout>
  );
}

/** The form for a new proposal. */
export function NewProposalPage() {
  return (
    <Layout title="Propose a group" path="/groups">
      <p>
        <a href="/proposals">Proposed groups</a>
      </p>
      <h1>Propose a working group or team</h1>
      <p>
        Leave the charter empty to start from the template's headings, with every field "todo"; you can fill
        them in later and mark the proposal ready for review when nothing required is missing.
      </p>
      <Form
        action="/proposals"
        submit="Save the draft"
        fields={[
          { name: "name", label: "Name", required: true, attrs: { maxlength: 200 } },
          {
            name: "slug",
            label: "Charter file name",
            required: true,
            hint: "Letters, digits and dashes; the file will be proposals/<name>.md.",
            attrs: { maxlength: 200, autocomplete: "off" },
          },
          {
            name: "kind",
            label: "Kind",
            kind: "radios",
            required: true,
            value: "working-group",
            options: [
              { value: "working-group", label: "Working group (a Board Liaison is required)" },
              { value: "team", label: "Team" },
            ],
          },
          { name: "markdown", label: "Charter (markdown, optional)", kind: "textarea", attrs: { rows: 12 } },
        ]}
      />
    </Layout>
  );
}

/** The completeness check, field by field (checkCharter on the latest revision). */
function Findings(props: { findings: readonly CharterFinding[]; revision: number }) {
  if (props.findings.length === 0) {
    return <p>Nothing is missing (source: the charter check of revision {props.revision}).</p>;
  }
  return (
    <Table
      caption={`What revision ${props.revision} still lacks (the charter check)`}
      rows={props.findings}
      columns={[
        { header: "Field", rowHeader: true, cell: (f) => f.field },
        { header: "Needed", cell: (f) => f.severity },
        { header: "Finding", cell: (f) => f.message },
      ]}
    />
  );
}

/** A checklist with its recorded steps and, for those who may, the form to record the next. */
function Checklist(props: {
  title: string;
  steps: ReadonlyArray<{ step: string; label: string; optional: boolean }>;
  recorded: readonly ChecklistRow[];
  action: string | null;
}) {
  const open = props.steps.filter((s) => !props.recorded.some((r) => r.step === s.step));
  return (
    <>
      <h2>{props.title}</h2>
      <ul>
        {props.steps.map((s) => {
          const r = props.recorded.find((x) => x.step === s.step);
          return (
            <li>
              {s.label}
              {s.optional ? " (if possible)" : ""}:{" "}
              {r ? (
                <>
                  {r.outcome === "done" ? "done" : "skipped"} <When at={r.doneAt} />
                  {r.note ? `: ${r.note}` : ""}
                </>
              ) : (
                "to do"
              )}
            </li>
          );
        })}
      </ul>
      {props.action && open.length > 0 && (
        <Form
          action={props.action}
          submit="Record the step"
          fields={[
            {
              name: "step",
              label: "Step",
              kind: "select",
              required: true,
              options: open.map((s) => ({ value: s.step, label: s.label })),
            },
            {
              name: "outcome",
              label: "Outcome",
              kind: "radios",
              value: "done",
              options: [
                { value: "done", label: "Done" },
                { value: "skipped", label: "Not possible (the final report only)" },
              ],
            },
            { name: "note", label: "Note or link", attrs: { maxlength: 1000 } },
          ]}
        />
      )}
    </>
  );
}

function VoteLine(props: { vote: VoteRow | null }) {
  const v = props.vote;
  if (!v) return null;
  return (
    <p>
      <a href={`/votes/${v.id}`}>The Board's vote</a>:{" "}
      {v.status === "open" ? (
        <>
          open, closes <When at={v.closesAt} />
        </>
      ) : (
        <>
          {v.outcome}, closed <When at={v.closedAt ?? v.closesAt} />
        </>
      )}
      .
    </p>
  );
}

/** Everything about one proposal. */
export function ProposalPage(props: {
  proposal: ProposalWithText;
  revisions: readonly RevisionRow[];
  findings: readonly CharterFinding[];
  checklist: readonly ChecklistRow[];
  vote: VoteRow | null;
  may: { edit: boolean; decide: boolean; setUp: boolean };
}) {
  const p = props.proposal;
  const c = p.charter;
  const complete = !props.findings.some((f) => f.severity === "required");
  const base = `/proposals/${p.id}`;
  return (
    <Layout title={`Proposal: ${c.name}`} path="/groups">
      <p>
        <a href="/proposals">Proposed groups</a>
      </p>
      <h1>
        Proposal: {c.name} ({kindWord(c.kind)})
      </h1>
      <p>
        Status: <strong>{PROPOSAL_STATUS[p.status] ?? p.status}</strong>. {NEXT[p.status]}
      </p>
      <p>
        {p.source === "import"
          ? "Imported from the charter repository's proposals/ folder"
          : "Drafted in Guildhall"}{" "}
        <When at={p.createdAt} />; revision {p.revision.number} of <When at={p.revision.createdAt} />.{" "}
        <a href={`${base}/charter.md`}>The charter file</a> and <a href={`${base}/charter.diff`}>the diff</a>{" "}
        a pull request would carry (proposals/{p.slug}.md).
      </p>
      <VoteLine vote={props.vote} />
      {p.feedback && (
        <Section id="feedback" title="The Board's feedback">
          <p>{p.feedback}</p>
        </Section>
      )}
      <h2>Completeness</h2>
      <Findings findings={props.findings} revision={p.revision.number} />
      {props.may.edit && p.status === "draft" && complete && (
        <ButtonForm action={`${base}/ready`} submit="Mark ready for review" />
      )}
      {props.may.decide && p.status === "ready" && (
        <Form
          action={`${base}/vote`}
          submit="Open the Board's vote"
          fields={[
            { name: "closesAt", label: "Vote closes (UTC)", kind: "datetime-local", required: true },
            { name: "description", label: "What the Board is asked", kind: "textarea", attrs: { rows: 3 } },
          ]}
        />
      )}
      {props.may.decide && p.status === "rejected" && (
        <Form
          action={`${base}/feedback`}
          submit="Give the Board's feedback"
          fields={[
            {
              name: "feedback",
              label: "Feedback",
              kind: "textarea",
              required: true,
              value: p.feedback ?? "",
              attrs: { rows: 4 },
            },
          ]}
        />
      )}
      {p.status === "approved" && (
        <Checklist
          title="Set-up checklist"
          steps={SETUP_STEPS}
          recorded={props.checklist}
          action={props.may.setUp ? `${base}/checklist` : null}
        />
      )}
      {props.may.edit && ["draft", "ready", "rejected"].includes(p.status) && (
        <>
          <h2>Revise</h2>
          <Form
            action={`${base}/revisions`}
            submit="Save a new revision"
            fields={[
              {
                name: "markdown",
                label: "Charter (markdown)",
                kind: "textarea",
                required: true,
                value: p.revision.markdown,
                attrs: { rows: 16 },
              },
              { name: "note", label: "What changed", attrs: { maxlength: 500 } },
            ]}
          />
        </>
      )}
      <h2>Revisions</h2>
      <ol>
        {props.revisions.map((r) => (
          <li>
            Revision {r.number}, <When at={r.createdAt} />
            {r.note ? `: ${r.note}` : ""}
          </li>
        ))}
      </ol>
    </Layout>
  );
}

function FieldTable(props: { fields: readonly FieldChange[]; caption: string }) {
  return (
    <Table
      caption={props.caption}
      rows={props.fields}
      empty="No field of the structured charter changes."
      columns={[
        { header: "Field", rowHeader: true, cell: (f) => f.label },
        { header: "Class", cell: (f) => f.class },
        { header: "Before", cell: (f) => f.before || "(not stated)" },
        { header: "After", cell: (f) => f.after || "(not stated)" },
      ]}
    />
  );
}

/** A group's lifecycle: its charter changes, the change form, shutdown grounds and shutdowns. */
export function GroupLifecyclePage(props: {
  group: { slug: string; name: string; status: string; kind: string };
  currentMarkdown: string;
  changes: readonly ChangeRow[];
  shutdowns: ReadonlyArray<{
    shutdown: ShutdownRow;
    checklist: readonly ChecklistRow[];
    vote: VoteRow | null;
  }>;
  grounds: readonly GroundFinding[];
  today: string;
  may: {
    propose: boolean;
    applyDirectly: boolean;
    shutDown: boolean;
    boardDecide: boolean;
    archive: boolean;
  };
}) {
  const g = props.group;
  const base = `/groups/${g.slug}`;
  const open = props.shutdowns.find(
    (s) => s.shutdown.status === "voting" || s.shutdown.status === "archiving",
  );
  return (
    <Layout title={`${g.name}: charter and lifecycle`} path="/groups">
      <p>
        <a href={base}>{g.name}</a>
      </p>
      <h1>{g.name}: charter changes and shutdown</h1>
      <p>
        Status: {g.status}. Substantive changes (scope, budget, how membership is decided) need a Board vote;
        changes to when and how the group meets or communicates apply directly (DSF working groups README,
        lines 77-79).
      </p>
      <h2>Charter changes</h2>
      <ItemList
        items={props.changes}
        empty="No charter change recorded in Guildhall."
        item={(ch) => (
          <>
            <a href={`/charter-changes/${ch.id}`}>{ch.summary}</a>: {CLASS_TEXT[ch.class] ?? ch.class},{" "}
            {CHANGE_STATUS[ch.status] ?? ch.status} (<When at={ch.createdAt} />)
          </>
        )}
      />
      {props.may.propose && g.status === "active" && (
        <>
          <h3>Change the charter</h3>
          <Form
            action={`${base}/charter-changes`}
            submit="Submit the change"
            fields={[
              {
                name: "markdown",
                label: "Charter after the change (markdown)",
                kind: "textarea",
                required: true,
                value: props.currentMarkdown,
                hint: props.may.applyDirectly
                  ? "Meeting and communication changes apply at once; substantive ones wait for the Board."
                  : "Substantive changes wait for the Board; meeting and communication changes are made by the Chair or Co-Chair.",
                attrs: { rows: 16 },
              },
              { name: "summary", label: "Summary (one line)", attrs: { maxlength: 200 } },
            ]}
          />
        </>
      )}
      <h2>Shutdown</h2>
      <ItemList
        items={props.grounds}
        empty={
          <>
            No forced ground holds on <OnDay day={props.today} /> (membership at or above the minimum; not
            flagged defunct).
          </>
        }
        item={(f) => (
          <>
            <strong>{GROUND_TEXT[f.ground]}</strong>: {f.detail} (source: {f.rule}; current membership and
            reporting on <OnDay day={props.today} />)
          </>
        )}
      />
      {props.shutdowns.map(({ shutdown: s, checklist, vote }) => (
        <Section
          id={`shutdown-${s.id}`}
          title={
            <>
              Shutdown #{s.id}: {GROUND_TEXT[s.ground]}, {s.status}
            </>
          }
          level={3}
        >
          <p>
            {s.reason} (started <When at={s.createdAt} />)
          </p>
          <VoteLine vote={vote} />
          {(s.status === "archiving" || s.status === "archived") && (
            <>
              <p>
                <a href={`/shutdowns/${s.id}/archive.diff`}>
                  The pull request moving the charter to archive/
                </a>
                .
              </p>
              <Checklist
                title="Archiving checklist"
                steps={ARCHIVE_STEPS}
                recorded={checklist}
                action={props.may.archive && s.status === "archiving" ? `/shutdowns/${s.id}/checklist` : null}
              />
            </>
          )}
        </Section>
      ))}
      {!open && g.status === "active" && props.may.shutDown && (
        <Form
          action={`${base}/shutdowns/voluntary`}
          submit="Ask the members to shut the group down"
          fields={[
            {
              name: "reason",
              label: "Why the group has outlived its usefulness",
              kind: "textarea",
              required: true,
              attrs: { rows: 3 },
            },
            {
              name: "closesAt",
              label: "Vote closes (UTC)",
              kind: "datetime-local",
              required: true,
              hint: "Every member must vote yes: a majority is not enough (README line 83).",
            },
          ]}
        />
      )}
      {!open && g.status === "active" && props.may.boardDecide && (
        <Form
          action={`${base}/shutdowns/forced`}
          submit="Shut the group down (Board)"
          fields={[
            {
              name: "ground",
              label: "Ground",
              kind: "radios",
              required: true,
              options: [
                {
                  value: "membership",
                  label: "Membership below the minimum, no replacement found (line 87)",
                },
                { value: "defunct", label: "Defunct: two consecutive reports missed (line 88)" },
                { value: "board-vote", label: "A Board vote (line 89)" },
              ],
            },
            { name: "reason", label: "Reason", kind: "textarea", required: true, attrs: { rows: 3 } },
            {
              name: "closesAt",
              label: "Vote closes (UTC), for a Board vote",
              kind: "datetime-local",
            },
          ]}
        />
      )}
    </Layout>
  );
}

/** One charter change: its class, the fields, the file and diff, and the Board's vote. */
export function CharterChangePage(props: {
  change: ChangeRow;
  group: { slug: string; name: string };
  vote: VoteRow | null;
  mayDecide: boolean;
}) {
  const ch = props.change;
  const fields = ch.fields as FieldChange[];
  const base = `/charter-changes/${ch.id}`;
  return (
    <Layout title={`${props.group.name}: ${ch.summary}`} path="/groups">
      <p>
        <a href={`/groups/${props.group.slug}/lifecycle`}>{props.group.name}: charter and lifecycle</a>
      </p>
      <h1>{ch.summary}</h1>
      <p>
        {CLASS_TEXT[ch.class] ?? ch.class}; {CHANGE_STATUS[ch.status] ?? ch.status}. Recorded{" "}
        <When at={ch.createdAt} />. Classified by comparing the structured charters before and after (source:
        the group's charter as stored in Guildhall, and the text submitted).
      </p>
      <FieldTable fields={fields} caption="Fields that change" />
      <p>
        For the pull request: <a href={`${base}/charter.md`}>the charter file</a> and{" "}
        <a href={`${base}/charter.diff`}>the unified diff</a>.
      </p>
      <VoteLine vote={props.vote} />
      {props.mayDecide && ch.status === "proposed" && (
        <Form
          action={`${base}/vote`}
          submit="Open the Board's vote"
          fields={[
            { name: "closesAt", label: "Vote closes (UTC)", kind: "datetime-local", required: true },
            { name: "description", label: "What the Board is asked", kind: "textarea", attrs: { rows: 3 } },
          ]}
        />
      )}
    </Layout>
  );
}
