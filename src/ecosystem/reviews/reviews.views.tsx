/** Review pages: the list (and the form to take one), one review, and the comparison of two. */
import type { Child } from "hono/jsx";
import { Layout, trustedSvg } from "../../platform/http/layout.tsx";
import { Form } from "../../platform/view/form.tsx";
import { ItemList } from "../../platform/view/list.tsx";
import { Table } from "../../platform/view/table.tsx";
import type { ReviewComparison } from "./compare-reviews.ts";
import type { StoredReview } from "./reviews.repo.ts";

type Head = Pick<StoredReview, "id" | "takenOn" | "takenAt" | "takenBy" | "title">;

/** `/reviews`. */
export function ReviewsPage(props: {
  reviews: Head[] /** Show the form taking a review (site admins). */;
  form?: boolean;
}): Child {
  const [latest, previous] = props.reviews;
  return (
    <Layout title="Ecosystem reviews" path="/packages">
      <h1>Ecosystem reviews</h1>
      <p>
        A review is a snapshot of the package catalogue's health on one day, stored as taken: Django and
        Python versions declared, age of the latest releases, health buckets, the most used packages at risk,
        the critical packages with a single owner and the time the most used packages took to support each
        Django release. Two reviews compare.
      </p>
      {latest && previous && (
        <p>
          <a href={`/reviews/${latest.id}/since/${previous.id}`}>
            What changed since the review before the latest
          </a>
        </p>
      )}
      <Table
        caption="Reviews, newest first"
        rows={props.reviews}
        columns={[
          { header: "Review", cell: (r) => <a href={`/reviews/${r.id}`}>{r.title}</a>, rowHeader: true },
          { header: "Day", cell: (r) => r.takenOn },
          { header: "Taken by", cell: (r) => r.takenBy },
          {
            header: "Exports",
            cell: (r) => (
              <>
                <a href={`/reviews/${r.id}.csv`}>CSV</a>, <a href={`/api/reviews/${r.id}`}>JSON</a>,{" "}
                <a href={`/reviews/${r.id}.md`}>markdown</a>
              </>
            ),
          },
        ]}
        empty="No review has been taken yet."
      />
      {props.form && (
        <Form
          action="/reviews"
          label="Take a review"
          submit="Take the review"
          fields={[
            { name: "title", label: "Title (optional)", attrs: { maxlength: 200 } },
            {
              name: "top",
              label: "Most used packages to look at",
              value: "200",
              attrs: { inputmode: "numeric" },
            },
          ]}
        >
          <h2>Take a review now</h2>
        </Form>
      )}
    </Layout>
  );
}

function Figure(props: { svg: string; caption: string }) {
  return (
    <figure class="chart">
      {trustedSvg(props.svg)}
      <figcaption>{props.caption}</figcaption>
    </figure>
  );
}

/** `/reviews/<id>`. */
export function ReviewPage(props: {
  review: StoredReview;
  charts: { django: string; recency: string; health: string; support: string | null };
  previousId: number | null;
}): Child {
  const r = props.review;
  const d = r.data;
  return (
    <Layout title={r.title} path="/packages">
      <p>
        <a href="/reviews">All reviews</a>
        {props.previousId !== null && (
          <>
            {" "}
            · <a href={`/reviews/${r.id}/since/${props.previousId}`}>Since the previous review</a>
          </>
        )}
      </p>
      <h1>{r.title}</h1>
      <p>
        Taken {r.takenAt.toISOString().slice(0, 16).replace("T", " ")} UTC by {r.takenBy}. Catalogue:{" "}
        {d.catalogue.packages.toLocaleString("en")} packages, {d.catalogue.synced.toLocaleString("en")} synced
        from an index (last sync {d.catalogue.lastSyncedAt?.slice(0, 10) ?? "never"}),{" "}
        {d.catalogue.ranked.toLocaleString("en")} ranked,{" "}
        {d.catalogue.withRepositorySignals.toLocaleString("en")} with repository signals. Figures about
        metadata count synced packages only; the others are unknown, not failing. Download as{" "}
        <a href={`/reviews/${r.id}.csv`}>CSV</a>, <a href={`/api/reviews/${r.id}`}>JSON</a> or{" "}
        <a href={`/reviews/${r.id}.md`}>markdown</a>.
      </p>
      <h2>Declared Django series</h2>
      <Figure
        svg={props.charts.django}
        caption="Synced packages whose latest release declares each series, and those judged to support it; the table below gives the numbers."
      />
      <Table
        caption="Django series"
        rows={d.djangoSeries}
        columns={[
          { header: "Series", cell: (s) => s.series, rowHeader: true },
          { header: "Declared by classifier", cell: (s) => s.declared },
          { header: "Judged yes", cell: (s) => s.judgedYes },
        ]}
      />
      <h2>Declared Python versions</h2>
      <ul>
        {d.pythonVersions.map((p) => (
          <li>
            Python {p.version}: {p.declared} synced packages
          </li>
        ))}
      </ul>
      <h2>Age of the latest release</h2>
      <Figure
        svg={props.charts.recency}
        caption={`Packages by the age of their latest release: ${d.recency.map((x) => `${x.bucket} ${x.packages}`).join(", ")}.`}
      />
      <h2>Health</h2>
      <Figure
        svg={props.charts.health}
        caption={`Packages by health bucket: ${Object.entries(d.healthBuckets)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}. Labels: ${Object.entries(d.labels)
          .map(([k, v]) => `${k} ${v}`)
          .join(", ")}.`}
      />
      <h2>At risk among the {d.top} most used</h2>
      <ItemList
        items={d.atRisk}
        empty={
          <>
            None among the {d.topSynced ?? 0} of them synced from an index; {d.top - (d.topSynced ?? 0)} were
            never synced, so their health is unknown.
          </>
        }
        item={(a) => (
          <>
            <a href={`/packages/${a.name}`}>{a.name}</a> (rank {a.rank ?? "none"}): {a.reasons.join("; ")}
          </>
        )}
      />
      <h2>Critical and sole-maintained</h2>
      <p>
        {d.critical.packages} packages carry 80% of the catalogue's estimated downloads. {d.critical.method}{" "}
        Of them, {d.critical.soleMaintained.length} have a single PyPI owner; the ownership of{" "}
        {d.critical.ownershipUnknown} is unknown (not synced).
      </p>
      {d.critical.soleMaintained.length > 0 && (
        <ul>
          {d.critical.soleMaintained.map((c) => (
            <li>
              <a href={`/packages/${c.name}`}>{c.name}</a> (rank {c.rank ?? "none"}): {c.owner}
            </li>
          ))}
        </ul>
      )}
      <h2>Time to support</h2>
      {props.charts.support === null ? (
        <p>No top package has a recorded release supporting a Django series yet.</p>
      ) : (
        <Figure
          svg={props.charts.support}
          caption="Median days from each Django final to the first release of each top package judged to support it; the table gives every figure."
        />
      )}
      <section class="table-scroll" aria-label="Time to support, every figure" tabindex={0}>
        <Table
          caption={`Days from each Django final to support among the ${d.top} most used`}
          rows={d.timeToSupport}
          columns={[
            { header: "Series", cell: (t) => t.series, rowHeader: true },
            { header: "Final", cell: (t) => t.final },
            { header: "Top packages synced", cell: (t) => t.considered },
            { header: "Not synced (unknown)", cell: (t) => t.notSynced },
            { header: "Supporting", cell: (t) => t.supported },
            { header: "Within 6 months", cell: (t) => t.within6Months },
            { header: "Median days", cell: (t) => t.medianDays ?? "unknown" },
          ]}
        />
      </section>
      <p class="muted">
        From the release declarations recorded ({d.timeToSupport[0]?.declarationsRecorded ?? 0} for these
        packages): the sync records each latest release, <code>guildhall packages backfill-declarations</code>{" "}
        reads older ones. Negative days: support declared before the final (during the pre-releases).
      </p>
      <h2>Suggested Django Developers Survey questions</h2>
      <ol>
        {r.questions.map((q) => (
          <li>
            <strong>{q.question}</strong> <span class="muted">{q.why}</span>
          </li>
        ))}
      </ol>
    </Layout>
  );
}

/** `/reviews/<id>/since/<other>`. */
export function ComparisonPage(props: {
  comparison: ReviewComparison;
  after: number;
  before: number;
}): Child {
  const c = props.comparison;
  return (
    <Layout title={`Since the review of ${c.from}`} path="/packages">
      <p>
        <a href={`/reviews/${props.after}`}>Back to the review of {c.to}</a> · also as{" "}
        <a href={`/api/reviews/${props.after}/since/${props.before}`}>JSON</a> or{" "}
        <a href={`/reviews/${props.after}/since/${props.before}.md`}>markdown</a>
      </p>
      <h1>
        Since the review of {c.from} (to {c.to})
      </h1>
      <Table
        caption="Figures of both reviews"
        rows={c.figures}
        columns={[
          { header: "Figure", cell: (f) => f.figure, rowHeader: true },
          { header: c.from, cell: (f) => f.before ?? "unknown" },
          { header: c.to, cell: (f) => f.after ?? "unknown" },
          { header: "Change", cell: (f) => f.change ?? "unknown" },
          { header: "Verdict", cell: (f) => f.verdict },
        ]}
      />
      <h2>Regressed ({c.regressed.length})</h2>
      <ul>
        {c.regressed.slice(0, 100).map((p) => (
          <li>
            <a href={`/packages/${p.name}`}>{p.name}</a>: {p.detail}
          </li>
        ))}
      </ul>
      <h2>Improved ({c.improved.length})</h2>
      <ul>
        {c.improved.slice(0, 100).map((p) => (
          <li>
            <a href={`/packages/${p.name}`}>{p.name}</a>: {p.detail}
          </li>
        ))}
      </ul>
      <p>
        Newly at risk: {c.newlyAtRisk.join(", ") || "none"}. No longer at risk:{" "}
        {c.noLongerAtRisk.join(", ") || "none"}.
      </p>
    </Layout>
  );
}
