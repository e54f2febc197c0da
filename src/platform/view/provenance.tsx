/**
 * "Source: X, as of Y": the one way pages, API objects and the command line say where a figure
 * comes from and when it was fetched or computed. A figure without a source is not shown as a fact.
 */
import { z } from "zod";

/** What `asOf` of a provenance can mean. */
export const PROVENANCE_KINDS = [
  "fetched",
  "computed",
  "imported",
  "snapshot",
  "loaded",
  "announced",
] as const;

/** What `asOf` of a provenance means. */
export type ProvenanceKind = (typeof PROVENANCE_KINDS)[number];

/** Where a figure comes from and when; the same object goes into API responses. */
export interface Provenance {
  /** The source in words ("PyPI sync run 12 of https://pypi.org", "snapshot packages-2026-11.tsv.gz"). */
  source: string;
  /** A link to the source, when it has one. */
  url: string | null;
  /** What `asOf` is: when the data was fetched, computed, imported, loaded, or the date a snapshot is of. */
  kind: ProvenanceKind;
  /** An ISO instant, day (YYYY-MM-DD) or month (YYYY-MM); null when not known. */
  asOf: string | null;
}

/** Builds a provenance (a small constructor so callers name every part). */
export function provenance(
  source: string,
  kind: ProvenanceKind,
  asOf: string | Date | null,
  url: string | null = null,
): Provenance {
  return { source, url, kind, asOf: asOf instanceof Date ? asOf.toISOString() : asOf };
}

/** An ISO instant as `2026-12-02 10:15 UTC`; days and months stay as they are. */
export function formatAsOf(asOf: string): string {
  const m = /^(\d{4}-\d{2}-\d{2})T(\d{2}:\d{2})/.exec(asOf);
  return m ? `${m[1]} ${m[2]} UTC` : asOf;
}

const AS_OF_WORDS: Record<ProvenanceKind, string> = {
  fetched: "fetched",
  computed: "computed",
  imported: "imported",
  snapshot: "as of",
  loaded: "loaded",
  announced: "announced",
};

/** The provenance as one phrase: `source: snapshot packages-2026-11.tsv.gz, as of 2026-11`. */
export function provenanceText(p: Provenance): string {
  const when = p.asOf === null ? "date unknown" : `${AS_OF_WORDS[p.kind]} ${formatAsOf(p.asOf)}`;
  return `source: ${p.source}, ${when}`;
}

/** One provenance inline, "X, as of Y": the source (linked when it has a URL) and its date in a `<time>`. */
export function SourceOf(props: { provenance: Provenance }) {
  const p = props.provenance;
  return (
    <span class="source">
      {p.url ? <a href={p.url}>{p.source}</a> : p.source},{" "}
      {p.asOf === null ? (
        "date unknown"
      ) : (
        <>
          {AS_OF_WORDS[p.kind]} <time datetime={p.asOf}>{formatAsOf(p.asOf)}</time>
        </>
      )}
    </span>
  );
}

/** A note under a figure or table: "Source: X, as of Y." or "Sources: …; …." (nothing when there is none). */
export function SourceNote(props: { sources: ReadonlyArray<Provenance>; label?: string }) {
  if (props.sources.length === 0) return null;
  return (
    <p class="muted source-note">
      {props.label ?? (props.sources.length === 1 ? "Source" : "Sources")}:{" "}
      {props.sources.map((p, i) => (
        <>
          {i > 0 && "; "}
          <SourceOf provenance={p} />
        </>
      ))}
      .
    </p>
  );
}

/** The JSON shape of a provenance, for API schemas (and the OpenAPI document built from them). */
export const ProvenanceSchema = z.object({
  source: z.string(),
  url: z.string().nullable(),
  kind: z.enum(PROVENANCE_KINDS),
  asOf: z.string().nullable(),
});
