import type { Child } from "hono/jsx";

/** Props of a list of records: the records, how one is shown, and what to say when there are none. */
export interface ItemListProps<T> {
  items: readonly T[];
  /** The content of one record's `<li>`. */
  item: (item: T, index: number) => Child;
  /** The words of the paragraph shown instead of the list when there are no records; without them, nothing is shown. */
  empty?: Child;
  /** A class for that paragraph, such as "muted". */
  emptyClass?: string;
  /** A class for the list (`<ul class>`). */
  class?: string;
}

/**
 * A bulleted list (`<ul>`) with one `<li>` per record, or, when there are none, a paragraph saying
 * so, so a page never shows an empty list.
 */
export function ItemList<T>(props: ItemListProps<T>) {
  if (props.items.length === 0) return props.empty ? <p class={props.emptyClass}>{props.empty}</p> : null;
  return (
    <ul class={props.class}>
      {props.items.map((x, i) => (
        <li>{props.item(x, i)}</li>
      ))}
    </ul>
  );
}

/** One line of a summary: its words, the address of what they are about (or null), and short facts. */
export interface LinkedLine {
  text: string;
  href: string | null;
  facts: readonly string[];
}

/** A summary line as text: its words, linked when it has an address, then its facts in brackets. */
export function LinkedLineText(props: { line: LinkedLine }) {
  const l = props.line;
  return (
    <>
      {l.href ? <a href={l.href}>{l.text}</a> : l.text}
      {l.facts.length > 0 && ` (${l.facts.join("; ")})`}
    </>
  );
}
