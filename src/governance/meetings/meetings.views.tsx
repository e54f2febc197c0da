/** Meeting pages: a group's meetings and one meeting (agenda, notes, action items); no JavaScript needed. */
import { Layout } from "../../platform/http/layout.tsx";
import { ButtonForm, Form } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import type { ActionItemView, MeetingDetail } from "./get-meeting.ts";
import type { MeetingSummary } from "./meeting-views.ts";
import { CADENCE_TEXT } from "./next-meeting.ts";
import { describeTime } from "./time-zones.ts";

/** When a meeting is, readable with its zone, and the same instant in UTC. */
function When(props: { m: MeetingSummary }) {
  const at = new Date(props.m.startsAt);
  return (
    <>
      <time datetime={props.m.startsAt}>{describeTime(at, props.m.timeZone)}</time>
      {props.m.timeZone !== "UTC" && <> ({describeTime(at, "UTC").replace(" UTC (UTC+00:00)", " UTC")})</>}
    </>
  );
}

/** The fields of scheduling and rescheduling. */
function timeFields(m: Partial<MeetingSummary> & { suggestedDay?: string | null }) {
  return [
    { name: "title", label: "Title", value: m.title ?? "", required: true, attrs: { maxlength: 200 } },
    {
      name: "date",
      label: "Date",
      kind: "date" as const,
      value: m.localDate ?? m.suggestedDay ?? "",
      required: true,
    },
    {
      name: "time",
      label: "Start time (24-hour clock)",
      kind: "text" as const,
      value: m.localTime ?? "",
      required: true,
      hint: "For example 18:30.",
      attrs: { inputmode: "numeric", pattern: "[0-2][0-9]:[0-5][0-9]", size: 6 },
    },
    {
      name: "timeZone",
      label: "Time zone",
      value: m.timeZone ?? "UTC",
      required: true,
      hint: "An IANA time zone such as Europe/Amsterdam, America/New_York or UTC.",
      attrs: { autocomplete: "off" },
    },
    {
      name: "durationMinutes",
      label: "Length in minutes",
      kind: "number" as const,
      value: String(m.durationMinutes ?? 60),
      attrs: { min: 5, max: 1440 },
    },
    {
      name: "link",
      label: "Video or chat link (optional)",
      kind: "text" as const,
      value: m.link ?? "",
      attrs: { inputmode: "url", maxlength: 500 },
    },
  ];
}

/** What the group's meetings page shows. */
export interface GroupMeetingsModel {
  group: { slug: string; name: string };
  meetings: MeetingSummary[];
  cadence: string | null;
  suggestedDay: string | null;
  maySchedule: boolean;
  now: string;
}

/** A group's meetings: upcoming and past, the feed, and the scheduling form for chairs. */
export function GroupMeetingsPage(props: { model: GroupMeetingsModel }) {
  const m = props.model;
  const upcoming = m.meetings
    .filter((x) => x.endsAt >= m.now)
    .sort((a, b) => a.startsAt.localeCompare(b.startsAt));
  const past = m.meetings.filter((x) => x.endsAt < m.now).reverse();
  const base = `/groups/${m.group.slug}/meetings`;
  const cadence = m.cadence ? CADENCE_TEXT[m.cadence] : undefined;
  return (
    <Layout
      title={`${m.group.name}: meetings`}
      path="/groups"
      head={
        <link rel="alternate" type="text/calendar" href={`${base}.ics`} title={`${m.group.name} meetings`} />
      }
    >
      <p>
        <a href={`/groups/${m.group.slug}`}>{m.group.name}</a>
      </p>
      <h1>{m.group.name}: meetings</h1>
      <p>
        {cadence ? `The charter says the group meets ${cadence}.` : "The charter states no meeting cadence."}
        {m.suggestedDay && ` By that cadence the next meeting falls around ${m.suggestedDay}.`}
      </p>
      <p>
        Calendar feed: <a href={`${base}.ics`}>{m.group.name} meetings (iCalendar)</a>; every group:{" "}
        <a href="/meetings.ics">all meetings (iCalendar)</a>.
      </p>
      <Section id="m-upcoming" title="Upcoming">
        <MeetingList meetings={upcoming} base={base} empty="No meeting is scheduled." />
      </Section>
      <Section id="m-past" title="Past">
        <MeetingList meetings={past} base={base} empty="No past meeting is recorded here." />
      </Section>
      {m.maySchedule && (
        <Section id="m-schedule" title="Schedule a meeting">
          <Form action={base} fields={timeFields({ suggestedDay: m.suggestedDay })} submit="Schedule" />
        </Section>
      )}
    </Layout>
  );
}

function MeetingList(props: { meetings: MeetingSummary[]; base: string; empty: string }) {
  return (
    <ItemList
      items={props.meetings}
      empty={props.empty}
      item={(x) => (
        <>
          <a href={`${props.base}/${x.id}`}>{x.title}</a>: <When m={x} />
          {x.status === "cancelled" && <strong> Cancelled.</strong>}
        </>
      )}
    />
  );
}

/** What a meeting page shows, and which forms the visitor gets. */
export interface MeetingPageModel {
  group: { slug: string; name: string };
  meeting: MeetingDetail;
  maySchedule: boolean;
  mayAddAgenda: boolean;
  mayWriteNotes: boolean;
  mayActionItems: boolean;
  /** Participants who may own an action item. */
  participants: Array<{ id: number; name: string }>;
}

function ActionItems(props: { items: ActionItemView[]; slug: string; mayMark: boolean }) {
  return (
    <ItemList
      items={props.items}
      empty="No action item was raised at this meeting."
      item={(a) => (
        <>
          {a.title}: {a.owner.name}, due {a.dueOn};{" "}
          {a.status === "done" ? `done ${a.doneAt?.slice(0, 10) ?? ""}` : "open"}
          {a.status === "open" && props.mayMark && (
            <>
              {" "}
              <ButtonForm
                action={`/groups/${props.slug}/action-items/${a.id}/done`}
                submit="Mark done"
                submitLabel={`Mark done: ${a.title}`}
              />
            </>
          )}
        </>
      )}
    />
  );
}

/** One meeting: when and where, the agenda, the notes the visitor may read, action items, forms. */
export function MeetingPage(props: { model: MeetingPageModel }) {
  const { group, meeting: mt } = props.model;
  const p = props.model;
  const base = `/groups/${group.slug}/meetings/${mt.id}`;
  const cancelled = mt.status === "cancelled";
  return (
    <Layout title={`${group.name}: ${mt.title}`} path="/groups">
      <p>
        <a href={`/groups/${group.slug}`}>{group.name}</a> /{" "}
        <a href={`/groups/${group.slug}/meetings`}>meetings</a>
      </p>
      <h1>{mt.title}</h1>
      {cancelled && (
        <p>
          <strong>This meeting is cancelled.</strong>
        </p>
      )}
      <dl>
        <dt>When</dt>
        <dd>
          <When m={mt} />, {mt.durationMinutes} minutes
        </dd>
        <dt>Where</dt>
        <dd>{mt.link ? <a href={mt.link}>{mt.link}</a> : "No link given."}</dd>
        <dt>Calendar</dt>
        <dd>
          <a href={`/groups/${group.slug}/meetings.ics`}>{group.name} meetings (iCalendar)</a>, revision{" "}
          {mt.sequence}
        </dd>
      </dl>
      <Section id="mt-agenda" title="Agenda">
        {mt.agenda.length === 0 ? (
          <p>Nothing is on the agenda yet.</p>
        ) : (
          <ol>
            {mt.agenda.map((a) => (
              <li>
                {a.title}
                {a.addedBy && <> (added by {a.addedBy})</>}
                {a.actionItemId !== null && p.mayActionItems && (
                  <>
                    {" "}
                    <ButtonForm
                      action={`/groups/${group.slug}/action-items/${a.actionItemId}/done`}
                      submit="Mark done"
                      submitLabel={`Mark done: ${a.title}`}
                    />
                  </>
                )}
              </li>
            ))}
          </ol>
        )}
        {p.mayAddAgenda && !cancelled && (
          <Form
            action={`${base}/agenda`}
            fields={[{ name: "title", label: "Agenda item", required: true, attrs: { maxlength: 300 } }]}
            submit="Add to the agenda"
          />
        )}
      </Section>
      <Section id="mt-notes" title="Notes">
        <h3>Public notes</h3>
        {mt.notes.public !== null ? (
          <div class="notes">
            {mt.notes.public.split(/\n{2,}/).map((para) => (
              <p>{para}</p>
            ))}
          </div>
        ) : (
          <p>{mt.notes.published ? "No public notes were written." : "The notes are not published yet."}</p>
        )}
        {mt.notes.full && !mt.notes.published && mt.notes.public !== null && (
          <p>Not published yet: only the group, the Board and the Steering Council read this.</p>
        )}
        {mt.notes.full && (
          <>
            <h3>Private notes</h3>
            <p>Read only by the group's participants, the Board and the Steering Council.</p>
            {mt.notes.private ? (
              <div class="notes">
                {mt.notes.private.split(/\n{2,}/).map((para) => (
                  <p>{para}</p>
                ))}
              </div>
            ) : (
              <p>No private notes.</p>
            )}
          </>
        )}
        {p.mayWriteNotes && (
          <Form
            action={`${base}/notes`}
            fields={[
              {
                name: "publicNotes",
                label: "Public notes",
                kind: "textarea",
                value: mt.notes.public ?? "",
                hint: "Everyone reads these once published; leave private matters out.",
                attrs: { rows: 6 },
              },
              {
                name: "privateNotes",
                label: "Private notes",
                kind: "textarea",
                value: mt.notes.private ?? "",
                hint: "Only the group, the Board and the Steering Council read these.",
                attrs: { rows: 4 },
              },
              ...(mt.notes.published
                ? []
                : [{ name: "publish", label: "Publish the public notes", kind: "checkbox" as const }]),
            ]}
            submit="Save the notes"
          />
        )}
      </Section>
      <Section id="mt-actions" title="Action items raised here">
        <ActionItems items={mt.actionItems} slug={group.slug} mayMark={p.mayActionItems} />
        {p.mayActionItems && p.participants.length > 0 && (
          <Form
            action={`${base}/action-items`}
            fields={[
              { name: "title", label: "Action item", required: true, attrs: { maxlength: 300 } },
              {
                name: "ownerPersonId",
                label: "Owner",
                kind: "select",
                options: p.participants.map((x) => ({ value: String(x.id), label: x.name })),
              },
              { name: "dueOn", label: "Due on", kind: "date", required: true },
            ]}
            submit="Add the action item"
          />
        )}
      </Section>
      {p.maySchedule && !cancelled && (
        <Section id="mt-change" title="Reschedule or cancel">
          <Form action={`${base}/reschedule`} fields={timeFields(mt)} submit="Reschedule" />
          <ButtonForm action={`${base}/cancel`} submit="Cancel this meeting" />
        </Section>
      )}
    </Layout>
  );
}
