/** Pages of the marketing room: the delegation matrix, content items, one item, a diff of two revisions. */
import { raw } from "hono/html";
import { Layout } from "../platform/http/layout.tsx";
import { ButtonForm, type FieldSpec, Form } from "../platform/view/form.tsx";
import { provenance, SourceNote } from "../platform/view/provenance.tsx";
import { Section } from "../platform/view/section.tsx";
import { Table } from "../platform/view/table.tsx";
import { When } from "../platform/view/time.tsx";
import {
  COMMUNITY_CHANNELS,
  CONTENT_KIND_LABELS,
  CONTENT_KINDS,
  type ContentKind,
  DOC_TYPE_LABELS,
  DOC_TYPES,
  type DocType,
  ITEM_STATE_LABELS,
  SOCIAL_NETWORKS,
} from "./content-kinds.ts";
import type { Matrix, ResolvedRow } from "./get-matrix.ts";
import type { ItemRow, RevisionRow, StepRow } from "./marketing.repo.ts";
import type { DiffPart } from "./revision-diff.ts";

function sourceText(r: ResolvedRow) {
  if (r.sources.length === 0) return <>Not in the charter's delegated areas, so the Board decides.</>;
  return (
    <ul class="plain">
      {r.sources.map((s) => (
        <li>
          {s.path ?? "the charter"}
          {s.line !== null ? `, line ${s.line}` : ""}: <q>{s.text}</q>
        </li>
      ))}
    </ul>
  );
}

/** `/marketing/matrix`: who approves each kind of content, with the charter line behind each row. */
export function MatrixPage(props: {
  m: Matrix;
  canOverride: boolean;
  groups: { slug: string; name: string }[];
}) {
  const m = props.m;
  const src = provenance(
    `the ${m.group.name} charter${m.source.path ? ` (${m.source.path}${m.source.commit ? ` at ${m.source.commit.slice(0, 7)}` : ""})` : ""}`,
    "imported",
    m.source.asOf,
  );
  const fields: FieldSpec[] = [
    {
      name: "kind",
      label: "Kind of content",
      kind: "select",
      options: CONTENT_KINDS.map((k) => ({ value: k, label: CONTENT_KIND_LABELS[k] })),
      required: true,
    },
    { name: "member", label: "Another member of the group approves", kind: "checkbox" },
    {
      name: "partners",
      label: "Partner groups sign off",
      kind: "checkboxes",
      options: props.groups.map((g) => ({ value: g.slug, label: g.name })),
    },
    {
      name: "finalCheck",
      label: "Final check by",
      kind: "select",
      options: [{ value: "", label: "none" }, ...props.groups.map((g) => ({ value: g.slug, label: g.name }))],
    },
    { name: "board", label: "The Board approves", kind: "checkbox" },
    { name: "reset", label: "Put the row back to what the charter says", kind: "checkbox" },
    {
      name: "reason",
      label: "Reason (kept in the audit trail)",
      kind: "textarea",
      required: true,
      attrs: { rows: 2 },
    },
  ];
  return (
    <Layout title="Delegation matrix" path="/marketing">
      <h1>Who approves marketing content</h1>
      <p>
        Read from the {m.group.name}'s charter: content in an area the group handles on its own needs another
        member's approval; an area it handles in collaboration with another group also needs that group's
        sign-off (within the deadline, after which the Board may decide in its place); template-managed pages
        get the checking group's final check; anything outside the delegated areas goes to the Board. Data:{" "}
        <a href="/api/marketing/matrix">JSON</a>.
      </p>
      <SourceNote sources={[src]} />
      <Table
        caption="The delegation matrix"
        rows={m.rows}
        columns={[
          { header: "Kind", rowHeader: true, cell: (r) => r.label },
          {
            header: "Who approves",
            cell: (r) => (
              <>
                <ul class="plain">
                  {r.steps.map((s) => (
                    <li>{s.who}</li>
                  ))}
                </ul>
                {r.override && (
                  <p class="muted">
                    Overridden by {r.override.byName} (<When at={r.override.at} />
                    ): {r.override.reason}
                  </p>
                )}
              </>
            ),
          },
          { header: "From the charter", cell: (r) => sourceText(r) },
        ]}
      />
      {props.canOverride && (
        <Section id="override-heading" title="Override a row">
          <Form action="/marketing/matrix/override" fields={fields} submit="Override the row" />
        </Section>
      )}
    </Layout>
  );
}

/** The fields of an item's form (new or edit). */
export function itemFields(item: ItemRow | null): FieldSpec[] {
  return [
    { name: "title", label: "Title (the headline of a blog post)", required: true, value: item?.title },
    {
      name: "body",
      label: "Body (markdown; every image needs alt text)",
      kind: "textarea",
      required: true,
      value: item?.body,
      attrs: { rows: 12 },
    },
    { name: "slug", label: "Slug (blog posts)", value: item?.slug },
    {
      name: "summary",
      label: "Summary (blog posts)",
      kind: "textarea",
      value: item?.summary,
      attrs: { rows: 2 },
    },
    { name: "authors", label: "Authors, separated by commas (blog posts)", value: item?.authors.join(", ") },
    { name: "tags", label: "Tags, separated by commas", value: item?.tags.join(", ") },
    { name: "socialCardUrl", label: "Social card image address", value: item?.socialCardUrl },
    { name: "socialCardAlt", label: "Social card alt text", value: item?.socialCardAlt },
  ];
}

/** `/marketing/items`: the items the viewer may see, and the form for a new one. */
export function ItemsPage(props: { items: ItemRow[]; canWrite: boolean }) {
  const newFields: FieldSpec[] = [
    {
      name: "kind",
      label: "Kind",
      kind: "select",
      required: true,
      options: CONTENT_KINDS.map((k) => ({ value: k, label: CONTENT_KIND_LABELS[k] })),
    },
    {
      name: "network",
      label: "Network (social posts and community announcements)",
      kind: "select",
      options: [
        { value: "", label: "none" },
        ...[...SOCIAL_NETWORKS, ...COMMUNITY_CHANNELS].map((n) => ({ value: n, label: n })),
      ],
    },
    {
      name: "docType",
      label: "Document (strategy documents)",
      kind: "select",
      options: [
        { value: "", label: "none" },
        ...DOC_TYPES.map((d) => ({ value: d, label: DOC_TYPE_LABELS[d] })),
      ],
    },
    ...itemFields(null),
  ];
  return (
    <Layout title="Marketing content" path="/marketing">
      <h1>Marketing content</h1>
      <p>
        {props.canWrite ? "Every item of the group, drafts included." : "Published items."} Who approves each
        kind: <a href="/marketing/matrix">the delegation matrix</a>. The group's strategy, content strategy,
        brand guidelines and KPIs: <a href="/marketing/strategy">strategy documents</a>.
      </p>
      <Table
        caption="Content items"
        rows={props.items}
        columns={[
          { header: "Title", cell: (i) => <a href={`/marketing/items/${i.id}`}>{i.title}</a> },
          {
            header: "Kind",
            cell: (i) => `${CONTENT_KIND_LABELS[i.kind as ContentKind]}${i.network ? ` (${i.network})` : ""}`,
          },
          { header: "State", cell: (i) => ITEM_STATE_LABELS[i.state] },
          { header: "Updated", cell: (i) => <When at={i.updatedAt} /> },
        ]}
        empty="No items yet."
      />
      {props.canWrite && (
        <Section id="new-heading" title="New item">
          <Form action="/marketing/items" fields={newFields} submit="Create the draft" />
        </Section>
      )}
    </Layout>
  );
}

/** What the item page may offer the viewer. */
export interface ItemPageOptions {
  canWrite: boolean;
  /** Steps the viewer may decide. */
  decidable: ReadonlySet<number>;
  viewerId: number | null;
  now: Date;
  /** Campaigns the item may be put in (the group's members). */
  campaigns?: { id: number; name: string }[];
}

/** `/marketing/items/:id`: the rendered item, its review, its revisions and (for the group) its forms. */
export function ItemPage(props: {
  item: ItemRow;
  html: string;
  revisions: RevisionRow[];
  steps: StepRow[];
  o: ItemPageOptions;
}) {
  const { item, o } = props;
  const base = `/marketing/items/${item.id}`;
  const locked = item.lockUserId !== null && item.lockExpiresAt !== null && item.lockExpiresAt > o.now;
  const latest = props.revisions[props.revisions.length - 1];
  return (
    <Layout title={item.title} path="/marketing">
      <p>
        <a href="/marketing/items">Marketing content</a>
      </p>
      <h1>{item.title}</h1>
      <p>
        {CONTENT_KIND_LABELS[item.kind as ContentKind]}
        {item.docType ? ` (${DOC_TYPE_LABELS[item.docType as DocType]})` : ""}
        {item.network ? ` on ${item.network}` : ""} · {ITEM_STATE_LABELS[item.state]} · revision{" "}
        {item.revision} by {latest?.byName ?? item.createdByName}, <When at={item.updatedAt} />
        {item.scheduledFor && (
          <>
            {" "}
            · scheduled for <When at={item.scheduledFor} />
          </>
        )}
      </p>
      {item.kind === "strategy-document" && (
        <p>
          What DSF members read: <a href={`/marketing/strategy/${item.id}`}>the approved revision</a>.
        </p>
      )}
      {item.summary && <p class="lead">{item.summary}</p>}
      {item.authors.length > 0 && <p>By {item.authors.join(", ")}</p>}
      {item.tags.length > 0 && <p>Tags: {item.tags.join(", ")}</p>}
      {item.socialCardUrl && (
        <figure>
          <img src={item.socialCardUrl} alt={item.socialCardAlt ?? ""} width="320" />
          <figcaption>Social card</figcaption>
        </figure>
      )}
      <article class="content-body">{raw(props.html)}</article>
      {props.steps.length > 0 && (
        <Section id="review-heading" title={<>Review of revision {props.steps[0]?.revision}</>}>
          <ul>
            {props.steps.map((s) => (
              <li>
                {s.who}: {s.status.replace("-", " ")}
                {s.decidedByName && <> by {s.decidedByName}</>}
                {s.comment && <> ("{s.comment}")</>}
                {s.dueAt && s.status === "pending" && (
                  <>
                    {" "}
                    · due <When at={s.dueAt} />
                    {s.dueAt <= o.now ? " (overdue: the Board may decide in the partner's place)" : ""}
                  </>
                )}
                {o.decidable.has(s.id) && (
                  <Form
                    action={`${base}/steps/${s.id}`}
                    fields={[
                      {
                        name: "decision",
                        label: "Decision",
                        kind: "radios",
                        required: true,
                        options: [
                          { value: "approve", label: "Approve" },
                          { value: "request-changes", label: "Ask for changes" },
                        ],
                      },
                      { name: "comment", label: "Comment", kind: "textarea", attrs: { rows: 2 } },
                    ]}
                    submit="Record the decision"
                  />
                )}
              </li>
            ))}
          </ul>
        </Section>
      )}
      {o.canWrite && (
        <Section id="workflow-heading" title="Workflow">
          {(item.state === "draft" || item.state === "changes-requested") && (
            <ButtonForm action={`${base}/submit`} submit="Send for review" />
          )}
          {item.kind !== "strategy-document" && (item.state === "approved" || item.state === "scheduled") && (
            <ButtonForm action={`${base}/publish`} submit="Publish now" />
          )}
          {item.kind !== "strategy-document" && item.state === "approved" && (
            <Form
              action={`${base}/schedule`}
              fields={[{ name: "at", label: "Publish at (UTC, e.g. 2026-12-10T09:00:00Z)", required: true }]}
              submit="Schedule"
            />
          )}
          {item.state !== "archived" && <ButtonForm action={`${base}/archive`} submit="Archive" />}
        </Section>
      )}
      {o.canWrite && (
        <Section id="plan-heading" title="Campaign and planned day">
          <p>
            On the{" "}
            <a href={`/marketing/calendar${item.plannedOn ? `?date=${item.plannedOn}` : ""}`}>
              editorial calendar
            </a>{" "}
            an item sits on the day it was published, else the day it is scheduled for, else its planned day.
          </p>
          <Form
            action={`${base}/plan`}
            fields={[
              {
                name: "campaign",
                label: "Campaign",
                kind: "select",
                value: item.campaignId === null ? "" : String(item.campaignId),
                options: [
                  { value: "", label: "none" },
                  ...(o.campaigns ?? []).map((k) => ({ value: String(k.id), label: k.name })),
                ],
              },
              { name: "plannedOn", label: "Planned day", kind: "date", value: item.plannedOn },
            ]}
            submit="Save the plan"
          />
        </Section>
      )}
      {o.canWrite && item.state !== "published" && item.state !== "archived" && (
        <Section id="edit-heading" title="Edit">
          {locked ? (
            <p>
              {item.lockUserId === o.viewerId ? "You are" : `${item.lockName} is`} editing this item until{" "}
              <When at={item.lockExpiresAt ?? o.now} />.
            </p>
          ) : (
            <p>Nobody is editing this item.</p>
          )}
          <ButtonForm
            action={`${base}/lock`}
            submit={
              item.lockUserId === o.viewerId && locked
                ? "Keep editing (renew the lock)"
                : "Start editing (take the lock)"
            }
          />
          {(item.state === "in-review" || item.state === "approved" || item.state === "scheduled") && (
            <p>Saving voids the approvals given so far and takes the item back to draft.</p>
          )}
          <Form
            action={base}
            fields={[
              { name: "baseRevision", label: "Revision", kind: "hidden", value: String(item.revision) },
              ...itemFields(item),
            ]}
            submit="Save a new revision"
          />
        </Section>
      )}
      {o.canWrite && (
        <Section id="revisions-heading" title="Revisions">
          <Table
            caption="Revisions"
            captionClass="visually-hidden"
            rows={props.revisions}
            columns={[
              {
                header: "Revision",
                cell: (r) => (
                  <>
                    {r.number}
                    {r.restoredFrom ? ` (restores ${r.restoredFrom})` : ""}
                  </>
                ),
              },
              { header: "By", cell: (r) => r.byName },
              {
                header: "Saved",
                cell: (r) => <When at={r.savedAt} />,
              },
              {
                header: "Compare, restore",
                cell: (r) => (
                  <>
                    {r.number !== item.revision && (
                      <>
                        <a href={`${base}/diff?from=${r.number}&to=${item.revision}`}>changes since</a>{" "}
                        {item.state !== "published" && item.state !== "archived" && (
                          <ButtonForm
                            action={`${base}/revisions/${r.number}/restore`}
                            submit="Restore"
                            submitLabel={`Restore revision ${r.number}`}
                          />
                        )}
                      </>
                    )}
                  </>
                ),
              },
            ]}
          />
        </Section>
      )}
    </Layout>
  );
}

/** `/marketing/items/:id/diff`: the changes between two revisions, line by line. */
export function DiffPage(props: { item: ItemRow; from: number; to: number; parts: DiffPart[] }) {
  const sign = { same: " ", added: "+", removed: "-" } as const;
  const words = { same: "unchanged", added: "added", removed: "removed" } as const;
  return (
    <Layout title={`Changes to ${props.item.title}`} path="/marketing">
      <p>
        <a href={`/marketing/items/${props.item.id}`}>{props.item.title}</a>
      </p>
      <h1>
        Revision {props.from} to revision {props.to}
      </h1>
      <p>Lines marked + were added and lines marked - removed.</p>
      <section class="table-scroll" aria-label="The changes" tabindex={0}>
        <pre class="diff">
          {props.parts.flatMap((p) =>
            p.lines.map((l) =>
              p.change === "same" ? (
                <span>{`${sign[p.change]} ${l}\n`}</span>
              ) : (
                <span class={`diff-${p.change}`} title={words[p.change]}>
                  {p.change === "added" ? (
                    <ins>{`${sign[p.change]} ${l}\n`}</ins>
                  ) : (
                    <del>{`${sign[p.change]} ${l}\n`}</del>
                  )}
                </span>
              ),
            ),
          )}
        </pre>
      </section>
    </Layout>
  );
}
