/**
 * Parses one charter markdown file into a `ParsedCharter`. Pure and total: any input gives a result
 * that validates against `ParsedCharterSchema`; problems become `warnings`.
 *
 * Rules worth knowing:
 * - slug: `input.slug`, else the slug an export carries in its `<!-- guildhall-charter {...} -->`
 *   comment, else the file name of `path`, else the name slugified.
 * - status: `input.status`, else the folder (active, draft, archive/archived, proposals/proposed),
 *   else `unknown`.
 * - kind: the title ("... Team" -> team, "Working Group"/"WG" -> working-group; when both appear the
 *   last one wins, "Technical Team/WG" -> working-group); else the layout (`kindFromEvidence`);
 *   else working-group, as the README calls every group a working group unless it says otherwise.
 *   An export states its kind the same way, so no comment is needed for it.
 * - Vice-Chair counts as Co-Chair. A person given a Board Liaison role in any wording ("DSF Board
 *   President and board liaison") is a Board Liaison; a liaison to another group is an `other` role.
 * - missing: see `missingFields`.
 */
import type { Html, Root } from "mdast";
import { readBudget, readComms, readReporting } from "./comms.ts";
import { readDelegation } from "./delegation.ts";
import { readJoiningRules } from "./joining-rules.ts";
import { collapseSpace, displayText, joinPlainBlocks, parseMarkdownTree, plainOfLinked } from "./markdown.ts";
import { readMembership } from "./membership.ts";
import { titleCase } from "./people.ts";
import { readScope } from "./scope.ts";
import { outlineCharter } from "./sections.ts";
import { isPlaceholderText } from "./template-text.ts";
import {
  blankCharter,
  type GroupKind,
  type GroupStatus,
  type ParsedCharter,
  ParsedCharterSchema,
} from "./types.ts";

/** Input to `parseCharter`. */
export interface ParseCharterInput {
  markdown: string;
  /** Repository path such as `active/fellowship.md`; gives slug and status. */
  path?: string;
  slug?: string;
  status?: GroupStatus;
}

/**
 * Metadata an exported charter carries in an HTML comment: only the slug, which a charter printed to
 * stdout or served over HTTP has no file name to give. Kind is read from the export's own content and
 * warnings are never carried (they describe the source file, not the charter).
 */
export interface ExportMetadata {
  slug?: string;
}

/** The comment marker for export metadata. */
export const METADATA_MARKER = "guildhall-charter";

const METADATA_RE = new RegExp(`^<!--\\s*${METADATA_MARKER}\\s+(\\{.*\\})\\s*-->$`, "su");

function readMetadata(root: Root): ExportMetadata {
  const node = root.children.find((n): n is Html => n.type === "html" && METADATA_RE.test(n.value.trim()));
  if (!node) return {};
  try {
    const raw: unknown = JSON.parse(METADATA_RE.exec(node.value.trim())?.[1] ?? "{}");
    if (typeof raw !== "object" || raw === null) return {};
    const r = raw as Record<string, unknown>;
    return typeof r.slug === "string" && r.slug.trim() !== "" ? { slug: r.slug.trim() } : {};
  } catch {
    return {};
  }
}

/** Slug of a file path: its file name without `.md`. */
export function slugFromPath(path: string): string | null {
  const base = path.split(/[\\/]/u).pop() ?? "";
  const slug = base.replace(/\.(?:md|markdown)$/iu, "").trim();
  return slug === "" ? null : slug;
}

/** Status from the folder a charter sits in. */
export function statusFromPath(path: string | undefined): GroupStatus {
  if (!path) return "unknown";
  const parts = path.split(/[\\/]/u);
  const folder = (parts[parts.length - 2] ?? "").toLowerCase();
  if (folder === "active") return "active";
  if (folder === "draft" || folder === "drafts") return "draft";
  if (folder === "archive" || folder === "archived") return "archived";
  if (folder === "proposals" || folder === "proposal" || folder === "proposed") return "proposed";
  return "unknown";
}

function slugify(text: string): string {
  return text
    .normalize("NFKD")
    .toLowerCase()
    .replace(/[^a-z0-9]+/gu, "-")
    .replace(/^-+|-+$/gu, "");
}

/** Kind from the title alone, or null when the title does not say. */
export function kindFromTitle(title: string): GroupKind | null {
  const t = title.toLowerCase();
  const team = Math.max(t.lastIndexOf(" team"), t.startsWith("team") ? 0 : -1);
  const wgMatches = [...t.matchAll(/\bworking[- ]group\b|\bwg\b/gu)];
  const wg = wgMatches.length ? (wgMatches[wgMatches.length - 1]?.index ?? -1) : -1;
  if (team < 0 && wg < 0) return null;
  return team > wg ? "team" : "working-group";
}

/**
 * Kind from the layout when the title does not say: the team template marks the Board Liaison
 * "[Optional]", the working-group template requires one ("Board Liaison (must be an active Board
 * member ...)" without "[Optional]"); then other team-template wording (a Steering Council Liaison line,
 * "team/WG", "Steering Council-managed") -> team; else working-group.
 */
export function kindFromEvidence(markdown: string): GroupKind {
  if (/\\?\[optional\\?\]\s*(?:board|steering council) liaison/iu.test(markdown)) return "team";
  if (/^\s*[-*+]?\s*board liaison \(must be an active board member\b/imu.test(markdown))
    return "working-group";
  if (
    /^\s*[-*+]?\s*steering council liaison\b[^:\n]*:/imu.test(markdown) ||
    /\bteam\/wg\b/iu.test(markdown) ||
    /\bsteering council-managed\b/iu.test(markdown)
  ) {
    return "team";
  }
  return "working-group";
}

/**
 * Template fields that are absent or not filled in, with stable keys: name (no level-1 heading), scope,
 * chair, coChair, boardLiaison (working groups only), members, eligibility, howToJoin,
 * membershipModel, budget, channels, meetingCadence, reportingCadence.
 */
export function missingFields(c: Omit<ParsedCharter, "missing" | "warnings">, hasTitle: boolean): string[] {
  const missing: string[] = [];
  if (!hasTitle) missing.push("name");
  if (c.scope === null) missing.push("scope");
  if (c.roles.chair.length === 0) missing.push("chair");
  if (c.roles.coChair.length === 0) missing.push("coChair");
  if (c.kind === "working-group" && c.roles.boardLiaison.length === 0) missing.push("boardLiaison");
  if (c.members.length === 0) missing.push("members");
  if (c.eligibility === null) missing.push("eligibility");
  if (c.howToJoin === null) missing.push("howToJoin");
  if (c.membershipModel === null) missing.push("membershipModel");
  if (c.budget === null) missing.push("budget");
  if (c.channels.length === 0) missing.push("channels");
  if (c.meetingCadence === null) missing.push("meetingCadence");
  if (c.reportingCadence === null) missing.push("reportingCadence");
  return missing;
}

function parseUnsafe(input: ParseCharterInput): ParsedCharter {
  const markdown = typeof input.markdown === "string" ? input.markdown.replace(/\r\n?/gu, "\n") : "";
  const root = parseMarkdownTree(markdown);
  const meta = readMetadata(root);
  const outline = outlineCharter(root);
  const titleText = outline.title ? collapseSpace(displayText(outline.title)) : "";
  const hasTitle = titleText !== "";
  const pathSlug = input.path ? slugFromPath(input.path) : null;
  const slug =
    (input.slug?.trim() || undefined) ??
    meta.slug ??
    pathSlug ??
    (hasTitle ? slugify(titleText) : "") ??
    "charter";
  const safeSlug = slug === "" ? "charter" : slug;
  const name = hasTitle ? titleText : titleCase(safeSlug.replace(/[-_]+/gu, " ").trim()) || "Charter";
  const status = input.status ?? statusFromPath(input.path);
  const kind = kindFromTitle(titleText) ?? kindFromEvidence(markdown);

  const membership = readMembership(outline.sections);
  const scope = readScope(outline.sections);
  const scopeText = joinPlainBlocks(scope.blocks);
  const policy = readJoiningRules(outline.sections, membership.prose);
  const comms = readComms(outline.sections);
  const reportingCadence = readReporting(outline.sections, comms.meetingCadence);

  const core: Omit<ParsedCharter, "missing" | "warnings"> = {
    slug: safeSlug,
    name,
    kind,
    status,
    scope: isPlaceholderText(scopeText === null ? null : plainOfLinked(scopeText)) ? null : scopeText,
    roles: membership.roles,
    members: membership.members,
    alumni: membership.alumni,
    termMonths: policy.termMonths,
    termWindow: policy.termWindow,
    membershipModel: policy.membershipModel,
    appointedBy: policy.appointedBy,
    removalRule: policy.removalRule,
    eligibility: policy.eligibility,
    howToJoin: policy.howToJoin,
    budget: readBudget(outline.sections),
    channels: comms.channels,
    meetingCadence: comms.meetingCadence,
    reportingCadence,
    delegated: scope.delegated,
    boardActions: scope.boardActions,
    delegation: readDelegation(outline.sections, scope),
  };

  const warnings: string[] = [];
  const warn = (w: string) => {
    if (!warnings.includes(w)) warnings.push(w);
  };
  if (!hasTitle) warn("no level-1 heading: the name is taken from the file name");
  if (!outline.sections.some((s) => s.key === "membership")) warn("no membership section");
  for (const w of membership.warnings) warn(w);
  if (kind === "working-group" && core.roles.boardLiaison.length === 0)
    warn("working group has no Board Liaison");
  return { ...core, missing: missingFields(core, hasTitle), warnings };
}

function fallback(input: ParseCharterInput, error: unknown): ParsedCharter {
  const slug =
    (typeof input.slug === "string" && input.slug.trim()) ||
    (input.path && slugFromPath(input.path)) ||
    "charter";
  const c = blankCharter({
    slug,
    name: titleCase(slug.replace(/[-_]+/gu, " ")) || "Charter",
    kind: "working-group",
    status: input.status ?? statusFromPath(input.path),
  });
  const reason = error instanceof Error ? error.message : String(error);
  return { ...c, missing: missingFields(c, false), warnings: [`could not read the charter: ${reason}`] };
}

/** Parses a charter; never throws, always returns data that validates against `ParsedCharterSchema`. */
export function parseCharter(input: ParseCharterInput): ParsedCharter {
  try {
    const result = parseUnsafe(input);
    const checked = ParsedCharterSchema.safeParse(result);
    if (checked.success) return checked.data;
    return fallback(input, new Error(checked.error.issues[0]?.message ?? "invalid result"));
  } catch (e) {
    return fallback(input, e);
  }
}
