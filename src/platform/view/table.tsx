import type { Child } from "hono/jsx";

/** Props of a data table: its caption and its rows (thead, tbody). */
export interface TableProps {
  /** What the table holds; also the name of its scrolling box. */
  caption: string;
  /** A class for the caption, such as "visually-hidden" when a heading already names the table. */
  captionClass?: string;
  /** Ids of elements that describe the table (`aria-describedby`). */
  describedBy?: string;
  children?: Child;
}

/**
 * A data table in a box that scrolls sideways when the table is wider than the page (a phone), so
 * the page itself never does. The box is a region named by the caption that a keyboard can focus,
 * so it can be scrolled without a pointer (axe's scrollable-region-focusable).
 */
export function Table(props: TableProps) {
  return (
    <section class="table-scroll" aria-label={props.caption} tabindex={0}>
      <table aria-describedby={props.describedBy}>
        <caption class={props.captionClass}>{props.caption}</caption>
        {props.children}
      </table>
    </section>
  );
}
