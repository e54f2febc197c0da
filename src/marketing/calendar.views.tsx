/** Pages of the editorial calendar (month grid, week list) and of the campaign tracker. */
import { Layout } from "../platform/http/layout.tsx";
import { type FieldSpec, Form } from "../platform/view/form.tsx";
import { ItemList } from "../platform/view/list.tsx";
import { Section } from "../platform/view/section.tsx";
import { Table } from "../platform/view/table.tsx";
import { MONTHS, OnDay, When } from "../platform/view/time.tsx";
import { type CampaignProgress, type Clash, type Gap, inMonth, type Period } from "./calendar.ts";
import {
  CHANNELS,
  type Channel,
  CONTENT_KIND_LABELS,
  type ContentKind,
  ITEM_STATE_LABELS,
  type ItemState,
} from "./content-kinds.ts";
import type { CampaignRow, ItemRow } from "./marketing.repo.ts";

const WEEKDAYS = ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"];

/** "December 2026" from "2026-12". */
function monthName(month: string): string {
  return `${MONTHS[Number(month.slice(5, 7)) - 1]} ${month.slice(0, 4)}`;
}

/** One item on the calendar, as a page shows it. */
export interface CalendarEntry {
  item: ItemRow;
  channel: Channel;
  day: string;
  clash: boolean;
  /** The viewer may open the item's page. */
  link: boolean;
  campaign: string | null;
}

/** The calendar's filters. */
export interface CalendarFilter {
  channel: Channel | null;
  campaign: number | null;
  state: ItemState | null;
}

/** Everything the calendar page shows. */
export interface CalendarModel {
  period: Period;
  filter: CalendarFilter;
  entries: CalendarEntry[];
  clashes: Clash[];
  gaps: Gap[];
  emptyWeeks: string[];
  /** Campaigns for the filter; null when the viewer may not see campaigns. */
  campaigns: { id: number; name: string }[] | null;
  /** The states the viewer sees. */
  states: readonly ItemState[];
  /** The viewer sees drafts (the group's members). */
  showsDrafts: boolean;
  /** Items the viewer sees that have no day yet. */
  unplaced: ItemRow[];
}

/** The query string of the calendar with these settings. */
export function calendarQuery(view: string, date: string, f: CalendarFilter): string {
  const q = new URLSearchParams({ view, date });
  if (f.channel) q.set("channel", f.channel);
  if (f.campaign !== null) q.set("campaign", String(f.campaign));
  if (f.state) q.set("state", f.state);
  return `?${q.toString()}`;
}

function EntryLine(props: { e: CalendarEntry; withTime: boolean }) {
  const { e } = props;
  const at = e.item.publishedAt ?? e.item.scheduledFor;
  return (
    <li class={e.clash ? "clash" : undefined}>
      <span class="channel">{e.channel}</span>{" "}
      {e.link ? <a href={`/marketing/items/${e.item.id}`}>{e.item.title}</a> : e.item.title}{" "}
      <span class="muted">({ITEM_STATE_LABELS[e.item.state]})</span>
      {props.withTime && at && (
        <>
          {" "}
          · <When at={at} />
        </>
      )}
      {!at && <span class="muted"> · planned</span>}
      {e.campaign && <span class="muted"> · {e.campaign}</span>}
      {e.clash && (
        <>
          {" "}
          <span class="flag bad">Clash</span>
        </>
      )}
    </li>
  );
}

function Filters(props: { m: CalendarModel }) {
  const { m } = props;
  const fields: FieldSpec[] = [
    {
      name: "view",
      label: "View",
      kind: "select",
      value: m.period.view,
      options: [
        { value: "month", label: "Month" },
        { value: "week", label: "Week" },
      ],
    },
    { name: "date", label: "Date", kind: "date", value: m.period.date },
    {
      name: "channel",
      label: "Channel",
      kind: "select",
      value: m.filter.channel ?? "",
      options: [{ value: "", label: "Every channel" }, ...CHANNELS.map((c) => ({ value: c, label: c }))],
    },
    ...(m.campaigns
      ? [
          {
            name: "campaign",
            label: "Campaign",
            kind: "select",
            value: m.filter.campaign === null ? "" : String(m.filter.campaign),
            options: [
              { value: "", label: "Any campaign" },
              ...m.campaigns.map((c) => ({ value: String(c.id), label: c.name })),
            ],
          } satisfies FieldSpec,
        ]
      : []),
    {
      name: "state",
      label: "State",
      kind: "select",
      value: m.filter.state ?? "",
      options: [
        { value: "", label: "Any state" },
        ...m.states.map((s) => ({ value: s, label: ITEM_STATE_LABELS[s] ?? s })),
      ],
    },
  ];
  return (
    <Form
      method="get"
      action="/marketing/calendar"
      class="inline"
      label="Filter the calendar"
      submit="Show"
      fields={fields}
    />
  );
}

function MonthGrid(props: { m: CalendarModel }) {
  const { m } = props;
  const byDay = new Map<string, CalendarEntry[]>();
  for (const e of m.entries) byDay.set(e.day, [...(byDay.get(e.day) ?? []), e]);
  return (
    <div class="month-grid">
      <Table caption={monthName(m.period.month ?? m.period.date.slice(0, 7))}>
        <thead>
          <tr>
            {WEEKDAYS.map((d) => (
              <th scope="col">
                <abbr title={d}>{d.slice(0, 3)}</abbr>
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {m.period.weeks.map((w) => (
            <tr>
              {w.days.map((day) => {
                const entries = byDay.get(day) ?? [];
                const cls = [inMonth(m.period, day) ? "" : "out", entries.length === 0 ? "empty" : ""]
                  .filter(Boolean)
                  .join(" ");
                return (
                  <td class={cls || undefined}>
                    <span class="day">
                      <OnDay day={day} />
                    </span>
                    {entries.length > 0 && (
                      <ul class="plain">
                        {entries.map((e) => (
                          <EntryLine e={e} withTime={false} />
                        ))}
                      </ul>
                    )}
                  </td>
                );
              })}
            </tr>
          ))}
        </tbody>
      </Table>
    </div>
  );
}

function WeekList(props: { m: CalendarModel }) {
  const days = props.m.period.weeks[0]?.days ?? [];
  return (
    <ol class="week-list">
      {days.map((day, i) => {
        const entries = props.m.entries.filter((e) => e.day === day);
        return (
          <li>
            <h2>
              {WEEKDAYS[i]} <OnDay day={day} />
            </h2>
            {entries.length === 0 ? (
              <p class="muted">Nothing on any channel.</p>
            ) : (
              <ul class="plain">
                {entries.map((e) => (
                  <EntryLine e={e} withTime={true} />
                ))}
              </ul>
            )}
          </li>
        );
      })}
    </ol>
  );
}

/** `/marketing/calendar`: the editorial calendar across every channel, with clashes and gaps. */
export function CalendarPage(props: { m: CalendarModel }) {
  const { m } = props;
  const p = m.period;
  const title =
    p.view === "month"
      ? `Editorial calendar: ${monthName(p.month ?? "")}`
      : `Editorial calendar: week of ${p.start}`;
  const gapWeeks = [...new Set(m.gaps.map((g) => g.weekStart))];
  return (
    <Layout title={title} path="/marketing">
      <h1>{title}</h1>
      <p>
        {m.showsDrafts
          ? "Every item of the group with a day: drafts on their planned day, scheduled and published items at their time."
          : "Scheduled and published items, at their time (UTC)."}{" "}
        A clash is two items on one channel on the same day (UTC). A gap is a week with nothing on a channel
        that had items in the period or the four weeks before it. Subscribe:{" "}
        <a href="/marketing/calendar.ics">iCalendar feed</a>
        {m.campaigns && (
          <>
            {" "}
            · <a href="/marketing/campaigns">Campaigns</a>
          </>
        )}
      </p>
      <Filters m={m} />
      <nav aria-label="Other periods">
        <ul class="plain inline-list">
          <li>
            <a href={`/marketing/calendar${calendarQuery(p.view, p.previous, m.filter)}`}>
              Previous {p.view}
            </a>
          </li>
          <li>
            <a href={`/marketing/calendar${calendarQuery(p.view, p.next, m.filter)}`}>Next {p.view}</a>
          </li>
          <li>
            <a
              href={`/marketing/calendar${calendarQuery(p.view === "month" ? "week" : "month", p.date, m.filter)}`}
            >
              {p.view === "month" ? "Week view" : "Month view"}
            </a>
          </li>
        </ul>
      </nav>
      {p.view === "month" ? <MonthGrid m={m} /> : <WeekList m={m} />}
      <Section id="clashes-heading" title={<>Clashes ({m.clashes.length})</>}>
        <ItemList
          items={m.clashes}
          empty="No two items share a channel and a day."
          item={(c) => (
            <>
              <OnDay day={c.day} />, {c.channel}: {c.ids.length} items (
              {c.ids
                .map((id) => m.entries.find((e) => e.item.id === id)?.item.title ?? `item ${id}`)
                .join("; ")}
              )
            </>
          )}
        />
      </Section>
      <Section id="gaps-heading" title={<>Gaps ({m.gaps.length})</>}>
        <ItemList
          items={gapWeeks}
          empty="Every channel in use has something every week."
          item={(w) => (
            <>
              Week of <OnDay day={w} />: nothing on{" "}
              {m.gaps
                .filter((g) => g.weekStart === w)
                .map((g) => g.channel)
                .join(", ")}
              {m.emptyWeeks.includes(w) ? " (nothing at all this week)" : ""}
            </>
          )}
        />
      </Section>
      {m.unplaced.length > 0 && (
        <Section id="unplaced-heading" title={<>Not on the calendar yet ({m.unplaced.length})</>}>
          <p>Give an item a planned day on its page.</p>
          <ul>
            {m.unplaced.map((i) => (
              <li>
                <a href={`/marketing/items/${i.id}`}>{i.title}</a> ({ITEM_STATE_LABELS[i.state]})
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Layout>
  );
}

/** The fields of a campaign's form. */
export function campaignFields(c: CampaignRow | null): FieldSpec[] {
  return [
    { name: "name", label: "Name", required: true, value: c?.name },
    { name: "goal", label: "Goal", kind: "textarea", required: true, value: c?.goal, attrs: { rows: 3 } },
    { name: "startsOn", label: "Starts on", kind: "date", required: true, value: c?.startsOn },
    { name: "endsOn", label: "Ends on", kind: "date", required: true, value: c?.endsOn },
    {
      name: "owner",
      label: "Owner (account email of a Marketing WG member)",
      kind: "email",
      hint: c ? `Blank keeps ${c.ownerName}.` : "Blank: you.",
    },
  ];
}

function ProgressText(props: { p: CampaignProgress }) {
  return (
    <>
      {props.p.published} of {props.p.total} published
      {props.p.total > 0 ? ` (${props.p.percent}%)` : ""}
    </>
  );
}

/** `/marketing/campaigns`: every campaign with its dates, owner and progress. */
export function CampaignsPage(props: {
  campaigns: { c: CampaignRow; progress: CampaignProgress }[];
  canPlan: boolean;
}) {
  return (
    <Layout title="Campaigns" path="/marketing">
      <h1>Marketing campaigns</h1>
      <p>
        Campaigns of the Marketing WG and how far their items are. Their items on the{" "}
        <a href="/marketing/calendar">editorial calendar</a>.
      </p>
      <Table
        caption="Campaigns"
        rows={props.campaigns}
        columns={[
          { header: "Campaign", cell: ({ c }) => <a href={`/marketing/campaigns/${c.id}`}>{c.name}</a> },
          {
            header: "Dates",
            cell: ({ c }) => (
              <>
                <OnDay day={c.startsOn} /> to <OnDay day={c.endsOn} />
              </>
            ),
          },
          { header: "Owner", cell: ({ c }) => c.ownerName },
          { header: "Progress", cell: ({ progress }) => <ProgressText p={progress} /> },
        ]}
        empty="No campaigns yet."
      />
      {props.canPlan && (
        <Section id="new-campaign-heading" title="New campaign">
          <Form action="/marketing/campaigns" fields={campaignFields(null)} submit="Create the campaign" />
        </Section>
      )}
    </Layout>
  );
}

/** When a campaign item comes out: published or scheduled at, else the day it is planned for. */
function ItemWhen(props: { item: ItemRow }) {
  const i = props.item;
  const at = i.publishedAt ?? i.scheduledFor;
  if (at) return <When at={at} />;
  if (i.plannedOn)
    return (
      <>
        planned for <OnDay day={i.plannedOn} />
      </>
    );
  return <>no day yet</>;
}

/** `/marketing/campaigns/:id`: a campaign, its items and their states, and (for the group) its form. */
export function CampaignPage(props: {
  c: CampaignRow;
  items: ItemRow[];
  progress: CampaignProgress;
  canPlan: boolean;
  /** Items the viewer may open. */
  linkable: ReadonlySet<number>;
}) {
  const { c, progress } = props;
  return (
    <Layout title={c.name} path="/marketing">
      <p>
        <a href="/marketing/campaigns">Campaigns</a>
      </p>
      <h1>{c.name}</h1>
      <dl class="facts">
        <dt>Goal</dt>
        <dd class="pre-line">{c.goal}</dd>
        <dt>Dates</dt>
        <dd>
          <OnDay day={c.startsOn} /> to <OnDay day={c.endsOn} />
        </dd>
        <dt>Owner</dt>
        <dd>{c.ownerName}</dd>
        <dt>Progress</dt>
        <dd>
          <ProgressText p={progress} />
          {Object.keys(progress.byState).length > 0 && (
            <>
              {" "}
              ·{" "}
              {Object.entries(progress.byState)
                .map(([s, n]) => `${ITEM_STATE_LABELS[s] ?? s}: ${n}`)
                .join(", ")}
            </>
          )}
        </dd>
      </dl>
      <p>
        <a href={`/marketing/calendar?view=month&date=${c.startsOn}&campaign=${c.id}`}>On the calendar</a>
      </p>
      <Table
        caption="Items of the campaign"
        rows={props.items}
        empty="No items in this campaign yet. Add one from the item's page."
        columns={[
          {
            header: "Item",
            cell: (i) =>
              props.linkable.has(i.id) ? <a href={`/marketing/items/${i.id}`}>{i.title}</a> : i.title,
          },
          {
            header: "Kind",
            cell: (i) => (
              <>
                {CONTENT_KIND_LABELS[i.kind as ContentKind]}
                {i.network ? ` (${i.network})` : ""}
              </>
            ),
          },
          { header: "State", cell: (i) => ITEM_STATE_LABELS[i.state] },
          { header: "When", cell: (i) => <ItemWhen item={i} /> },
        ]}
      />
      {props.canPlan && (
        <Section id="edit-campaign-heading" title="Edit the campaign">
          <Form
            action={`/marketing/campaigns/${c.id}`}
            fields={campaignFields(c)}
            submit="Save the campaign"
          />
        </Section>
      )}
    </Layout>
  );
}
