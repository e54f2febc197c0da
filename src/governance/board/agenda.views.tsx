/** The agenda sections on the Board's page. */
import { Form } from "../../platform/view/form.tsx";
import { ItemList, LinkedLineText } from "../../platform/view/list.tsx";
import { Section } from "../../platform/view/section.tsx";
import { OnDay } from "../../platform/view/time.tsx";
import type { BoardMeetingRow } from "./board-meetings.repo.ts";
import type { BoardAgenda } from "./get-board-agenda.ts";

/** The Board's recorded meeting days, and the form recording one (for those who may). */
export function BoardMeetingsView(props: {
  meetings: readonly BoardMeetingRow[];
  today: string;
  mayRecord: boolean;
}) {
  return (
    <Section id="board-meetings" title="Board meetings">
      <p>
        The agenda covers what happened since the last Board meeting recorded here. Source: Board meeting days
        recorded in Guildhall.
      </p>
      <ItemList
        items={props.meetings}
        empty="No Board meeting recorded yet."
        item={(m) => (
          <>
            <OnDay day={m.heldOn} />
            {m.minutesUrl ? (
              <>
                {" "}
                (<a href={m.minutesUrl}>minutes</a>)
              </>
            ) : null}
            , recorded by {m.recordedBy}
          </>
        )}
      />
      {props.mayRecord && (
        <Form
          action="/board/meetings"
          submit="Record the Board meeting"
          label="Record a Board meeting"
          fields={[
            {
              name: "heldOn",
              label: "Day the Board met (UTC)",
              kind: "date",
              required: true,
              value: props.today,
              attrs: { max: props.today },
            },
            {
              name: "minutesUrl",
              label: "Minutes (https:// address, optional)",
              hint: "Where the minutes are published, when they are.",
              attrs: { maxlength: 500 },
            },
          ]}
        />
      )}
    </Section>
  );
}

/** Every agenda section with its source and its items, and the exports. */
export function AgendaView(props: { agenda: BoardAgenda }) {
  const a = props.agenda;
  return (
    <Section id="agenda" title="Agenda of the next Board meeting">
      <p>
        Covers <OnDay day={a.since} /> to <OnDay day={a.day} />: {a.coverage}
        {a.lastMeetingMinutesUrl ? (
          <>
            {" "}
            (<a href={a.lastMeetingMinutesUrl}>minutes</a>)
          </>
        ) : null}
        . Export:{" "}
        <a href={`/board/agenda.md${a.sinceSource === "given" ? `?since=${a.since}` : ""}`}>markdown</a>,{" "}
        <a href={`/api/board/agenda${a.sinceSource === "given" ? `?since=${a.since}` : ""}`}>JSON</a>.
      </p>
      {a.sections.map((s) => (
        <Section id={`agenda-${s.key}`} title={s.title} level={3}>
          <p>
            Source: {s.source}, as of <OnDay day={a.day} />.
          </p>
          <ItemList items={s.items} item={(i) => <LinkedLineText line={i} />} empty={s.empty} />
        </Section>
      ))}
    </Section>
  );
}
