/**
 * Parses one charter file, never throwing: a charter the parser cannot handle still becomes a
 * minimal ParsedCharter (name from the first heading, no people) carrying the failure as a warning,
 * so an import stores the group and shows what went wrong instead of stopping.
 */
import { parseCharter, slugFromPath, statusFromPath } from "../charter/parse-charter.ts";
import { blankCharter, type ParsedCharter, ParsedCharterSchema } from "../charter/types.ts";

/** Parses `markdown` found at repository path `path` ("active/ai.md"). */
export function parseCharterFile(input: { markdown: string; path: string }): ParsedCharter {
  const slug = slugFromPath(input.path) ?? input.path;
  const status = statusFromPath(input.path);
  try {
    const parsed = parseCharter({ markdown: input.markdown, path: input.path, slug, status });
    const checked = ParsedCharterSchema.safeParse(parsed);
    if (checked.success) return checked.data;
    const issue = checked.error.issues[0];
    return fallbackCharter(
      input.markdown,
      slug,
      status,
      `parser output invalid at ${issue?.path.join(".") ?? "?"}: ${issue?.message ?? "?"}`,
    );
  } catch (e) {
    return fallbackCharter(
      input.markdown,
      slug,
      status,
      `could not parse: ${e instanceof Error ? e.message : String(e)}`,
    );
  }
}

function fallbackCharter(
  markdown: string,
  slug: string,
  status: ParsedCharter["status"],
  warning: string,
): ParsedCharter {
  const heading = /^#\s+(.+)$/m.exec(markdown)?.[1]?.trim();
  return {
    ...blankCharter({
      slug,
      name: heading && heading.length > 0 ? heading : slug,
      kind: /\bteam\b/i.test(heading ?? "") ? "team" : "working-group",
      status,
    }),
    warnings: [warning],
  };
}
