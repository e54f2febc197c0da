import type { Child } from "hono/jsx";

/** Props of a section of a page named by its heading. */
export interface SectionProps {
  /** The heading's id; the section is labelled by it (`aria-labelledby`), so ids must be unique on the page. */
  id: string;
  /** The heading's content. */
  title: Child;
  /** The heading's level: 2 (the default) under the page's `h1`, 3 inside another section. */
  level?: 2 | 3;
  /** A class for the section, such as "notice". */
  class?: string | undefined;
  children?: Child;
}

/**
 * A part of a page with a heading: `<section aria-labelledby>` named by its `<h2>` (or `<h3>`), so
 * screen readers list it as a region under the heading's words.
 */
export function Section(props: SectionProps) {
  const Heading = props.level === 3 ? "h3" : "h2";
  return (
    <section aria-labelledby={props.id} class={props.class}>
      <Heading id={props.id}>{props.title}</Heading>
      {props.children}
    </section>
  );
}
