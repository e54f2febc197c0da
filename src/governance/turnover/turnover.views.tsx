/** The hand-over pages: what needs a new owner in a group, and one person's hand-over with its note. */
import type { HandoverItemListing, HandoverListing } from "../../kernel/index.ts";
import { Layout } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import { OnDay, When } from "../../platform/view/time.tsx";

const CAUSE_WORDS: Record<HandoverListing["cause"], string> = {
  lapsed: "term ended without renewal",
  left: "left the group",
  removed: "removed from the group",
  succeeded: "succeeded by someone else",
  "board-term": "Board term over",
  ended: "role ended",
};

/** Why the roles ended, in words. */
export function causeWords(h: HandoverListing): string {
  return CAUSE_WORDS[h.cause];
}

function ItemLine(props: { item: HandoverItemListing }) {
  const i = props.item;
  return (
    <>
      {i.label}: {i.href ? <a href={i.href}>{i.title}</a> : i.title}
      {i.dueOn && (
        <>
          , due <OnDay day={i.dueOn} />
        </>
      )}
      {i.state === "reassigned" && i.newOwner && `. Now owned by ${i.newOwner.name}`}
      {i.state === "reassigned" && i.clearedAt && (
        <>
          {" "}
          (<When at={i.clearedAt} />)
        </>
      )}
      {i.state === "closed" && ". No longer open"}
    </>
  );
}

function Note(props: { handover: HandoverListing }) {
  const h = props.handover;
  if (h.note === null) {
    return (
      <p>
        {h.askedAt ? (
          <>
            {h.person.name} was asked for a hand-over note on <When at={h.askedAt} />; none yet.
          </>
        ) : (
          "No hand-over note was asked for (nothing was open)."
        )}
      </p>
    );
  }
  return (
    <blockquote>
      <p style="white-space:pre-line">{h.note}</p>
      <footer>
        Hand-over note by {h.person.name}
        {h.noteAt && (
          <>
            , <When at={h.noteAt} />
          </>
        )}
      </footer>
    </blockquote>
  );
}

/** The Chair's page: every hand-over in the group with items still needing a new owner. */
export function GroupHandoversPage(props: {
  group: { slug: string; name: string };
  open: HandoverListing[];
  earlier: HandoverListing[];
  day: string;
  mayReassign: boolean;
  /** Who may take an item over: the group's current participants. */
  people: ReadonlyArray<{ id: number; name: string }>;
  reassigned?: boolean;
}) {
  const { group } = props;
  return (
    <Layout title={`Needing a new owner: ${group.name}`} path={`/groups/${group.slug}`}>
      <h1>Needing a new owner: {group.name}</h1>
      <p>
        Open items whose owner's role in <a href={`/groups/${group.slug}`}>{group.name}</a> has ended, as of{" "}
        <OnDay day={props.day} />. Source: the group's meetings and votes in Guildhall. Also as{" "}
        <a href={`/api/groups/${group.slug}/handovers`}>JSON</a>.
      </p>
      {props.reassigned && (
        <p role="status" class="notice">
          The item has its new owner.
        </p>
      )}
      {props.open.length === 0 && <p>Nothing needs a new owner.</p>}
      {props.open.map((h) => (
        <Section
          id={`handover-${h.id}`}
          title={
            <>
              {h.person.name}: {causeWords(h)} on <OnDay day={h.endedOn} />
            </>
          }
        >
          <p>
            <a href={`/handovers/${h.id}`}>{h.person.name}'s hand-over</a>
          </p>
          <Note handover={h} />
          <ul>
            {h.items.map((i) => (
              <li>
                <ItemLine item={i} />
                {i.state === "needs-owner" && props.mayReassign && (
                  <Form
                    action={`/groups/${group.slug}/handovers/items/${i.id}/reassign`}
                    submit="Give it a new owner"
                    submitLabel={`Give it a new owner: ${i.title}`}
                    label={`New owner of ${i.title}`}
                    fields={[
                      {
                        name: "personId",
                        label: `New owner of “${i.title}”`,
                        kind: "select",
                        required: true,
                        options: props.people
                          .filter((p) => p.id !== h.person.id)
                          .map((p) => ({ value: String(p.id), label: p.name })),
                      },
                    ]}
                  />
                )}
              </li>
            ))}
          </ul>
        </Section>
      ))}
      {props.earlier.length > 0 && (
        <Section id="earlier" title="Handed over">
          <ul>
            {props.earlier.map((h) => (
              <li>
                <a href={`/handovers/${h.id}`}>
                  {h.person.name}, {causeWords(h)} on <OnDay day={h.endedOn} />
                </a>{" "}
                ({h.items.length} {h.items.length === 1 ? "item" : "items"})
              </li>
            ))}
          </ul>
        </Section>
      )}
    </Layout>
  );
}

/** One person's hand-over: their items and the note form (for them). */
export function HandoverPage(props: {
  handover: HandoverListing;
  mayWrite: boolean;
  saved?: boolean;
  groupLink: boolean;
}) {
  const h = props.handover;
  return (
    <Layout title={`Hand-over: ${h.person.name}, ${h.group.name}`} path={`/handovers/${h.id}`}>
      <h1>
        Hand-over: {h.person.name}, {h.group.name}
      </h1>
      <p>
        {h.person.name}'s roles in <a href={`/groups/${h.group.slug}`}>{h.group.name}</a> ended on{" "}
        <OnDay day={h.endedOn} /> ({causeWords(h)}: {h.reason}). Source: Guildhall's role records.
        {props.groupLink && (
          <>
            {" "}
            <a href={`/groups/${h.group.slug}/handovers`}>Everything needing a new owner in {h.group.name}</a>
            .
          </>
        )}
      </p>
      {props.saved && (
        <p role="status" class="notice">
          Your note is saved with the items.
        </p>
      )}
      <Section id="items" title={<>Open items ({h.needingOwner} needing a new owner)</>}>
        <ItemList items={h.items} empty="Nothing was open." item={(i) => <ItemLine item={i} />} />
      </Section>
      <Section id="note" title="Hand-over note">
        <Note handover={h} />
        {props.mayWrite && (
          <Form
            action={`/handovers/${h.id}/note`}
            submit={h.note === null ? "Save the note" : "Replace the note"}
            fields={[
              {
                name: "note",
                label: "What is in flight, and who to talk to",
                kind: "textarea",
                required: true,
                value: h.note ?? "",
                attrs: { maxlength: 5000, rows: 6 },
                hint: "The group's Chair sees it with the items; so does the Board.",
              },
            ]}
          />
        )}
      </Section>
    </Layout>
  );
}
