/** Pages of the group's strategy documents: the list, and one document's approved revision (and draft, for the group). */
import { raw } from "hono/html";
import { Layout } from "../platform/http/layout.tsx";
import { type FieldSpec, Form } from "../platform/view/form.tsx";
import { provenance, SourceNote } from "../platform/view/provenance.tsx";
import { Section } from "../platform/view/section.tsx";
import { Table } from "../platform/view/table.tsx";
import { When } from "../platform/view/time.tsx";
import { DOC_TYPE_LABELS, DOC_TYPES, type DocType } from "./content-kinds.ts";
import type { ItemRow, RevisionRow } from "./marketing.repo.ts";
import type { DiffPart } from "./revision-diff.ts";

const STATE_WORDS: Record<string, string> = {
  draft: "draft",
  "in-review": "in review",
  "changes-requested": "changes requested",
  approved: "approved",
  archived: "archived",
};

/** A strategy document with the revision its last approved round approved. */
export interface StrategyEntry {
  item: ItemRow;
  approved: RevisionRow | null;
}

function approvedLine(e: StrategyEntry) {
  if (!e.approved || !e.item.approvedAt) return <>Not approved yet</>;
  return (
    <>
      Approved on <When at={e.item.approvedAt} /> by {e.item.approvedByName}, revision {e.approved.number}
    </>
  );
}

/** `/marketing/strategy`: the documents the charter says the group maintains. */
export function StrategyListPage(props: { entries: StrategyEntry[]; isGroup: boolean; groupName: string }) {
  const fields: FieldSpec[] = [
    { name: "kind", label: "Kind", kind: "hidden", value: "strategy-document" },
    {
      name: "docType",
      label: "Document",
      kind: "select",
      required: true,
      options: DOC_TYPES.map((d) => ({ value: d, label: DOC_TYPE_LABELS[d] })),
    },
    { name: "title", label: "Title", required: true },
    {
      name: "body",
      label: "Text (markdown; every image needs alt text)",
      kind: "textarea",
      required: true,
      attrs: { rows: 12 },
    },
  ];
  return (
    <Layout title="Marketing strategy documents" path="/marketing">
      <p>
        <a href="/marketing/items">Marketing content</a>
      </p>
      <h1>Strategy documents</h1>
      <p>
        The {props.groupName}'s charter says the group maintains the marketing strategy, a website content
        strategy with the blog's editorial line, brand guidelines and a set of KPIs. Each is approved by the
        group: another member, never the author, approves a revision, and DSF members read the approved
        revision.{" "}
        {props.isGroup
          ? "You see drafts too, as a member of the group."
          : "Drafts and documents not approved yet are the group's."}
      </p>
      <Table
        caption="Strategy documents"
        rows={props.entries}
        empty="No strategy documents yet."
        columns={[
          { header: "Document", cell: (e) => DOC_TYPE_LABELS[e.item.docType as DocType] },
          {
            header: "Title",
            cell: (e) => <a href={`/marketing/strategy/${e.item.id}`}>{e.approved?.title ?? e.item.title}</a>,
          },
          { header: "Approved", cell: (e) => approvedLine(e) },
          ...(props.isGroup
            ? [
                {
                  header: "Current draft",
                  cell: (e: StrategyEntry) =>
                    `revision ${e.item.revision}, ${STATE_WORDS[e.item.state] ?? e.item.state}`,
                },
              ]
            : []),
        ]}
      />
      {props.isGroup && (
        <Section id="new-doc-heading" title="New strategy document">
          <p>It starts as a draft; send it for review from its page.</p>
          <Form action="/marketing/items" fields={fields} submit="Create the draft" />
        </Section>
      )}
    </Layout>
  );
}

/** `/marketing/strategy/:id`: the approved revision's text; for the group, the draft and its changes since. */
export function StrategyPage(props: {
  entry: StrategyEntry;
  approvedHtml: string | null;
  isGroup: boolean;
  draftHtml: string | null;
  changes: DiffPart[] | null;
}) {
  const { item, approved } = props.entry;
  const src = approved
    ? provenance(
        `revision ${approved.number}, approved by ${item.approvedByName}`,
        "computed",
        item.approvedAt,
      )
    : null;
  const sign = { same: " ", added: "+", removed: "-" } as const;
  return (
    <Layout title={approved?.title ?? item.title} path="/marketing">
      <p>
        <a href="/marketing/strategy">Strategy documents</a>
      </p>
      <h1>{approved?.title ?? item.title}</h1>
      <p>
        {DOC_TYPE_LABELS[item.docType as DocType]} · {approvedLine(props.entry)}
      </p>
      {src && <SourceNote sources={[src]} label="Approval" />}
      {props.approvedHtml !== null ? (
        <article class="content-body" aria-label="The approved text">
          {raw(props.approvedHtml)}
        </article>
      ) : (
        <p>No revision of this document has been approved yet.</p>
      )}
      {props.isGroup && (
        <Section id="draft-heading" title="The current draft">
          <p>
            Revision {item.revision}, {STATE_WORDS[item.state] ?? item.state}.{" "}
            <a href={`/marketing/items/${item.id}`}>Edit it or send it for review</a>.
          </p>
          {props.changes === null ? (
            approved && <p>The current draft is the approved revision.</p>
          ) : (
            <>
              <p>
                Changes from the approved revision {approved?.number} to revision {item.revision} (lines
                marked + were added and lines marked - removed):
              </p>
              <section class="table-scroll" aria-label="Changes since the approved revision" tabindex={0}>
                <pre class="diff">
                  {props.changes.flatMap((p) =>
                    p.lines.map((l) =>
                      p.change === "same" ? (
                        <span>{`${sign[p.change]} ${l}\n`}</span>
                      ) : p.change === "added" ? (
                        <ins>{`${sign[p.change]} ${l}\n`}</ins>
                      ) : (
                        <del>{`${sign[p.change]} ${l}\n`}</del>
                      ),
                    ),
                  )}
                </pre>
              </section>
            </>
          )}
          {props.draftHtml !== null && (
            <article class="content-body" aria-label="The draft's text">
              {raw(props.draftHtml)}
            </article>
          )}
        </Section>
      )}
    </Layout>
  );
}
