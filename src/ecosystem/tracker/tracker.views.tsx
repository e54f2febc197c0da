/** Pages of the compatibility tracker: one series' tracker, and one package's entry with its form. */

import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { SourceNote } from "../../platform/view/provenance.tsx";
import { Section } from "../../platform/view/section.tsx";
import { type Column, Table } from "../../platform/view/table.tsx";
import { When } from "../../platform/view/time.tsx";
import type { Tracker, TrackerRow } from "./get-tracker.ts";
import { finalText } from "./tracker-chart.ts";
import { SETTABLE_STATUSES, TRACKER_LABELS, TRACKER_STATUSES, type TrackerStatus } from "./tracker-status.ts";

const FLAG: Record<TrackerStatus, string> = {
  ready: "ok",
  "in-progress": "ok",
  "not-started": "warn",
  blocked: "bad",
  unknown: "warn",
};

/** Whether the series' classifier is on the official list, with the list's source and date. */
function ClassifierNote(props: { t: Tracker }) {
  const c = props.t.classifier;
  return (
    <p>
      Classifier <code>{c.classifier}</code>:{" "}
      {c.onOfficialList ? (
        <strong>on the official list</strong>
      ) : (
        <strong>not on the official list yet</strong>
      )}{" "}
      (checked against {c.source}, as of {c.asOf}). New Django classifiers are added to trove-classifiers by
      hand for each release.
    </p>
  );
}

/** A series' discussion channel as the group set it. */
export interface SeriesChannel {
  url: string;
  setByName: string;
  setAt: Date;
}

/** Where the series' compatibility work is discussed: a setting the Package Maintainers group edits. */
function ChannelNote(props: { series: string; channel: SeriesChannel | null; canSet: boolean }) {
  const ch = props.channel;
  return (
    <Section id="channel-h" title="Discussion channel">
      {ch ? (
        <p>
          <a href={ch.url}>{ch.url}</a> (a setting of this series, set by {ch.setByName} of the Package
          Maintainers group, <When at={ch.setAt} />)
        </p>
      ) : (
        <p>
          Not set: the discussion channel is a setting of each series that the Package Maintainers group
          edits, and nobody has set it for Django {props.series} yet.
        </p>
      )}
      {props.canSet && (
        <Form
          action={`/releases/${props.series}/channel`}
          submit="Save the channel"
          fields={[
            {
              name: "url",
              label: "Address of the discussion (forum thread, chat channel)",
              required: true,
              value: ch?.url,
              attrs: { maxlength: 500 },
            },
          ]}
        />
      )}
    </Section>
  );
}

/** `/releases/<series>/tracker`. */
export function TrackerPage(props: {
  t: Tracker;
  chart: string;
  channel: SeriesChannel | null;
  canSetChannel: boolean;
}) {
  const t = props.t;
  const s = t.series.series;
  return (
    <Layout title={`Django ${s} compatibility tracker`} path="/releases">
      <p>
        <a href="/releases">Django releases</a>
      </p>
      <h1>Django {s} compatibility tracker</h1>
      <p>
        The top {t.rows.length} packages by downloads. Final release: {finalText(t)}, {t.daysToFinal} days
        from {t.today}. A package is ready when its synced metadata supports {s}; otherwise its maintainers or
        the Package Maintainers group say whether work is in progress (with a link), not started or blocked
        (with a reason). Data: <a href={`/api/releases/${s}/tracker?top=${t.top}`}>JSON</a>.
      </p>
      <ClassifierNote t={t} />
      <ChannelNote series={s} channel={props.channel} canSet={props.canSetChannel} />
      <figure class="chart">
        {trustedSvg(props.chart)}
        <figcaption>
          {TRACKER_STATUSES.map((st) => `${TRACKER_LABELS[st]}: ${t.counts[st]}`).join(" · ")}
        </figcaption>
      </figure>
      <SourceNote sources={[t.provenance]} />
      <section class="table-scroll" aria-label={`Django ${s} tracker, every package`} tabindex={0}>
        <Table caption="Status of each package" rows={t.rows} columns={trackerColumns(s)} />
      </section>
    </Layout>
  );
}

/** The tracker table's columns: rank, the package (linking to its entry), its status and why. */
function trackerColumns(series: string): Column<TrackerRow>[] {
  return [
    { header: "Rank", cell: (r) => r.downloadRank },
    {
      header: "Package",
      cell: (r) => <a href={`/releases/${series}/tracker/${r.name}`}>{r.displayName}</a>,
    },
    {
      header: "Status",
      cell: (r) => <span class={`flag ${FLAG[r.decision.status]}`}>{TRACKER_LABELS[r.decision.status]}</span>,
    },
    {
      header: "Why",
      cell: ({ decision: d }) => (
        <>
          {d.why}
          {d.link && (
            <>
              {" "}
              <a href={d.link}>work</a>
            </>
          )}
          {d.reason && <>: {d.reason}</>}
        </>
      ),
    },
  ];
}

/** `/releases/<series>/tracker/<name>`: one package's status, evidence and (for its maintainers and the group) the form. */
export function TrackerEntryPage(props: {
  series: string;
  row: TrackerRow;
  canSet: boolean;
  /** Whether the viewer is subscribed; null when they may not subscribe. */
  subscribed: boolean | null;
  /** What a reminder would say is missing. */
  missing: string;
}) {
  const { row } = props;
  const s = props.series;
  const d = row.decision;
  return (
    <Layout title={`${row.displayName} on the Django ${s} tracker`} path="/releases">
      <p>
        <a href={`/releases/${s}/tracker`}>Django {s} tracker</a>
      </p>
      <h1>
        {row.displayName} and Django {s}
      </h1>
      <p>
        Status: <span class={`flag ${FLAG[d.status]}`}>{TRACKER_LABELS[d.status]}</span> ({d.why})
        {d.link && (
          <>
            {" "}
            <a href={d.link}>the work</a>
          </>
        )}
        {d.reason && <>; blocked by: {d.reason}</>}
      </p>
      <h2>Evidence from the latest release ({row.version})</h2>
      <p>{row.compat.reason}</p>
      <ul>
        {row.compat.evidence.map((e) => (
          <li>
            {e.source}: {e.says}, {e.detail}
          </li>
        ))}
      </ul>
      {props.canSet ? (
        <Form
          action={`/releases/${s}/tracker/${row.name}`}
          submit="Set the status"
          fields={[
            {
              name: "status",
              label: "Status",
              kind: "select",
              required: true,
              value: d.decidedBy === "set" ? d.status : "not-started",
              options: SETTABLE_STATUSES.map((v) => ({ value: v, label: TRACKER_LABELS[v] })),
              hint: "Ready comes from the package's metadata once a release declares the series.",
            },
            {
              name: "link",
              label: "Link to the work (needed when in progress)",
              attrs: { maxlength: 500 },
              value: d.link,
            },
            {
              name: "reason",
              label: "What blocks it (needed when blocked)",
              attrs: { maxlength: 500 },
              value: d.reason,
            },
          ]}
        />
      ) : (
        <p>Only this package's maintainers and the Package Maintainers group set its status.</p>
      )}
      <h2>Reminders</h2>
      <p>
        Subscribers get an email at the alpha, beta and release candidate of each upcoming Django series
        saying what the package is missing; for {s} that is: {props.missing}.
      </p>
      {props.subscribed === true && (
        <ButtonForm
          action={`/packages/${row.name}/subscription/delete`}
          submit="Unsubscribe from reminders"
        />
      )}
      {props.subscribed === false && (
        <ButtonForm action={`/packages/${row.name}/subscription`} submit="Subscribe to reminders" />
      )}
      {props.subscribed === null && (
        <p>This package's maintainers and the Package Maintainers group may subscribe.</p>
      )}
    </Layout>
  );
}
