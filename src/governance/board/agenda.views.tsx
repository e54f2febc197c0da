/** The agenda sections on the Board's page. */
import { OnDay } from "../../platform/view/time.tsx";
import type { BoardAgenda } from "./get-board-agenda.ts";

/** Every agenda section with its source and its items, and the exports. */
export function AgendaView(props: { agenda: BoardAgenda }) {
  const a = props.agenda;
  return (
    <section aria-labelledby="agenda">
      <h2 id="agenda">Agenda of the next Board meeting</h2>
      <p>
        Covers <OnDay day={a.since} /> to <OnDay day={a.day} />
        {a.lastMeetingOn
          ? " (from the last Board meeting)"
          : " (no Board meeting recorded: the last 31 days)"}
        . Export:{" "}
        <a href={`/board/agenda.md${a.lastMeetingOn ? `?since=${a.lastMeetingOn}` : ""}`}>markdown</a>,{" "}
        <a href="/api/board/agenda">JSON</a>.
      </p>
      {a.sections.map((s) => (
        <section aria-labelledby={`agenda-${s.key}`}>
          <h3 id={`agenda-${s.key}`}>{s.title}</h3>
          <p>
            Source: {s.source}, as of <OnDay day={a.day} />.
          </p>
          {s.items.length === 0 ? (
            <p>{s.empty}</p>
          ) : (
            <ul>
              {s.items.map((i) => (
                <li>
                  {i.href ? <a href={i.href}>{i.text}</a> : i.text}
                  {i.facts.length > 0 && ` (${i.facts.join("; ")})`}
                </li>
              ))}
            </ul>
          )}
        </section>
      ))}
    </section>
  );
}
