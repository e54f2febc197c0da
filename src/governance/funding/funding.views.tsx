/** Funding pages: the list with per-group totals, a group's requests with the form to ask, one request. */
import { FUNDING_PURPOSES } from "../../platform/db/schema/funding.ts";
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { provenance, SourceNote } from "../../platform/view/provenance.tsx";
import { Section } from "../../platform/view/section.tsx";
import { Table } from "../../platform/view/table.tsx";
import { OnDay, When } from "../../platform/view/time.tsx";
import type { FundingView, TotalsView } from "./funding.presenters.ts";

const PURPOSE_TEXT: Record<string, string> = {
  experts: "Experts",
  tools: "Tools",
  events: "Events",
  other: "Other",
};
const STATE_TEXT: Record<string, string> = {
  requested: "waiting for the Board",
  approved: "approved",
  rejected: "rejected",
  withdrawn: "withdrawn",
};

function source(asOf: Date) {
  return provenance("funding requests and spending recorded in Guildhall", "computed", asOf);
}

function RequestsTable(props: { requests: readonly FundingView[]; caption: string; showGroup: boolean }) {
  return (
    <Table
      caption={props.caption}
      rows={props.requests}
      empty="No funding request you can see."
      columns={[
        {
          header: "Request",
          rowHeader: true,
          cell: (r) => (
            <a href={`/funding/${r.id}`}>
              #{r.id}: {PURPOSE_TEXT[r.purpose] ?? r.purpose}
            </a>
          ),
        },
        ...(props.showGroup
          ? [
              {
                header: "Group",
                cell: (r: FundingView) => <a href={`/groups/${r.group.slug}/funding`}>{r.group.name}</a>,
              },
            ]
          : []),
        { header: "Asked", numeric: true, cell: (r) => r.amountText },
        { header: "Approved", numeric: true, cell: (r) => r.approvedText ?? "—" },
        { header: "Spent", numeric: true, cell: (r) => r.spentText },
        {
          header: "Period",
          cell: (r) => (
            <>
              <OnDay day={r.startsOn} /> to <OnDay day={r.endsOn} />
            </>
          ),
        },
        { header: "State", cell: (r) => STATE_TEXT[r.state] ?? r.state },
      ]}
    />
  );
}

function TotalsTable(props: { totals: readonly TotalsView[] }) {
  return (
    <Table
      caption="Totals per group and currency"
      rows={props.totals}
      empty="No totals yet: nothing was asked."
      columns={[
        {
          header: "Group",
          rowHeader: true,
          cell: (t) => <a href={`/groups/${t.group.slug}/funding`}>{t.group.name}</a>,
        },
        { header: "Currency", cell: (t) => t.currency },
        { header: "Requests", numeric: true, cell: (t) => t.requests },
        { header: "Requested", numeric: true, cell: (t) => t.requestedText },
        { header: "Waiting", numeric: true, cell: (t) => t.waitingText },
        { header: "Approved", numeric: true, cell: (t) => t.approvedText },
        { header: "Spent", numeric: true, cell: (t) => t.spentText },
      ]}
    />
  );
}

/** Every funding request the viewer may see, with per-group, per-currency totals. */
export function FundingListPage(props: {
  requests: readonly FundingView[];
  totals: readonly TotalsView[];
  asOf: Date;
}) {
  return (
    <Layout title="Funding requests" path="/funding">
      <h1>Funding requests</h1>
      <p>
        What groups asked for, what the Board approved and what was spent. You see the requests of your own
        groups; the Board and site administrators see every group's. Amounts in different currencies are never
        added together. Data: <a href="/funding.csv">CSV</a> · <a href="/api/funding">JSON</a>.
      </p>
      <Section id="totals" title="Totals">
        <TotalsTable totals={props.totals} />
      </Section>
      <Section id="all-requests" title="Requests">
        <RequestsTable requests={props.requests} caption="Funding requests, newest first" showGroup />
      </Section>
      <SourceNote sources={[source(props.asOf)]} />
    </Layout>
  );
}

/** The form a group's participant asks for funding with. */
function RequestForm(props: { slug: string }) {
  return (
    <Form
      action={`/groups/${props.slug}/funding/new`}
      submit="Ask the Board"
      fields={[
        {
          name: "purpose",
          label: "What for",
          kind: "select",
          required: true,
          options: FUNDING_PURPOSES.map((p) => ({ value: p, label: PURPOSE_TEXT[p] ?? p })),
        },
        { name: "description", label: "Description", kind: "textarea", required: true, attrs: { rows: 4 } },
        {
          name: "amount",
          label: "Amount",
          required: true,
          hint: "In the currency's main unit, such as 1250 or 1250.50.",
          attrs: { inputmode: "decimal", size: 12 },
        },
        {
          name: "currency",
          label: "Currency",
          required: true,
          value: "USD",
          hint: "ISO 4217 code: USD, EUR, GBP, JPY…",
          attrs: { size: 4, maxlength: 3, autocomplete: "off" },
        },
        { name: "startsOn", label: "Period starts", kind: "date", required: true },
        { name: "endsOn", label: "Period ends", kind: "date", required: true },
      ]}
    />
  );
}

/** A group's funding requests, and the form to ask (its participants). */
export function GroupFundingPage(props: {
  group: { slug: string; name: string };
  requests: readonly FundingView[];
  totals: readonly TotalsView[];
  mayRequest: boolean;
  asOf: Date;
}) {
  const { group } = props;
  return (
    <Layout title={`${group.name}: funding`} path="/groups">
      <p>
        <a href={`/groups/${group.slug}`}>{group.name}</a> · <a href="/funding">All funding requests</a>
      </p>
      <h1>{group.name}: funding</h1>
      <p>The group asks the Board for money for experts, tools or events; the Board decides by a vote.</p>
      {props.mayRequest && (
        <p>
          <a href={`/groups/${group.slug}/funding/new`}>Ask for funding</a>
        </p>
      )}
      <Section id="group-totals" title="Totals">
        <TotalsTable totals={props.totals} />
      </Section>
      <Section id="group-requests" title="Requests">
        <RequestsTable
          requests={props.requests}
          caption={`${group.name}'s funding requests`}
          showGroup={false}
        />
      </Section>
      <SourceNote sources={[source(props.asOf)]} />
    </Layout>
  );
}

/** The page with the form to ask for funding. */
export function NewFundingPage(props: { group: { slug: string; name: string } }) {
  const { group } = props;
  return (
    <Layout title={`${group.name}: ask for funding`} path="/groups">
      <p>
        <a href={`/groups/${group.slug}/funding`}>{group.name}: funding</a>
      </p>
      <h1>Ask for funding for {group.name}</h1>
      <p>The Board decides by a vote. You, and Board members who are in {group.name}, do not vote on it.</p>
      <RequestForm slug={group.slug} />
    </Layout>
  );
}

/** One request: its amounts, its vote, its spending, and the forms the viewer may use. */
export function FundingPage(props: {
  request: FundingView;
  description: string;
  spending: ReadonlyArray<{
    id: number;
    amountText: string;
    spentOn: string;
    description: string;
    receiptUrl: string;
    recordedBy: string | null;
  }>;
  may: { decide: boolean; spend: boolean; withdraw: boolean };
  asOf: Date;
}) {
  const r = props.request;
  const voteOpen = r.vote?.status === "open";
  return (
    <Layout title={`Funding request #${r.id}`} path="/funding">
      <p>
        <a href={`/groups/${r.group.slug}/funding`}>{r.group.name}: funding</a> ·{" "}
        <a href="/funding">All funding requests</a>
      </p>
      <h1>
        Funding request #{r.id}: {r.group.name}
      </h1>
      <dl>
        <dt>What for</dt>
        <dd>{PURPOSE_TEXT[r.purpose] ?? r.purpose}</dd>
        <dt>Description</dt>
        <dd>{props.description}</dd>
        <dt>Asked</dt>
        <dd>{r.amountText}</dd>
        <dt>Period</dt>
        <dd>
          <OnDay day={r.startsOn} /> to <OnDay day={r.endsOn} />
        </dd>
        <dt>Asked by</dt>
        <dd>
          {r.requestedBy ?? "someone"}, <When at={r.requestedAt} />
        </dd>
        <dt>State</dt>
        <dd>
          {STATE_TEXT[r.state] ?? r.state}
          {r.decidedAt && (
            <>
              , decided <When at={r.decidedAt} />
            </>
          )}
        </dd>
        <dt>Approved</dt>
        <dd>{r.approvedText ?? "—"}</dd>
        <dt>Spent</dt>
        <dd>
          {r.spentText}
          {r.remainingMinor !== null && r.approvedText !== null ? ` of ${r.approvedText}` : ""}
        </dd>
        <dt>The Board's vote</dt>
        <dd>
          {r.vote ? (
            <>
              <a href={`/votes/${r.vote.id}`}>Vote #{r.vote.id}</a>: {r.vote.status}
              {voteOpen && r.vote.closesAt && (
                <>
                  , closes <When at={r.vote.closesAt} />
                </>
              )}
            </>
          ) : (
            "not opened yet"
          )}
        </dd>
      </dl>
      {props.may.decide && r.state === "requested" && !voteOpen && (
        <Section id="decide" title="Put it to the Board's vote">
          <p>
            The requester and Board members who are in {r.group.name} are left out of the electorate. If the
            vote passes, the amount below is approved (the amount asked when left empty).
          </p>
          <Form
            action={`/funding/${r.id}/vote`}
            submit="Open the Board's vote"
            fields={[
              { name: "closesAt", label: "Vote closes (UTC)", kind: "datetime-local", required: true },
              {
                name: "amount",
                label: `Amount to approve (${r.currency})`,
                hint: `At most ${r.amountText}.`,
                attrs: { inputmode: "decimal", size: 12 },
              },
              { name: "description", label: "What the Board is asked", kind: "textarea", attrs: { rows: 3 } },
            ]}
          />
        </Section>
      )}
      {props.may.withdraw && r.state === "requested" && !voteOpen && (
        <ButtonForm action={`/funding/${r.id}/withdraw`} submit="Withdraw this request" />
      )}
      <Section id="spending" title="Spending">
        <Table
          caption={`Spending against request #${r.id}`}
          rows={props.spending}
          columns={[
            { header: "Day", cell: (s) => <OnDay day={s.spentOn} /> },
            { header: "What", rowHeader: true, cell: (s) => s.description },
            { header: "Amount", numeric: true, cell: (s) => s.amountText },
            {
              header: "Receipt",
              cell: (s) => (
                <a href={s.receiptUrl} rel="noopener noreferrer">
                  receipt
                </a>
              ),
            },
            { header: "Recorded by", cell: (s) => s.recordedBy ?? "someone" },
          ]}
          empty="Nothing recorded yet."
        />
        {props.may.spend && r.state === "approved" && (
          <Form
            action={`/funding/${r.id}/spending`}
            submit="Record spending"
            fields={[
              { name: "amount", label: "Amount", required: true, attrs: { inputmode: "decimal", size: 12 } },
              {
                name: "currency",
                label: "Currency",
                required: true,
                value: r.currency,
                attrs: { size: 4, maxlength: 3 },
              },
              { name: "spentOn", label: "Spent on", kind: "date", required: true },
              { name: "description", label: "What was paid", required: true },
              {
                name: "receiptUrl",
                label: "Link to the receipt",
                required: true,
                hint: "An http or https link.",
              },
            ]}
          />
        )}
      </Section>
      <SourceNote sources={[source(props.asOf)]} />
    </Layout>
  );
}
