/** Request pages: the stalled view, a group's requests, one request with its thread and forms. */
import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { ButtonForm, Form, type SuggestOption } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import { OnDay, When } from "../../platform/view/time.tsx";
import type { RequestView } from "./list-requests.ts";
import type { PairMedians } from "./requests-chart.ts";
import { addDays } from "./rules.ts";

const STATE_TEXT: Record<string, string> = {
  open: "open",
  acknowledged: "acknowledged",
  answered: "answered",
  expired: "expired",
};

function RequestRows(props: { requests: readonly RequestView[]; caption: string }) {
  return (
    <Table
      caption={props.caption}
      rows={props.requests}
      empty="None you can see."
      columns={[
        {
          header: "Request",
          cell: (r) => (
            <>
              <a href={`/requests/${r.id}`}>{r.title}</a>
              {r.visibility === "private" ? " (private)" : ""}
            </>
          ),
        },
        { header: "From → to", cell: (r) => r.pair },
        {
          header: "Deadline (UTC)",
          cell: (r) => <OnDay day={r.deadline} />,
        },
        {
          header: "State",
          cell: (r) => (
            <>
              {STATE_TEXT[r.state] ?? r.state}
              {r.outcome ? `: ${r.outcome}${r.byLazyConsensus ? " (lazy consensus)" : ""}` : ""}
              {r.stalled === "past-deadline"
                ? " · past its deadline"
                : r.stalled === "no-owner"
                  ? " · no owner"
                  : ""}
            </>
          ),
        },
        { header: "Days waiting", cell: (r) => r.daysWaiting },
        { header: "Owner", cell: (r) => r.owner ?? "nobody" },
      ]}
    />
  );
}

/** Everything waiting past its deadline or with no owner, by group pair, and the medians. */
export function StalledPage(props: {
  on: string;
  pairs: ReadonlyArray<{ pair: string; requests: readonly RequestView[] }>;
  medians: PairMedians;
  chart: string;
}) {
  return (
    <Layout title="Stalled requests" path="/requests/stalled">
      <h1>Stalled requests</h1>
      <p>
        Requests between groups still waiting past their deadline, or with nobody owning them, as of{" "}
        <OnDay day={props.on} /> (UTC), oldest first, by group pair. Source: requests recorded in Guildhall;
        private requests appear only to their two sides. Data: <a href="/api/requests?state=stalled">JSON</a>.
      </p>
      {props.pairs.length === 0 && <p>Nothing is stalled.</p>}
      {props.pairs.map((p, i) => (
        <Section id={`pair-${i}`} title={p.pair}>
          <RequestRows requests={p.requests} caption={`Stalled: ${p.pair}`} />
        </Section>
      ))}
      <Section id="medians" title="How long getting to yes takes">
        <p>
          Median days from a request being opened to its answer, per group pair and month of the answer
          (requests answered in Guildhall that you can see; lazy consensus counts as an answer on the day it
          applied).
        </p>
        <figure class="chart">{trustedSvg(props.chart)}</figure>
        {props.medians.length === 0 ? (
          <p>Unknown: no request has been answered yet.</p>
        ) : (
          <Table caption="Median days to an answer, every group pair">
            <thead>
              <tr>
                <th scope="col">Group pair</th>
                <th scope="col">Month</th>
                <th scope="col">Median days</th>
                <th scope="col">Answers</th>
              </tr>
            </thead>
            <tbody>
              {props.medians.flatMap((p) =>
                p.months.map((m) => (
                  <tr>
                    <td>{p.pair}</td>
                    <td>{m.month}</td>
                    <td>{m.medianDays}</td>
                    <td>{m.answers}</td>
                  </tr>
                )),
              )}
            </tbody>
          </Table>
        )}
      </Section>
    </Layout>
  );
}

/** A group's requests, sent and received. */
export function GroupRequestsPage(props: {
  group: { slug: string; name: string; id: number };
  requests: readonly RequestView[];
  allowLazyConsensus: boolean;
  maySet: boolean;
  mayOpen: boolean;
}) {
  const { group } = props;
  const sent = props.requests.filter((r) => r.from.slug === group.slug);
  const received = props.requests.filter((r) => r.from.slug !== group.slug);
  return (
    <Layout title={`${group.name}: requests`} path="/groups">
      <p>
        <a href={`/groups/${group.slug}`}>{group.name}</a> · <a href="/requests">All requests</a> ·{" "}
        <a href="/requests/stalled">Stalled requests</a>
      </p>
      <h1>{group.name}: requests</h1>
      {props.mayOpen && (
        <p>
          <a href={`/groups/${encodeURIComponent(group.slug)}/requests/new`}>Open a request on its behalf</a>
        </p>
      )}
      <p>
        Lazy consensus on requests to this group:{" "}
        {props.allowLazyConsensus
          ? "allowed (a request may say it is approved if nobody objects by its deadline)."
          : "not allowed (the default; the Chair or Co-Chair can allow it)."}
      </p>
      {props.maySet && (
        <Form
          action={`/groups/${group.slug}/request-settings`}
          submit="Save"
          fields={[
            {
              name: "allowLazyConsensus",
              label: "Allow lazy consensus on requests to this group",
              kind: "checkbox",
              value: props.allowLazyConsensus ? "on" : "",
            },
          ]}
        />
      )}
      <Section id="sent" title="Sent">
        <RequestRows requests={sent} caption={`Requests from ${group.name}`} />
      </Section>
      <Section id="received" title="Received">
        <RequestRows requests={received} caption={`Requests to ${group.name}`} />
      </Section>
    </Layout>
  );
}

/** One request, its thread, and the forms the viewer may use. */
export function RequestPage(props: {
  request: RequestView;
  comments: ReadonlyArray<{ authorName: string; body: string; objection: boolean; createdAt: Date }>;
  events: ReadonlyArray<{ kind: string; dueOn: string; recordedAt: Date }>;
  mayAnswer: boolean;
  mayComment: boolean;
  mayReassign: boolean;
}) {
  const r = props.request;
  const waiting = r.state === "open" || r.state === "acknowledged";
  return (
    <Layout title={r.title} path="/requests/stalled">
      <p>
        <a href={`/groups/${r.from.slug}/requests`}>{r.from.name}: requests</a>
      </p>
      <h1>{r.title}</h1>
      <dl>
        <dt>From</dt>
        <dd>{r.from.name}</dd>
        <dt>To</dt>
        <dd>
          {r.to.name}
          {r.to.role ? ` (${r.to.role})` : ""}
        </dd>
        <dt>Kind</dt>
        <dd>
          {r.kind}, needs {r.answerNeeded === "approval" ? "an approval" : "a comment"}
          {r.lazyConsensus ? "; approved if nobody objects by the deadline (lazy consensus)" : ""}
        </dd>
        <dt>Deadline</dt>
        <dd>
          <OnDay day={r.deadline} /> (UTC, the end of the day)
        </dd>
        <dt>State</dt>
        <dd>
          {STATE_TEXT[r.state] ?? r.state}
          {r.outcome ? `: ${r.outcome}` : ""}
          {r.byLazyConsensus ? ", by lazy consensus: nobody objected by the deadline" : ""}
          {r.answeredAt ? (
            <>
              {" "}
              by {r.answeredBy ?? (r.byLazyConsensus ? "nobody (lazy consensus)" : "the command line")} on{" "}
              <When at={r.answeredAt} />
            </>
          ) : null}
        </dd>
        {r.answerNote && (
          <>
            <dt>Answer</dt>
            <dd>{r.answerNote}</dd>
          </>
        )}
        <dt>Owner</dt>
        <dd>{r.owner ?? "nobody: it needs an owner"}</dd>
        <dt>Visibility</dt>
        <dd>
          {r.visibility === "private"
            ? "private: the two sides only (and the Board once escalated)"
            : "public"}
        </dd>
        {r.link && (
          <>
            <dt>Link</dt>
            <dd>
              <a href={r.link}>{r.link}</a>
            </dd>
          </>
        )}
        <dt>Opened</dt>
        <dd>
          <When at={r.openedAt} /> by {r.openedBy ?? "the command line"}
        </dd>
      </dl>
      <Section id="steps" title="Reminders and escalation">
        <ItemList
          items={props.events}
          empty="None yet."
          item={(e) => (
            <>
              {e.kind} (due <OnDay day={e.dueOn} />, recorded <When at={e.recordedAt} />)
            </>
          )}
        />
      </Section>
      {props.mayAnswer && r.state === "open" && (
        <ButtonForm
          action={`/requests/${r.id}/acknowledge`}
          submit="Acknowledge: we have seen it and are on it"
        />
      )}
      {props.mayReassign && waiting && (
        <Section id="owner" title="Owner on the asking side">
          <Form
            action={`/requests/${r.id}/owner`}
            submit="Make them the owner"
            fields={[
              {
                name: "owner",
                label: "Person (slug) taking part in the asking group",
                kind: "text",
                required: true,
              },
            ]}
          />
        </Section>
      )}
      {props.mayAnswer && waiting && (
        <Section id="answer" title="Answer">
          <Form
            action={`/requests/${r.id}/answer`}
            submit="Send the answer"
            fields={[
              {
                name: "outcome",
                label: "Answer",
                kind: "radios",
                required: true,
                options:
                  r.answerNeeded === "approval"
                    ? [
                        { value: "approved", label: "Approve" },
                        { value: "rejected", label: "Reject" },
                        { value: "changes-requested", label: "Ask for changes" },
                      ]
                    : [{ value: "commented", label: "Comment given" }],
              },
              { name: "note", label: "In words (optional)", kind: "textarea", attrs: { rows: 3 } },
            ]}
          />
        </Section>
      )}
      <Section id="thread" title="Thread">
        {props.comments.length === 0 ? (
          <p>No comments yet.</p>
        ) : (
          <ol>
            {props.comments.map((c) => (
              <li>
                <strong>{c.authorName}</strong>
                {c.objection ? " (objection)" : ""}, <When at={c.createdAt} />: {c.body}
              </li>
            ))}
          </ol>
        )}
        {props.mayComment && (
          <Form
            action={`/requests/${r.id}/comments`}
            submit="Comment"
            fields={[
              { name: "body", label: "Comment", kind: "textarea", required: true, attrs: { rows: 3 } },
              ...(waiting
                ? [{ name: "objection", label: "This is an objection", kind: "checkbox" as const }]
                : []),
            ]}
          />
        )}
      </Section>
    </Layout>
  );
}

/** The states the list of requests filters by. */
export const LIST_STATES = ["open", "answered", "expired", "all"] as const;
/** A state the list filters by ("open": still waiting, acknowledged included). */
export type ListState = (typeof LIST_STATES)[number];
const LIST_STATE_TEXT: Record<ListState, string> = {
  open: "Waiting for an answer",
  answered: "Answered",
  expired: "Expired unanswered",
  all: "All",
};

/** Every request the viewer may see, filtered by state (a GET form, so it works without JavaScript). */
export function RequestsPage(props: {
  on: string;
  state: ListState;
  requests: readonly RequestView[];
  /** The viewer's groups they may open a request for (a link to each form). */
  openFor: ReadonlyArray<{ slug: string; name: string }>;
}) {
  return (
    <Layout title="Requests between groups" path="/requests">
      <h1>Requests between groups</h1>
      <p>
        Requests from a group to another group, the Board, the Steering Council or a person, as of{" "}
        <OnDay day={props.on} /> (UTC). Source: requests recorded in Guildhall; private requests appear only
        to their two sides (and to the Board once escalated to it).{" "}
        <a href="/requests/stalled">Stalled requests</a> · Data:{" "}
        <a href={`/api/requests?state=${props.state === "open" ? "open" : "all"}`}>JSON</a>
      </p>
      {props.openFor.length > 0 && (
        <p>
          Open a request for{" "}
          {props.openFor.map((g, i) => (
            <>
              {i > 0 ? ", " : ""}
              <a href={`/groups/${encodeURIComponent(g.slug)}/requests/new`}>{g.name}</a>
            </>
          ))}
          .
        </p>
      )}
      <Form
        method="get"
        action="/requests"
        class="inline"
        label="Filter requests"
        submit="Show"
        fields={[
          {
            name: "state",
            label: "State",
            kind: "select",
            value: props.state,
            options: LIST_STATES.map((value) => ({ value, label: LIST_STATE_TEXT[value] })),
          },
        ]}
      />
      <RequestRows
        requests={props.requests}
        caption={`Requests: ${LIST_STATE_TEXT[props.state].toLowerCase()}`}
      />
    </Layout>
  );
}

/** One group a request may go to, and whether it takes requests by lazy consensus. */
export interface TargetGroupOption {
  slug: string;
  name: string;
  allowLazyConsensus: boolean;
}

/** The form opening a request on a group's behalf (posts to `/groups/{slug}/requests`). */
export function NewRequestPage(props: {
  group: { slug: string; name: string };
  targets: readonly TargetGroupOption[];
  on: string;
  maxDeadline: string;
  kinds: readonly string[];
  /** Suggestions for the person fields: everyone, and the group's participants (slug, with the name). */
  people: readonly SuggestOption[];
  participants: readonly SuggestOption[];
}) {
  const { group } = props;
  const lazyGroups = props.targets.filter((t) => t.allowLazyConsensus).map((t) => t.name);
  return (
    <Layout title={`${group.name}: open a request`} path="/requests">
      <p>
        <a href={`/groups/${encodeURIComponent(group.slug)}/requests`}>{group.name}: requests</a> ·{" "}
        <a href="/requests">All requests</a>
      </p>
      <h1>Open a request on behalf of {group.name}</h1>
      <p>
        The ones you ask are told by email. If they do not answer by the deadline, the request is escalated to
        their Chair and liaisons, then to the Board.
      </p>
      <Form
        action={`/groups/${encodeURIComponent(group.slug)}/requests`}
        submit="Open the request"
        fields={[
          {
            name: "target",
            label: "To",
            kind: "select",
            required: true,
            options: [
              { value: "", label: "Choose…" },
              { value: "board", label: "The Board" },
              { value: "steering-council", label: "The Steering Council" },
              ...props.targets.map((t) => ({ value: `group:${t.slug}`, label: t.name })),
              { value: "person", label: "A person (named below)" },
            ],
          },
          {
            name: "person",
            label: "Person (when asking a person)",
            hint: "Their Guildhall name as in their page's address, for example jane-doe (from /people/jane-doe).",
            attrs: { maxlength: 100, autocomplete: "off" },
            suggest: { options: props.people },
          },
          {
            name: "targetRole",
            label: "In their role as (optional)",
            attrs: { maxlength: 100 },
          },
          {
            name: "kind",
            label: "Kind of request",
            kind: "select",
            required: true,
            value: "review",
            options: props.kinds.map((k) => ({ value: k, label: k[0]?.toUpperCase() + k.slice(1) })),
          },
          { name: "title", label: "Subject", required: true, attrs: { maxlength: 200 } },
          {
            name: "link",
            label: "Link to what it is about (optional)",
            hint: "An http:// or https:// address.",
            attrs: { maxlength: 500, inputmode: "url" },
          },
          {
            name: "answerNeeded",
            label: "Answer needed",
            kind: "radios",
            required: true,
            value: "approval",
            options: [
              { value: "approval", label: "An approval (approve, reject or ask for changes)" },
              { value: "comment", label: "A comment" },
            ],
          },
          {
            name: "deadline",
            label: "Deadline: the last day to answer (UTC)",
            kind: "date",
            required: true,
            attrs: { min: addDays(props.on, 1), max: props.maxDeadline },
          },
          {
            name: "visibility",
            label: "Who sees it",
            kind: "radios",
            required: true,
            value: "public",
            options: [
              { value: "public", label: "Public" },
              { value: "private", label: "Private: the two sides only (and the Board once escalated)" },
            ],
          },
          {
            name: "lazyConsensus",
            label: "Approved if nobody objects by the deadline (lazy consensus)",
            kind: "checkbox",
            hint:
              lazyGroups.length === 0
                ? "No group takes requests by lazy consensus yet; its Chair can allow it."
                : `Only for an approval, and only to a group that allows it: ${lazyGroups.join(", ")}.`,
          },
          {
            name: "owner",
            label: "Owner on your side (optional; default you)",
            hint: "A participant of the group, by their page's address name.",
            attrs: { maxlength: 100, autocomplete: "off" },
            suggest: { options: props.participants },
          },
        ]}
      />
    </Layout>
  );
}
