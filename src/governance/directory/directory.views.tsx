/** Server-rendered directory pages: plain HTML that works without JavaScript. */
import type { Child } from "hono/jsx";
import { Layout, type LayoutViewer } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { SourceNote } from "../../platform/view/provenance.tsx";
import { Section } from "../../platform/view/section.tsx";
import { type Column, Table } from "../../platform/view/table.tsx";
import { linkedSegments, safeLinkUrl } from "../charter/markdown.ts";
import { rolesPhrase, termWindowText } from "../charter/membership-model.ts";
import type { AppointingRole } from "../charter/types.ts";
import type { GroupReporting } from "../reports/reporting-status.ts";
import { DefunctNotice } from "../reports/reports.views.tsx";
import { STATUS_ORDER } from "./group-model.ts";
import type {
  GroupDetail,
  GroupList,
  GroupSummary,
  PersonDetail,
  PersonRef,
  PersonSummary,
  TimelineEvent,
} from "./schemas.ts";

const KIND_LABEL: Record<string, string> = { "working-group": "Working group", team: "Team" };
const STATUS_LABEL: Record<string, string> = {
  active: "Active",
  draft: "Draft",
  proposed: "Proposed",
  archived: "Archived",
  unknown: "Status unknown",
};
const ROLE_LABEL: Record<string, string> = {
  chair: "Chair",
  "co-chair": "Co-Chair",
  "board-liaison": "Board Liaison",
  "steering-council-liaison": "Steering Council Liaison",
  member: "Member",
  alumnus: "Alumnus",
  other: "Other role",
};
const EVENT_LABEL: Record<TimelineEvent["kind"], string> = {
  proposed: "Proposed",
  activated: "Activated",
  archived: "Archived",
  "status-changed": "Status changed",
  renamed: "Renamed",
  joined: "Joined",
  left: "Left",
  "role-changed": "Role changed",
};
const CADENCE_LABEL: Record<string, string> = {
  weekly: "Weekly",
  fortnightly: "Every two weeks",
  monthly: "Monthly",
  "every-two-months": "Every two months",
  quarterly: "Quarterly",
  "twice-yearly": "Twice a year",
  annual: "Yearly",
  "as-needed": "As needed",
  none: "None",
  other: "Other (see charter)",
};
/** How a group admits new members, in words; `appointedBy` names who appoints. */
function modelText(model: string | null, appointedBy: readonly AppointingRole[]): string {
  switch (model) {
    case "direct":
      return "Direct: the group votes new members in (50%+1)";
    case "invitation":
      return "By invitation: any member can invite a new member; no vote is held";
    case "consensus":
      return "By consensus: every other member must approve; one objection refuses";
    case "appointment":
      return `By appointment: ${rolesPhrase(appointedBy)} ${appointedBy.length > 1 ? "appoint" : "appoints"} new members; no vote is held`;
    case "board-managed":
      return "Board-managed: the Board votes new members in";
    case "steering-council-managed":
      return "Steering Council-managed: the Steering Council votes new members in";
    case "other":
      return "Other (see the charter): Guildhall runs no vote; ask the DSF Board how new members are admitted";
    default:
      return "Not stated: the charter does not say how new members are admitted, so Guildhall runs no vote; ask the DSF Board";
  }
}

const COMMIT_BASE = "https://github.com/django/dsf-working-groups/commit/";

/** YYYY-MM-DD of an ISO timestamp (UTC). */
function day(iso: string): string {
  return iso.slice(0, 10);
}

function People(props: { people: readonly PersonRef[]; empty?: string }) {
  if (props.people.length === 0) return <span class="muted">{props.empty ?? "None"}</span>;
  return (
    <>
      {props.people.map((p, i) => (
        <>
          {i > 0 && ", "}
          <a href={`/people/${encodeURIComponent(p.slug)}`}>{p.name}</a>
        </>
      ))}
    </>
  );
}

function Flags(props: { flags: GroupSummary["health"]; long?: boolean }) {
  if (props.flags.length === 0) return <span class="muted">No flags</span>;
  if (!props.long) {
    return (
      <ul class="flags">
        {props.flags.map((f) => (
          <li class={`flag ${f.severity === "critical" ? "bad" : "warn"}`}>
            <span class="visually-hidden">{f.severity === "critical" ? "Critical: " : "Warning: "}</span>
            {f.message}
          </li>
        ))}
      </ul>
    );
  }
  return (
    <ul class="health">
      {props.flags.map((f) => (
        <li>
          <strong class={`flag ${f.severity === "critical" ? "bad" : "warn"}`}>
            {f.severity === "critical" ? "Critical" : "Warning"}
          </strong>{" "}
          {f.message}
          <br />
          <span class="muted">
            Rule: {f.rule.summary} ({f.rule.source})
          </span>
        </li>
      ))}
    </ul>
  );
}

/** Splits charter prose into paragraphs and bullet lists ("- " or "* " lines). */
function blocks(value: string): Array<{ kind: "p"; text: string } | { kind: "ul"; items: string[] }> {
  const out: Array<{ kind: "p"; text: string } | { kind: "ul"; items: string[] }> = [];
  for (const chunk of value.split(/\n\s*\n/)) {
    let para: string[] = [];
    let items: string[] = [];
    const flushPara = () => {
      if (para.length) out.push({ kind: "p", text: para.join(" ") });
      para = [];
    };
    const flushItems = () => {
      if (items.length) out.push({ kind: "ul", items });
      items = [];
    };
    for (const raw of chunk.split("\n")) {
      const line = raw.trim();
      if (line === "") continue;
      const bullet = /^[-*+]\s+(.*)$/.exec(line);
      if (bullet) {
        flushPara();
        items.push(bullet[1] ?? "");
      } else {
        flushItems();
        para.push(line);
      }
    }
    flushPara();
    flushItems();
  }
  return out;
}

/**
 * Charter text with its links. The parser keeps http, https and mailto only; the scheme is checked
 * again here because a charter stored before links were kept holds literal text that may look like one.
 */
function Linked(props: { text: string }) {
  return (
    <>
      {linkedSegments(props.text).map((seg) => {
        const url = seg.url === null ? null : safeLinkUrl(seg.url);
        return url === null ? seg.text : <a href={url}>{seg.text}</a>;
      })}
    </>
  );
}

function Text(props: { value: string | null; empty?: string }) {
  if (props.value === null || props.value.trim() === "")
    return <span class="muted">{props.empty ?? "Not stated in the charter"}</span>;
  return (
    <>
      {blocks(props.value).map((b) =>
        b.kind === "p" ? (
          <p>
            <Linked text={b.text} />
          </p>
        ) : (
          <ul>
            {b.items.map((i) => (
              <li>
                <Linked text={i} />
              </li>
            ))}
          </ul>
        ),
      )}
    </>
  );
}

function List(props: { items: readonly string[]; empty?: string }) {
  if (props.items.length === 0) return <span class="muted">{props.empty ?? "None listed"}</span>;
  return (
    <ul>
      {props.items.map((i) => (
        <li>
          <Linked text={i} />
        </li>
      ))}
    </ul>
  );
}

function show(value: unknown): string | null {
  if (typeof value === "string" || typeof value === "number" || typeof value === "boolean")
    return String(value);
  if (Array.isArray(value) && value.every((v) => typeof v === "string")) return value.join(", ");
  return null;
}

/** The parts of an event's detail worth reading: what changed, the roles, the commit subject. */
function detailText(event: TimelineEvent): string {
  const d = event.detail;
  const parts: string[] = [];
  const from = show(d.from);
  const to = show(d.to);
  if (from !== null || to !== null) parts.push(`from ${from ?? "-"} to ${to ?? "-"}`);
  const roles = show(d.roles);
  if (roles !== null && from === null && to === null) parts.push(`roles: ${roles}`);
  const subject = show(d.subject);
  if (subject !== null) parts.push(`commit: ${subject}`);
  return parts.join("; ");
}

/** A dimmed dash in a timeline cell that has nothing to show. */
function Dash() {
  return <span class="muted">-</span>;
}

const TIMELINE_GROUP: Column<TimelineEvent> = {
  header: "Group",
  cell: (e) => <a href={`/groups/${encodeURIComponent(e.group.slug)}`}>{e.group.name}</a>,
};
const TIMELINE_PERSON: Column<TimelineEvent> = {
  header: "Person",
  cell: (e) => (e.person ? <People people={[e.person]} /> : <Dash />),
};

function Timeline(props: {
  events: readonly TimelineEvent[];
  caption: string;
  showGroup: boolean;
  showPerson: boolean;
}) {
  return (
    <Table
      caption={props.caption}
      rows={props.events}
      empty="No recorded events yet."
      emptyClass="muted"
      columns={[
        { header: "Date", cell: (e) => <time datetime={e.occurredAt}>{day(e.occurredAt)}</time> },
        {
          header: "Event",
          cell: (e) => (
            <>
              {EVENT_LABEL[e.kind]}
              {e.source === "import" && <span class="muted"> (from import)</span>}
            </>
          ),
        },
        ...(props.showGroup ? [TIMELINE_GROUP] : []),
        ...(props.showPerson ? [TIMELINE_PERSON] : []),
        { header: "Role", cell: (e) => (e.role ? (ROLE_LABEL[e.role] ?? e.role) : <Dash />) },
        { header: "Details", cell: (e) => detailText(e) || <Dash /> },
        {
          header: "Commit",
          cell: (e) =>
            e.commitSha ? (
              <a href={`${COMMIT_BASE}${encodeURIComponent(e.commitSha)}`}>
                <code>{e.commitSha.slice(0, 10)}</code>
                <span class="visually-hidden"> (commit {e.commitSha})</span>
              </a>
            ) : (
              <Dash />
            ),
        },
      ]}
    />
  );
}

/** `/groups`: the directory, sectioned by status, with a plain GET filter form. */
export function DirectoryPage(props: { list: GroupList; viewer?: LayoutViewer | null }) {
  const { list } = props;
  const sections = STATUS_ORDER.map((status) => ({
    status,
    groups: list.groups.filter((g) => g.status === status),
  })).filter((s) => s.groups.length > 0 || (list.filter.status === null && s.status !== "unknown"));
  const filtered = list.filter.kind !== null || list.filter.status !== null;
  return (
    <Layout title="Groups" path="/groups" viewer={props.viewer}>
      <h1>Working groups and teams</h1>
      <p>
        The DSF's working groups and teams, from their charters. <a href="/people">Everyone in them</a> ·{" "}
        <a href={`/api/groups${filtered ? filterQuery(list.filter) : ""}`}>This list as JSON</a>
      </p>
      <SourceNote sources={list.provenance} />
      <Form
        method="get"
        action="/groups"
        class="inline"
        label="Filter groups"
        submit="Filter"
        fields={[
          {
            name: "kind",
            label: "Kind",
            kind: "select",
            value: list.filter.kind ?? "",
            options: [
              { value: "", label: "Any" },
              { value: "working-group", label: "Working groups" },
              { value: "team", label: "Teams" },
            ],
          },
          {
            name: "status",
            label: "Status",
            kind: "select",
            value: list.filter.status ?? "",
            options: [
              { value: "", label: "Any" },
              ...STATUS_ORDER.map((s) => ({ value: s, label: STATUS_LABEL[s] ?? s })),
            ],
          },
        ]}
      />
      {filtered && (
        <p>
          <a href="/groups">Clear filters</a>
        </p>
      )}
      <p role="status">
        {list.groups.length === 1 ? "1 group" : `${list.groups.length} groups`}
        {filtered ? " match the filter." : "."}
      </p>
      {sections.map((s) => (
        <Section id={`section-${s.status}`} title={STATUS_LABEL[s.status]}>
          <Table
            caption={`${STATUS_LABEL[s.status]} groups`}
            captionClass="visually-hidden"
            rows={s.groups}
            columns={[
              {
                header: "Group",
                rowHeader: true,
                cell: (g) => <a href={`/groups/${encodeURIComponent(g.slug)}`}>{g.name}</a>,
              },
              { header: "Kind", cell: (g) => KIND_LABEL[g.kind] },
              { header: "Size", cell: (g) => g.size },
              {
                header: "Chair(s)",
                cell: (g) => (
                  <>
                    {g.chairs.length + g.coChairs.length === 0 ? (
                      <span class="muted">No chair</span>
                    ) : (
                      <>
                        <People people={g.chairs} empty="No Chair" />
                        {g.coChairs.length > 0 && (
                          <>
                            {" "}
                            <span class="muted">(Co-Chair:</span> <People people={g.coChairs} />
                            <span class="muted">)</span>
                          </>
                        )}
                      </>
                    )}
                  </>
                ),
              },
              {
                header: "Health",
                cell: (g) => <Flags flags={g.health} />,
              },
            ]}
            empty="None."
            emptyClass="muted"
          />
        </Section>
      ))}
    </Layout>
  );
}

function filterQuery(filter: GroupList["filter"]): string {
  const q = new URLSearchParams();
  if (filter.kind) q.set("kind", filter.kind);
  if (filter.status) q.set("status", filter.status);
  return `?${q.toString()}`;
}

/** Where the stored charter was read, as a sentence: path, commit and dates, or what is not known. */
function CharterSource(props: { source: GroupDetail["source"] }) {
  const s = props.source;
  const stored = day(s.storedAt);
  if (s.commitSha) {
    return (
      <>
        Charter as of commit{" "}
        <a href={`${COMMIT_BASE}${encodeURIComponent(s.commitSha)}`}>
          <code>{s.commitSha.slice(0, 10)}</code>
        </a>
        {s.committedAt && (
          <>
            {" "}
            (committed <time datetime={s.committedAt}>{day(s.committedAt)}</time>)
          </>
        )}
        {s.path && <> from {s.path}</>}, stored <time datetime={s.storedAt}>{stored}</time>.
      </>
    );
  }
  return (
    <>
      Charter {s.path ? <>from {s.path} </> : ""}imported <time datetime={s.storedAt}>{stored}</time>; the
      commit it was read at is not known (the import was not of a git checkout).
    </>
  );
}

function Fact(props: { term: string; children: Child }) {
  return (
    <>
      <dt>{props.term}</dt>
      <dd>{props.children}</dd>
    </>
  );
}

/** `/groups/:slug`: one group in full, with its timeline. */
export function GroupPage(props: {
  group: GroupDetail;
  timeline: readonly TimelineEvent[];
  viewer?: LayoutViewer | null;
  /** The group's reporting (schedule, defunct flag), when known. */
  reporting?: GroupReporting | undefined;
  /** Items needing a new owner, for those who may see them (the Chair, the Board, administrators). */
  handovers?: { needingOwner: number } | null;
}) {
  const g = props.group;
  const term =
    g.term.window !== null
      ? termWindowText(g.term.window)
      : g.term.months !== null
        ? `${g.term.months} ${g.term.months === 1 ? "month" : "months"}`
        : null;
  return (
    <Layout title={g.name} path="/groups" viewer={props.viewer}>
      <p>
        <a href="/groups">All groups</a>
      </p>
      <h1>{g.name}</h1>
      <p>
        {KIND_LABEL[g.kind]} · {STATUS_LABEL[g.status]} · {g.size === 1 ? "1 member" : `${g.size} members`}
      </p>
      <p>
        <a href={`/groups/${encodeURIComponent(g.slug)}/meetings`}>Meetings: agenda, notes and calendar</a> ·{" "}
        <a href={`/groups/${encodeURIComponent(g.slug)}/requests`}>Requests to and from other groups</a> ·{" "}
        <a href={`/groups/${encodeURIComponent(g.slug)}/funding`}>Funding requests</a>
      </p>
      {props.handovers && (
        <Section
          id="handovers"
          title="Needing a new owner"
          class={props.handovers.needingOwner > 0 ? "notice" : undefined}
        >
          <p>
            <a href={`/groups/${encodeURIComponent(g.slug)}/handovers`}>
              {props.handovers.needingOwner === 0
                ? "Nothing needs a new owner"
                : props.handovers.needingOwner === 1
                  ? "One open item needs a new owner"
                  : `${props.handovers.needingOwner} open items need a new owner`}
            </a>{" "}
            (items whose owner's role here has ended).
          </p>
        </Section>
      )}
      <p>
        <a href={g.links.json}>This group as JSON</a> · <a href={g.links.timeline}>Timeline as JSON</a> ·{" "}
        <a href={g.links.export}>Charter as markdown (export)</a> ·{" "}
        <a href={`/groups/${g.slug}/reports`}>Reports to the Board</a>
        {g.links.charter && (
          <>
            {" "}
            · <a href={g.links.charter}>Charter in the DSF repository</a>
          </>
        )}
      </p>
      <p class="muted">
        <CharterSource source={g.source} />
      </p>
      <SourceNote sources={g.provenance} />
      {props.reporting && <DefunctNotice reporting={props.reporting} />}

      <Section id="health" title="Health">
        <Flags flags={g.health} long />
      </Section>

      <Section id="scope" title="Scope">
        <Text value={g.scope} />
        <h3>Powers delegated and actions taken directly</h3>
        <List items={g.delegated} />
        <h3>Actions taken back to the Board or Steering Council</h3>
        <List items={g.boardActions} />
      </Section>

      <Section id="roles" title="Roles">
        <dl class="facts">
          <Fact term="Chair">
            <People people={g.roles.chairs} empty="Vacant" />
          </Fact>
          <Fact term="Co-Chair">
            <People people={g.roles.coChairs} empty="Vacant" />
          </Fact>
          <Fact term="Board Liaison">
            <People people={g.roles.boardLiaisons} empty="None" />
          </Fact>
          <Fact term="Steering Council Liaison">
            <People people={g.roles.steeringCouncilLiaisons} empty="None" />
          </Fact>
          {g.roles.other.map((o) => (
            <Fact term={o.title}>
              <People people={o.people} />
            </Fact>
          ))}
        </dl>
        {g.proposed.length > 0 && (
          <>
            <h3>Proposed, not yet holding the role</h3>
            <p>
              The charter names these people tentatively (for example "Name?"); they are not counted as
              holders or members.
            </p>
            <ul>
              {g.proposed.map((p) => (
                <li>
                  <People people={[p.person]} /> for{" "}
                  {p.role === "other" && p.title ? p.title : (ROLE_LABEL[p.role] ?? p.role)} (tentative)
                </li>
              ))}
            </ul>
          </>
        )}
      </Section>

      <Section id="members" title="Members">
        <Table
          caption="Current members and when they joined"
          rows={g.members}
          columns={[
            {
              header: "Name",
              rowHeader: true,
              cell: (m) => <People people={[m.person]} />,
            },
            {
              header: "Member since",
              cell: (m) => (
                <>
                  {m.since ? (
                    <time datetime={m.since}>{day(m.since)}</time>
                  ) : (
                    <span class="muted">Unknown</span>
                  )}
                </>
              ),
            },
          ]}
          empty="No current members recorded."
          emptyClass="muted"
        />
        <h3>Alumni</h3>
        <ItemList
          items={g.alumni}
          empty="None recorded"
          emptyClass="muted"
          item={(a) => (
            <>
              <People people={[a]} />
              {a.leftOn ? (
                <>
                  {" "}
                  <span class="muted">
                    left <time datetime={a.leftOn}>{a.leftOn}</time>
                    {a.commitSha && (
                      <>
                        {" "}
                        (commit{" "}
                        <a href={`${COMMIT_BASE}${encodeURIComponent(a.commitSha)}`}>
                          <code>{a.commitSha.slice(0, 10)}</code>
                        </a>
                        )
                      </>
                    )}
                  </span>
                </>
              ) : (
                <span class="muted"> date left not recorded</span>
              )}
              {a.inCharter && <span class="muted"> · in the charter's alumni list</span>}
            </>
          )}
        />
      </Section>

      <Section id="membership" title="Membership">
        <dl class="facts">
          <Fact term="Membership model">
            {g.membershipModel ? (
              modelText(g.membershipModel, g.appointedBy)
            ) : (
              <>
                <span class="muted">{modelText(null, [])}</span> (
                <a href="https://www.djangoproject.com/contact/foundation/">contact the Board</a>)
              </>
            )}
          </Fact>
          <Fact term="Term">{term ?? <span class="muted">No fixed term</span>}</Fact>
          <Fact term="Who is eligible">
            <Text value={g.eligibility} />
          </Fact>
          <Fact term="How to join">
            <Text value={g.howToJoin} />
          </Fact>
          <Fact term="Removing members">
            <Text value={g.removalRule} />
          </Fact>
        </dl>
      </Section>
      <JoinThisGroup slug={g.slug} name={g.name} viewer={props.viewer ?? null} />

      <Section id="operations" title="Meetings, channels, reporting and budget">
        <dl class="facts">
          <Fact term="Meetings">
            {g.meetingCadence ? CADENCE_LABEL[g.meetingCadence] : <span class="muted">Not stated</span>}
          </Fact>
          <Fact term="Reports to the Board">
            {g.reportingCadence ? CADENCE_LABEL[g.reportingCadence] : <span class="muted">Not stated</span>}
          </Fact>
          <Fact term="Channels">
            <List items={g.channels} />
          </Fact>
          <Fact term="Budget">
            <Text value={g.budget} />
          </Fact>
        </dl>
      </Section>

      <Section id="timeline" title="Timeline">
        <Timeline events={props.timeline} caption={`History of ${g.name}`} showGroup={false} showPerson />
      </Section>
    </Layout>
  );
}

/**
 * Where a visitor goes to join: signed out, a sign-in link that comes back to the application
 * form; signed in, the group's decisions page, which holds the form, the pending application or
 * why the charter does not take applications.
 */
function JoinThisGroup(props: { slug: string; name: string; viewer: LayoutViewer | null }) {
  const decisions = `/groups/${encodeURIComponent(props.slug)}/decisions`;
  return (
    <Section id="join" title="Join this group">
      {props.viewer ? (
        <p>
          <a href={`${decisions}#apply`}>Apply to join {props.name}, or see your application</a>: the
          charter's rules above decide who may join and how.
        </p>
      ) : (
        <p>
          <a href={`/sign-in?next=${encodeURIComponent(decisions)}`}>Sign in to apply to join {props.name}</a>
          ; you come back to the application form. The charter's rules above decide who may join and how.
        </p>
      )}
    </Section>
  );
}

/** `/people`: everyone known, with their current groups. */
export function PeoplePage(props: { people: readonly PersonSummary[]; viewer?: LayoutViewer | null }) {
  return (
    <Layout title="People" path="/people" viewer={props.viewer}>
      <h1>People</h1>
      <p>
        Everyone named in a charter. <a href="/groups">All groups</a>
      </p>
      <Table
        caption="People and the groups they are in now"
        rows={props.people}
        columns={[
          {
            header: "Name",
            rowHeader: true,
            cell: (p) => <People people={[p.person]} />,
          },
          {
            header: "Current groups",
            cell: (p) => (
              <>
                {p.groups.length === 0 ? (
                  <span class="muted">None</span>
                ) : (
                  p.groups.map((g, i) => (
                    <>
                      {i > 0 && ", "}
                      <a href={`/groups/${encodeURIComponent(g.slug)}`}>{g.name}</a>
                    </>
                  ))
                )}
              </>
            ),
          },
        ]}
        empty="Nobody recorded yet."
        emptyClass="muted"
      />
    </Layout>
  );
}

/** `/people/:idOrSlug`: a person's current roles and their timeline across groups. */
export function PersonPage(props: { person: PersonDetail; viewer?: LayoutViewer | null }) {
  const p = props.person;
  return (
    <Layout title={p.name} path="/people" viewer={props.viewer}>
      <p>
        <a href="/people">All people</a>
      </p>
      <h1>{p.name}</h1>
      <p>
        {p.handle && <>Handle: {p.handle} · </>}
        <a href={`/api/people/${p.id}`}>As JSON</a>
      </p>
      {p.aliases.length > 0 && <p>Also known as: {p.aliases.join(", ")}</p>}
      <Section id="current-roles" title="Current roles">
        <Table
          caption="Roles held now"
          rows={p.roles}
          columns={[
            {
              header: "Group",
              rowHeader: true,
              cell: (r) => <a href={`/groups/${encodeURIComponent(r.group.slug)}`}>{r.group.name}</a>,
            },
            { header: "Role", cell: (r) => (r.role === "other" && r.title ? r.title : ROLE_LABEL[r.role]) },
            { header: "Group status", cell: (r) => STATUS_LABEL[r.group.status] },
          ]}
          empty="No current roles."
          emptyClass="muted"
        />
      </Section>
      <Section id="person-timeline" title="Over time">
        <Timeline events={p.timeline} caption={`Events involving ${p.name}`} showGroup showPerson={false} />
      </Section>
    </Layout>
  );
}
