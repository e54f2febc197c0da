import { describe, expect, it } from "vitest";
import { type Column, Table } from "./table.tsx";

interface Row {
  name: string;
  count: number;
}

const COLUMNS: readonly Column<Row>[] = [
  { header: "Name", cell: (r) => r.name, rowHeader: true },
  { header: "Count", cell: (r) => r.count, numeric: true },
];

describe("the table component", () => {
  it("writes head and body from column definitions, with row headers and figures aligned", async () => {
    const html = String(
      await (
        <Table
          caption="Things"
          columns={COLUMNS}
          rows={[
            { name: "a", count: 1 },
            { name: "b", count: 20 },
          ]}
        />
      ),
    );
    expect(html).toBe(
      '<section class="table-scroll" aria-label="Things" tabindex="0"><table><caption>Things</caption>' +
        '<thead><tr><th scope="col">Name</th><th scope="col" class="num">Count</th></tr></thead>' +
        '<tbody><tr><th scope="row">a</th><td class="num">1</td></tr>' +
        '<tr><th scope="row">b</th><td class="num">20</td></tr></tbody></table></section>',
    );
  });

  it("writes a body per group of rows, each headed by a row spanning the columns", async () => {
    const html = String(
      await (
        <Table
          caption="Grouped"
          columns={COLUMNS}
          groups={[
            { heading: "First", rows: [{ name: "a", count: 1 }] },
            { heading: "Second", rows: [{ name: "b", count: 2 }] },
          ]}
        />
      ),
    );
    expect(html).toBe(
      '<section class="table-scroll" aria-label="Grouped" tabindex="0"><table><caption>Grouped</caption>' +
        '<thead><tr><th scope="col">Name</th><th scope="col" class="num">Count</th></tr></thead>' +
        '<tbody><tr><th scope="rowgroup" colspan="2">First</th></tr>' +
        '<tr><th scope="row">a</th><td class="num">1</td></tr></tbody>' +
        '<tbody><tr><th scope="rowgroup" colspan="2">Second</th></tr>' +
        '<tr><th scope="row">b</th><td class="num">2</td></tr></tbody></table></section>',
    );
  });

  it("says there is nothing instead of writing a table without rows", async () => {
    const none: Row[] = [];
    expect(
      String(await (<Table caption="Things" columns={COLUMNS} rows={none} empty="No things yet." />)),
    ).toBe("<p>No things yet.</p>");
    expect(
      String(
        await (<Table caption="Things" columns={COLUMNS} rows={none} empty="None." emptyClass="muted" />),
      ),
    ).toBe('<p class="muted">None.</p>');
    expect(String(await (<Table caption="Things" columns={COLUMNS} rows={none} />))).toContain(
      "<tbody></tbody>",
    );
  });

  it("keeps hand-written rows, the caption class and the description", async () => {
    const html = String(
      await (
        <Table caption="Hand" captionClass="visually-hidden" describedBy="note">
          <tbody>
            <tr>
              <td>x</td>
            </tr>
          </tbody>
        </Table>
      ),
    );
    expect(html).toBe(
      '<section class="table-scroll" aria-label="Hand" tabindex="0"><table aria-describedby="note">' +
        '<caption class="visually-hidden">Hand</caption><tbody><tr><td>x</td></tr></tbody></table></section>',
    );
  });
});
