/**
 * Pieces of a form that is re-shown with what was typed when a field is wrong: the error summary,
 * the attributes marking a field invalid, and the message next to it. The problems are the
 * `issues` of an AppError("validation"), whose `field` is the form field's name.
 */
import type { FieldIssue } from "../errors.ts";

/** The problems found in a submitted form, by field name. */
export type FormIssues = ReadonlyArray<FieldIssue>;

/** The first problem with `field`, if any. */
export function issueOf(issues: FormIssues | undefined, field: string): string | undefined {
  return issues?.find((i) => i.field === field)?.message;
}

/** Marks the input with id `id` invalid and points it at its message, when `field` has a problem. */
export function invalidAttrs(
  issues: FormIssues | undefined,
  field: string,
  id: string,
): Record<string, string> {
  return issueOf(issues, field) ? { "aria-invalid": "true", "aria-describedby": `${id}-error` } : {};
}

/** The message next to the input with id `id`, when `field` has a problem. */
export function FieldError(props: { issues: FormIssues | undefined; field: string; id: string }) {
  const problem = issueOf(props.issues, props.field);
  return problem ? (
    <span id={`${props.id}-error`} class="field-error">
      {problem}
    </span>
  ) : null;
}

/**
 * The summary above a form: what went wrong, one line per problem naming the field (by its label
 * when `label` knows it, linked to the input when `href` gives its anchor).
 */
export function ErrorSummary(props: {
  issues: FormIssues | undefined;
  intro?: string;
  label?: (field: string) => string;
  href?: (field: string) => string | undefined;
}) {
  const issues = props.issues ?? [];
  if (issues.length === 0) return null;
  return (
    <div class="error-summary" role="alert">
      {props.intro && <p>{props.intro}</p>}
      <ul>
        {issues.map((i) => {
          const name = props.label ? props.label(i.field) : i.field;
          const href = props.href?.(i.field);
          return (
            <li>
              {href ? <a href={href}>{name}</a> : name}: {i.message}
            </li>
          );
        })}
      </ul>
    </div>
  );
}
