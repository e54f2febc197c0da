import type { Child } from "hono/jsx";

/** One column of a table given by column definitions. */
export interface Column<R> {
  /** The column's header cell (`<th scope="col">`). */
  header: Child;
  /** The cell of one row. */
  cell: (row: R, index: number) => Child;
  /** Figures: right-aligned with digits of equal width (class `num` on the header and the cells). */
  numeric?: boolean;
  /** The cell names its row: rendered as `<th scope="row">`. */
  rowHeader?: boolean;
}

/** Rows of a table that belong together, under a heading row (`<th scope="rowgroup">`). */
export interface RowGroup<R> {
  heading: Child;
  rows: readonly R[];
}

/** Props of a data table: its caption, and either its rows as children (thead, tbody) or columns and rows. */
export interface TableProps<R = never> {
  /** What the table holds; also the name of its scrolling box. */
  caption: string;
  /** A class for the caption, such as "visually-hidden" when a heading already names the table. */
  captionClass?: string;
  /** Ids of elements that describe the table (`aria-describedby`). */
  describedBy?: string;
  /** Column definitions; with `rows`, the table writes its own head and body. */
  columns?: readonly Column<R>[];
  rows?: readonly R[];
  /** Instead of `rows`: rows in groups, each its own `<tbody>` headed by a row naming the group. */
  groups?: readonly RowGroup<R>[];
  /** A class for each body row (`<tr class>`), from the row. */
  rowClass?: (row: R) => string | undefined;
  /** Hand-written head and body, for tables whose rows are not one record each. */
  children?: Child;
  /** With `rows`: the words of the paragraph shown instead of the table when there are none. */
  empty?: Child;
  /** A class for that paragraph, such as "muted". */
  emptyClass?: string;
}

/**
 * A data table in a box that scrolls sideways when the table is wider than the page (a phone), so
 * the page itself never does. The box is a region named by the caption that a keyboard can focus,
 * so it can be scrolled without a pointer (axe's scrollable-region-focusable). Given `empty`, a
 * table without rows is a paragraph saying so instead. Given `groups`, each group is its own body.
 */
export function Table<R = never>(props: TableProps<R>) {
  const columns = props.columns;
  if (props.empty !== undefined && props.rows?.length === 0)
    return <p class={props.emptyClass}>{props.empty}</p>;
  return (
    <section class="table-scroll" aria-label={props.caption} tabindex={0}>
      <table aria-describedby={props.describedBy}>
        <caption class={props.captionClass}>{props.caption}</caption>
        {columns ? (
          <>
            <thead>
              <tr>
                {columns.map((c) => (
                  <th scope="col" class={c.numeric ? "num" : undefined}>
                    {c.header}
                  </th>
                ))}
              </tr>
            </thead>
            {props.groups ? (
              props.groups.map((g) => (
                <tbody>
                  <tr>
                    <th scope="rowgroup" colspan={columns.length}>
                      {g.heading}
                    </th>
                  </tr>
                  {g.rows.map((row, i) => (
                    <BodyRow row={row} index={i} columns={columns} rowClass={props.rowClass} />
                  ))}
                </tbody>
              ))
            ) : (
              <tbody>
                {(props.rows ?? []).map((row, i) => (
                  <BodyRow row={row} index={i} columns={columns} rowClass={props.rowClass} />
                ))}
              </tbody>
            )}
          </>
        ) : null}
        {props.children}
      </table>
    </section>
  );
}

/** One body row of a table given by columns: a cell per column, the row-header column as `<th>`. */
function BodyRow<R>(props: {
  row: R;
  index: number;
  columns: readonly Column<R>[];
  rowClass: ((row: R) => string | undefined) | undefined;
}) {
  const { row, index } = props;
  return (
    <tr class={props.rowClass?.(row)}>
      {props.columns.map((c) =>
        c.rowHeader ? (
          <th scope="row" class={c.numeric ? "num" : undefined}>
            {c.cell(row, index)}
          </th>
        ) : (
          <td class={c.numeric ? "num" : undefined}>{c.cell(row, index)}</td>
        ),
      )}
    </tr>
  );
}
