/**
 * What a pull request to the charter repository carries for a change: the charter file as it
 * would be after the change, and the unified diff from the file before (git's format, so
 * `git apply` takes it). Made with jsdiff (`diff` on npm); pure: imports nothing from platform/.
 */
import { createTwoFilesPatch, FILE_HEADERS_ONLY } from "diff";

/** The file and patch of one change. */
export interface ChangePatch {
  /** The path in the charter repository (`active/website.md`, `proposals/marketing.md`). */
  path: string;
  /** The whole file after the change. */
  markdown: string;
  /** The unified diff; empty when nothing changes. */
  diff: string;
}

/** Ends text with exactly one newline, as files in the repository do. */
const asFile = (text: string) => `${text.replace(/\r\n?/g, "\n").replace(/\n+$/, "")}\n`;

/**
 * The patch turning `before` into `after` at `path`; `before` null means a new file
 * (a proposal's first pull request), `renamedFrom` a move (a charter archived).
 */
export function changePatch(input: {
  path: string;
  before: string | null;
  after: string;
  renamedFrom?: string;
}): ChangePatch {
  const after = asFile(input.after);
  const before = input.before === null ? "" : asFile(input.before);
  const from = input.renamedFrom ?? input.path;
  if (before === after && from === input.path) return { path: input.path, markdown: after, diff: "" };
  const header = [`diff --git a/${from} b/${input.path}`];
  if (input.before === null) header.push("new file mode 100644");
  if (from !== input.path) header.push(`rename from ${from}`, `rename to ${input.path}`);
  const body =
    before === after
      ? ""
      : createTwoFilesPatch(
          input.before === null ? "/dev/null" : `a/${from}`,
          `b/${input.path}`,
          before,
          after,
          undefined,
          undefined,
          { context: 3, headerOptions: FILE_HEADERS_ONLY },
        ).replace(/^(---|\+\+\+) (\S+)\t?$/gm, "$1 $2");
  return { path: input.path, markdown: after, diff: `${header.join("\n")}\n${body}` };
}
