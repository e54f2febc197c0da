/**
 * Core metadata files (METADATA, PKG-INFO, metadata versions 1.0-2.4) read the way Python's
 * `email.parser.HeaderParser` with the compat32 policy reads them, so that every header value here
 * is byte-for-byte the value Python returns. Pure: imports nothing from platform/.
 */

/** One header as it appears in the file, in order; `value` keeps folded lines as Python does. */
export interface MetadataHeader {
  name: string;
  value: string;
}

/** A header block and its body, as read. */
export interface ParsedHeaderBlock {
  headers: MetadataHeader[];
  /** Everything after the blank line that ends the headers ("" when absent). */
  body: string;
  /** Lines that Python would also skip, with why (a continuation before any header, an empty name). */
  defects: string[];
}

/** The fields of core metadata Guildhall uses, with folded lines unfolded. */
export interface CoreMetadata {
  metadataVersion: string | null;
  name: string | null;
  version: string | null;
  summary: string | null;
  requiresPython: string | null;
  classifiers: string[];
  requiresDist: string[];
  /** Metadata 1.1 `Requires:` lines (module dependencies of the older format). */
  requires: string[];
  providesExtra: string[];
  projectUrls: Array<{ label: string; url: string }>;
  /** From the body, or from the `Description` header when there is no body. */
  description: string | null;
  /** Every header, as read. */
  headers: MetadataHeader[];
}

// Python's feedparser headerRE: "From ", a run of printable characters other than ":" ending in
// ":", or a line starting with white space (a continuation).
const HEADER_LINE = /^(From |[\x21-\x39\x3b-\x7e]*:|[\t ])/;

/** Splits text into lines that keep their endings, on \r\n, \r or \n (like Python's feedparser). */
function splitKeepingEnds(text: string): string[] {
  const out: string[] = [];
  const re = /\r\n|\r|\n/g;
  let last = 0;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    out.push(text.slice(last, m.index + m[0].length));
    last = m.index + m[0].length;
  }
  if (last < text.length) out.push(text.slice(last));
  return out;
}

/** Reads the header block and body of a core metadata file exactly as Python's compat32 parser does. */
export function parseHeaderBlock(text: string): ParsedHeaderBlock {
  const lines = splitKeepingEnds(text);
  const headerLines: string[] = [];
  let i = 0;
  for (; i < lines.length; i++) {
    const line = lines[i] as string;
    if (!HEADER_LINE.test(line)) {
      // A blank line separates headers from the body and is dropped; any other line starts the body.
      if (/^(\r\n|\r|\n)$/.test(line)) i++;
      break;
    }
    headerLines.push(line);
  }
  const body = lines.slice(i).join("");
  const headers: MetadataHeader[] = [];
  const defects: string[] = [];
  let current: string[] | null = null;
  const flush = () => {
    if (!current) return;
    const first = current[0] as string;
    const colon = first.indexOf(":");
    const name = first.slice(0, colon);
    const value = (first.slice(colon + 1).replace(/^[ \t]+/, "") + current.slice(1).join("")).replace(
      /[\r\n]+$/,
      "",
    );
    headers.push({ name, value });
    current = null;
  };
  headerLines.forEach((line, n) => {
    if (line[0] === " " || line[0] === "\t") {
      if (current) current.push(line);
      else defects.push(`line ${n + 1}: continuation line before any header`);
      return;
    }
    flush();
    if (line.startsWith("From ")) {
      defects.push(`line ${n + 1}: envelope line`);
      return;
    }
    if (line.indexOf(":") === 0) {
      defects.push(`line ${n + 1}: header without a name`);
      return;
    }
    current = [line];
  });
  flush();
  return { headers, body, defects };
}

/** RFC 822 unfolding: a line break followed by white space is removed, the white space kept; then trimmed. */
export function unfold(value: string): string {
  return value.replace(/\r\n|\r|\n/g, "").trim();
}

function all(headers: readonly MetadataHeader[], name: string): string[] {
  const key = name.toLowerCase();
  return headers.filter((h) => h.name.toLowerCase() === key).map((h) => unfold(h.value));
}

function first(headers: readonly MetadataHeader[], name: string): string | null {
  return all(headers, name)[0] ?? null;
}

/** Extracts the fields Guildhall uses from a core metadata file's text. */
export function parseCoreMetadata(text: string): CoreMetadata {
  const block = parseHeaderBlock(text);
  const h = block.headers;
  const descriptionHeader = h.find((x) => x.name.toLowerCase() === "description");
  return {
    metadataVersion: first(h, "Metadata-Version"),
    name: first(h, "Name"),
    version: first(h, "Version"),
    summary: first(h, "Summary"),
    requiresPython: first(h, "Requires-Python"),
    classifiers: all(h, "Classifier"),
    requiresDist: all(h, "Requires-Dist"),
    requires: all(h, "Requires"),
    providesExtra: all(h, "Provides-Extra"),
    projectUrls: all(h, "Project-URL").map((v) => {
      const comma = v.indexOf(",");
      return comma < 0
        ? { label: "", url: v }
        : { label: v.slice(0, comma).trim(), url: v.slice(comma + 1).trim() };
    }),
    description: block.body !== "" ? block.body : (descriptionHeader?.value ?? null),
    headers: h,
  };
}
