/** A group's annual report page: every section with its figure, its source and its lines. */
import { Layout } from "../../platform/http/layout.tsx";
import { ItemList, LinkedLineText } from "../../platform/view/list.tsx";
import { provenance, SourceNote } from "../../platform/view/provenance.tsx";
import { Section } from "../../platform/view/section.tsx";
import { OnDay } from "../../platform/view/time.tsx";
import type { AnnualReport } from "./annual-report.ts";

/** The annual report of one group and year, with links to the markdown and the neighbouring years. */
export function AnnualReportPage(props: { report: AnnualReport; firstYear: number; lastYear: number }) {
  const r = props.report;
  const base = `/groups/${r.group.slug}/annual`;
  return (
    <Layout title={`${r.group.name}: annual report ${r.year}`} path="/groups">
      <p>
        <a href={`/groups/${r.group.slug}`}>{r.group.name}</a> ·{" "}
        <a href={`/groups/${r.group.slug}/reports`}>Reports</a>
      </p>
      <h1>
        {r.group.name}: annual report {r.year}
      </h1>
      <p>
        Covers <OnDay day={r.from} /> to <OnDay day={r.to} />
        {r.partial ? (
          <>
            {" "}
            (the year so far, as of <OnDay day={r.asOf} />)
          </>
        ) : null}
        . Generated from the group's reports, meetings, decisions and membership changes recorded in
        Guildhall. Export: <a href={`${base}/${r.year}.md`}>markdown</a>.
      </p>
      <nav aria-label="Other years">
        <p>
          {r.year > props.firstYear && <a href={`${base}/${r.year - 1}`}>Annual report {r.year - 1}</a>}
          {r.year > props.firstYear && r.year < props.lastYear && " · "}
          {r.year < props.lastYear && <a href={`${base}/${r.year + 1}`}>Annual report {r.year + 1}</a>}
        </p>
      </nav>
      {r.sections.map((s) => (
        <Section id={`annual-${s.key}`} title={s.title}>
          <p>
            <strong>{s.summary}.</strong>
          </p>
          <SourceNote sources={[provenance(s.source, "computed", r.asOf)]} />
          <ItemList items={s.items} item={(i) => <LinkedLineText line={i} />} empty={s.empty} />
          {s.withheld && <p class="muted">{s.withheld}</p>}
        </Section>
      ))}
    </Layout>
  );
}
