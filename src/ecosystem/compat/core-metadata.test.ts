/**
 * The header parser must agree with Python's own reading of core metadata: every real file in
 * ../shared/data/core-metadata and generated variants are parsed by Debian's /usr/bin/python3
 * (email.parser.HeaderParser, packaging.requirements.Requirement, packaging.specifiers) and
 * compared field by field.
 */
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import path from "node:path";
import fc from "fast-check";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { requirePythonModules } from "../../../test/prerequisites.ts";
import { sharedData } from "../../../test/shared-data.ts";
import { parseCoreMetadata, parseHeaderBlock } from "./core-metadata.ts";
import {
  type DeclaredVersions,
  EARLIER_DJANGO_SERIES,
  PYTHON_VERSIONS,
  readDeclaredVersions,
} from "./declared-versions.ts";
import { parseRequirement } from "./requirement.ts";

const DATA = sharedData("core-metadata");
const SERIES = [...EARLIER_DJANGO_SERIES, "4.2", "5.0", "5.1", "5.2", "6.0", "6.1", "6.2", "2028", "2029"];

const PY_SCRIPT = String.raw`
import json, re, sys
from email.parser import HeaderParser
from packaging.requirements import Requirement
from packaging.specifiers import SpecifierSet
series = json.loads(sys.argv[1])
pythons = json.loads(sys.argv[2])
def unfold(v): return re.sub(r'\r\n|\r|\n', '', v).strip()
out = []
for p in sys.argv[3:]:
    with open(p, encoding='utf-8', newline='') as f:
        text = f.read()
    msg = HeaderParser().parsestr(text)
    def all_(n): return [unfold(v) for v in (msg.get_all(n) or [])]
    def first(n):
        a = all_(n)
        return a[0] if a else None
    reqs = []
    django = []
    for r in all_('Requires-Dist'):
        q = Requirement(r)
        marker = str(q.marker) if q.marker else None
        reqs.append({'name': q.name, 'extras': sorted(q.extras), 'specifier': str(q.specifier),
                     'url': q.url, 'marker': marker})
        if q.name.lower() == 'django' and not (marker and re.search(r'(^|[\s(])extra\s', marker)):
            django.append(q)
    allowed = None
    if django:
        allowed = [s for s in series if any(q.url or q.specifier.contains(s) or q.specifier.contains(s + '.999') for q in django)]
    rp = first('Requires-Python')
    py_allowed = None
    if rp:
        ss = SpecifierSet(rp)
        py_allowed = [v for v in pythons if ss.contains(v) or ss.contains(v + '.999')]
    out.append({
        'path': p,
        'headers': [[k, v] for k, v in msg.items()],
        'body': msg.get_payload(),
        'name': first('Name'), 'version': first('Version'), 'metadataVersion': first('Metadata-Version'),
        'requiresPython': rp, 'classifiers': all_('Classifier'), 'requiresDist': all_('Requires-Dist'),
        'requirements': reqs, 'djangoAllowed': allowed, 'pythonAllowed': py_allowed,
    })
print(json.dumps(out))
`;

/** What the Python reference reads from one file: the header fields as DeclaredVersions names them, and more. */
interface PyResult
  extends Pick<
    DeclaredVersions,
    "name" | "version" | "metadataVersion" | "requiresPython" | "classifiers" | "requiresDist"
  > {
  path: string;
  headers: Array<[string, string]>;
  body: string;
  requirements: Array<{
    name: string;
    extras: string[];
    specifier: string;
    url: string | null;
    marker: string | null;
  }>;
  djangoAllowed: string[] | null;
  pythonAllowed: string[] | null;
}

/** Debian's Python with `packaging`; fails the test with the install command when it is missing. */
const python = () => requirePythonModules(["packaging"]);

function runPython(files: string[]): PyResult[] {
  const out = execFileSync(
    python(),
    ["-c", PY_SCRIPT, JSON.stringify(SERIES), JSON.stringify(PYTHON_VERSIONS), ...files],
    {
      encoding: "utf8",
      maxBuffer: 64 * 1024 * 1024,
    },
  );
  return JSON.parse(out) as PyResult[];
}

function compareWithPython(results: PyResult[]): void {
  for (const py of results) {
    const text = readFileSync(py.path, "utf8");
    const block = parseHeaderBlock(text);
    const label = path.basename(py.path);
    expect(
      block.headers.map((h) => [h.name, h.value]),
      `${label}: headers`,
    ).toEqual(py.headers);
    expect(block.body, `${label}: body`).toBe(py.body);
    const meta = parseCoreMetadata(text);
    expect(
      {
        name: meta.name,
        version: meta.version,
        metadataVersion: meta.metadataVersion,
        requiresPython: meta.requiresPython,
        classifiers: meta.classifiers,
        requiresDist: meta.requiresDist,
      },
      `${label}: fields`,
    ).toEqual({
      name: py.name,
      version: py.version,
      metadataVersion: py.metadataVersion,
      requiresPython: py.requiresPython,
      classifiers: py.classifiers,
      requiresDist: py.requiresDist,
    });
    expect(
      meta.requiresDist.map((r) => {
        const q = parseRequirement(r);
        return { name: q.name, extras: q.extras, specifier: q.specifier, url: q.url, marker: q.marker };
      }),
      `${label}: requirements`,
    ).toEqual(py.requirements);
    const declared = readDeclaredVersions({ metadata: meta, djangoSeries: SERIES });
    expect(declared.django.allowedByRequiresDist, `${label}: Django series allowed`).toEqual(
      py.djangoAllowed,
    );
    expect(declared.python.allowedByRequiresPython, `${label}: Python versions allowed`).toEqual(
      py.pythonAllowed,
    );
  }
}

/** Variants of a real file: folded lines, CRLF, odd spacing, repeated headers, markers, a Description header. */
function variantsOf(text: string): Record<string, string> {
  const lines = text.split("\n");
  const headerEnd = lines.indexOf("");
  const head = headerEnd < 0 ? lines : lines.slice(0, headerEnd);
  const tail = headerEnd < 0 ? "" : lines.slice(headerEnd).join("\n");
  const fold = head
    .map((l) =>
      /^(Classifier|Requires-Dist|Requires-Python|Summary): \S+ /.test(l)
        ? l.replace(/^([^:]+: \S+) /, "$1\n        ")
        : l,
    )
    .join("\n");
  const spacing = head
    .map((l) => l.replace(/^([A-Za-z-]+):\s*/, (_m, n: string) => `${n}:${n.length % 2 ? "\t" : "    "}`))
    .map((l) => (l.startsWith("Classifier") ? `${l}   ` : l))
    .join("\n");
  const extra = [
    "Requires-Dist: Django>=4.2,<6.0; python_version>='3.10'",
    'Requires-Dist: Django (>=3.2, <5.0) ; python_version<"3.10"',
    'Requires-Dist: django-storages[boto3, Azure]  >= 1.14 ; extra == "S3_Files" and (os_name == \'nt\' or sys_platform == "win32")',
    "Requires-Dist: Django ~= 5.2.0 ; extra == 'lts'",
    "requires-dist: sqlparse>=0.3,!=0.4.0,<1",
    "Requires-Dist: django-thing @ https://example.org/thing-1.0.tar.gz ; python_version >= '3.8'",
    "Classifier: Framework :: Django :: 5",
    "Classifier: Framework :: Django :: 6.0",
    "Classifier: Programming Language :: Python :: 3.13",
  ];
  const repeated = `${[...head, ...extra].join("\n")}${tail ? `\n${tail}` : ""}`;
  const description = `${head.join("\n")}\nDescription: First line of the description\n        second line\n        |third line, setuptools style\n\tfourth after a tab\n`;
  return {
    folded: `${fold}${tail ? `\n${tail}` : ""}`,
    crlf: text.replace(/\n/g, "\r\n"),
    spacing: `${spacing}${tail ? `\n${tail}` : ""}`,
    repeated,
    description,
    "no-trailing-newline": text.replace(/\n+$/, ""),
    "body-without-blank-line": `${head.join("\n")}\nThis line has no colon so it starts the body\nand this is more body\n`,
  };
}

/** Random header blocks: valid requirements and markers, folded at spaces, mixed line endings, odd names. */
const requirementArb = fc
  .record({
    name: fc.constantFrom(
      "Django",
      "django",
      "django-filter",
      "asgiref",
      "Pillow",
      "zope.interface",
      "my_pkg",
    ),
    extras: fc.constantFrom("", "[bcrypt]", "[a, B_c]"),
    spec: fc.constantFrom(
      "",
      ">=4.2",
      ">=4.2,<6.0",
      " (>=3.2, <5.0)",
      "~=5.2.0",
      "!=5.0.*,>=4.2",
      "==6.1a1",
      ">2.1, <= 2028",
    ),
    marker: fc.constantFrom(
      "",
      '; python_version < "3.10"',
      " ; extra == 'Test_Extra'",
      ';python_version>="3.8" and (os_name == "nt" or sys_platform != \'darwin\')',
      "; platform_python_implementation=='CPython'",
    ),
  })
  .map((r) => `${r.name}${r.extras}${r.spec}${r.marker}`);

const headerArb = fc.oneof(
  requirementArb.map((v) => ["Requires-Dist", v] as const),
  fc
    .constantFrom("4.2", "5", "6.0", "2028")
    .map((v) => ["Classifier", `Framework :: Django :: ${v}`] as const),
  fc
    .constantFrom("3.10", "3.14")
    .map((v) => ["Classifier", `Programming Language :: Python :: ${v}`] as const),
  fc
    .constantFrom(">=3.10", ">=2.7, !=3.0.*, !=3.1.*", "<4,>=3.8")
    .map((v) => ["Requires-Python", v] as const),
  fc.constantFrom("A summary: with a colon", "  spaced  ", "unicode é ✓").map((v) => ["Summary", v] as const),
  fc.constantFrom("X-Odd_Header", "Keywords").map((n) => [n, "django,web"] as const),
  requirementArb.map((v) => ["requires-dist", v] as const),
);

const blockArb = fc.record({
  headers: fc.array(fc.tuple(headerArb, fc.constantFrom("", " ", "\t", "   "), fc.nat(3)), {
    minLength: 1,
    maxLength: 12,
  }),
  eol: fc.constantFrom("\n", "\r\n"),
  fold: fc.constantFrom("\n ", "\n\t", "\n        "),
  body: fc.constantFrom("", "Body text\nmore\n", "Name: looks like a header but is body\n"),
});

type Block = typeof blockArb extends fc.Arbitrary<infer T> ? T : never;

function renderBlock(b: Block): string {
  const lines = ["Metadata-Version: 2.4", "Name: random-project", "Version: 1.0"];
  for (const [[name, value], pad, foldAt] of b.headers) {
    let v = value;
    // Fold at the foldAt-th space, when there is one (folding never splits a token).
    let seen = 0;
    v = v.replace(/ /g, (m: string) => (seen++ === foldAt ? b.fold.replace("\n", "\u0000") : m));
    lines.push(`${name}:${pad === "" ? " " : pad}${v}`);
  }
  const text = lines.join(b.eol).split("\u0000").join(b.eol);
  return `${text}${b.eol}${b.body ? `${b.eol}${b.body}` : ""}`;
}

describe("core metadata agrees with Python (email.parser + packaging)", () => {
  const files = readdirSync(DATA)
    .filter((f) => f !== "SOURCE.txt")
    .sort()
    .map((f) => path.join(DATA, f));
  let dir = "";
  beforeAll(() => {
    dir = mkdtempSync(path.join(tmpdir(), "guildhall-metadata-"));
  });
  afterAll(() => {
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  it("reads every real METADATA/PKG-INFO file exactly as Python does", () => {
    expect(files.length).toBeGreaterThanOrEqual(80);
    const results = runPython(files);
    expect(results).toHaveLength(files.length);
    compareWithPython(results);
    // Sanity: the comparison is not vacuous.
    const withDjango = results.filter((r) => r.djangoAllowed !== null);
    expect(withDjango.length).toBeGreaterThanOrEqual(5);
    // Some real files fold a header over many lines (a 1.x-style Description).
    expect(results.filter((r) => r.headers.some(([, v]) => v.includes("\n"))).length).toBeGreaterThanOrEqual(
      3,
    );
  });

  it("agrees on generated variants: folding, CRLF, spacing, repeated headers, markers, Description header", () => {
    const written: string[] = [];
    for (const f of files) {
      const text = readFileSync(f, "utf8");
      for (const [kind, variant] of Object.entries(variantsOf(text))) {
        const out = path.join(dir, `${path.basename(f)}.${kind}`);
        writeFileSync(out, variant);
        written.push(out);
      }
    }
    const results = runPython(written);
    compareWithPython(results);
    const repeated = results.filter((r) => r.path.endsWith(".repeated"));
    expect(repeated.every((r) => r.requirements.some((q) => q.marker?.includes('extra == "s3-files"')))).toBe(
      true,
    );
  });
});

describe("core metadata agrees with Python on random header blocks (fast-check)", () => {
  it("300 generated files read identically", () => {
    const dir = mkdtempSync(path.join(tmpdir(), "guildhall-metadata-fc-"));
    try {
      const samples = fc.sample(blockArb, { seed: 20261121, numRuns: 300 });
      const files = samples.map((b, i) => {
        const f = path.join(dir, `sample-${i}.METADATA`);
        writeFileSync(f, renderBlock(b));
        return f;
      });
      const results = runPython(files);
      compareWithPython(results);
      expect(results.some((r) => r.headers.some(([, v]) => /\r?\n/.test(v)))).toBe(true);
      expect(results.some((r) => r.requirements.some((q) => q.marker?.includes("extra")))).toBe(true);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

describe("header block reader", () => {
  it("keeps folded values as Python does and unfolds typed fields", () => {
    const text =
      "Metadata-Version: 2.1\nName: demo\nClassifier: Framework :: Django ::\n  4.2\nSummary: a  \n\nbody\n";
    const block = parseHeaderBlock(text);
    expect(block.headers[2]).toEqual({ name: "Classifier", value: "Framework :: Django ::\n  4.2" });
    expect(block.body).toBe("body\n");
    expect(parseCoreMetadata(text).classifiers).toEqual(["Framework :: Django ::  4.2"]);
    expect(parseCoreMetadata(text).summary).toBe("a");
  });

  it("reports a continuation line before any header as a defect and skips it", () => {
    const block = parseHeaderBlock("  stray\nName: x\n");
    expect(block.defects).toHaveLength(1);
    expect(block.headers).toEqual([{ name: "Name", value: "x" }]);
  });

  it("takes the Description header when there is no body", () => {
    const meta = parseCoreMetadata("Name: x\nDescription: one\n        two\n");
    expect(meta.description).toBe("one\n        two");
  });
});

describe("requirements", () => {
  it("writes markers and specifiers in packaging's canonical form", () => {
    const r = parseRequirement(
      "Django (<6.0, >=4.2) ; python_version<'3.10' and (extra=='A_B' or os_name == \"nt\")",
    );
    expect(r.specifier).toBe("<6.0,>=4.2");
    expect(r.marker).toBe('python_version < "3.10" and (extra == "a-b" or os_name == "nt")');
    expect(r.extraOnly).toBe(true);
  });

  it("rejects an invalid specifier with a message naming it", () => {
    expect(() => parseRequirement("Django >=> 4")).toThrow(/invalid version specifier/);
  });
});
