/**
 * The one form component: labelled fields, the one CSRF field, and after a refused submission the
 * typed values with each problem beside its field (aria-invalid, aria-describedby). The summary of
 * problems at the top of the page is filled in by `renderPage`, linked to these fields.
 */
import type { Child } from "hono/jsx";
import type { FieldIssue } from "../errors.ts";
import { type FormValues, pageContext, type Refusal } from "./page-context.ts";

/** Name of the form field carrying the CSRF token (the auth middleware reads it). */
export const CSRF_FIELD_NAME = "_csrf";

/** The hidden CSRF field; every state-changing form carries it (the Form component adds it). */
export function CsrfField() {
  return <input type="hidden" name={CSRF_FIELD_NAME} value={pageContext().csrfToken} />;
}

/** How a field is shown. */
export type FieldKind =
  | "text"
  | "email"
  | "search"
  | "number"
  | "date"
  | "datetime-local"
  | "textarea"
  | "select"
  | "radios"
  | "checkboxes"
  | "checkbox"
  | "hidden";

/** One choice of a select, a radio group or a checkbox group. */
export interface FieldOption {
  value: string;
  label: Child;
}

/** One field of a form. */
export interface FieldSpec {
  /** The name sent; also what refusal issues name. */
  name: string;
  /** The label, in words (also used by the error summary). */
  label: string;
  kind?: FieldKind;
  /** The value shown before anything is typed (a refused submission shows what was typed instead). */
  value?: string | readonly string[] | null | undefined;
  options?: readonly FieldOption[];
  required?: boolean;
  /** A hint under the label, tied to the input by aria-describedby. */
  hint?: Child;
  /** Extra attributes of the input: min, max, maxlength, rows, autocomplete, size, readonly. */
  attrs?: Record<string, string | number | boolean | undefined>;
  /**
   * Suggestions for a text field, as a `<datalist>` filled by the server (it works without
   * JavaScript). With `from` (a JSON search route answering `?q=` with `{ suggestions: [{ value,
   * label }] }`), the page's small script refreshes the list as the person types.
   */
  suggest?: { options: readonly SuggestOption[]; from?: string };
}

/** One suggestion of a text field: the value it fills in, and words telling same-named entries apart. */
export interface SuggestOption {
  value: string;
  label?: string;
}

/** Where the script refreshing suggestions is served (platform routes). */
export const SUGGEST_SCRIPT_PATH = "/static/suggest.js";

/**
 * The id of a form's field: derived from the form's method and action, so the page summary can
 * link to it and a search form and a posting form to the same path never share ids.
 */
export function fieldId(action: string, name: string, method: "post" | "get" = "post"): string {
  const base = action.replace(/^\/+/u, "").replace(/[^A-Za-z0-9]+/gu, "-") || "root";
  return `${method === "get" ? "q" : "f"}-${base}-${name.replace(/[^A-Za-z0-9]+/gu, "-")}`;
}

function asList(v: string | readonly string[] | null | undefined): string[] {
  if (v === undefined || v === null) return [];
  return typeof v === "string" ? [v] : [...v];
}

function firstOf(v: string | readonly string[] | null | undefined): string {
  return asList(v)[0] ?? "";
}

/** The refusal for the form posting to `action`, if this request is re-showing it. */
function refusalFor(action: string, method: string): Refusal | null {
  const refusal = pageContext().refusal;
  return method === "post" && refusal && refusal.action === action ? refusal : null;
}

function Field(props: {
  spec: FieldSpec;
  action: string;
  method: "post" | "get";
  sent: FormValues | null;
  issues: readonly FieldIssue[];
}) {
  const f = props.spec;
  const kind = f.kind ?? "text";
  const id = fieldId(props.action, f.name, props.method);
  // A refused submission shows exactly what was sent: an unchecked box stays unchecked.
  const value = props.sent ? props.sent[f.name] : f.value;
  const problem = props.issues.find((i) => i.field === f.name)?.message;
  const describedBy = [f.hint ? `${id}-hint` : "", problem ? `${id}-error` : ""].filter(Boolean).join(" ");
  const aria = {
    ...(problem ? { "aria-invalid": "true" } : {}),
    ...(describedBy ? { "aria-describedby": describedBy } : {}),
  };
  const hint = f.hint ? (
    <span id={`${id}-hint`} class="hint">
      {f.hint}
    </span>
  ) : null;
  const error = problem ? (
    <span id={`${id}-error`} class="field-error">
      {problem}
    </span>
  ) : null;
  if (kind === "hidden") return <input type="hidden" name={f.name} value={firstOf(value)} />;
  const choices = props.issues.find((i) => i.field === f.name && i.choices)?.choices;
  if (kind === "radios" || kind === "checkboxes") {
    const chosen = new Set(asList(value));
    return (
      <fieldset id={id} {...aria}>
        <legend>{f.label}</legend>
        {hint}
        {error}
        {(f.options ?? []).map((o, n) => (
          <div class="choice">
            <input
              type={kind === "radios" ? "radio" : "checkbox"}
              id={`${id}-${n}`}
              name={f.name}
              value={o.value}
              checked={chosen.has(o.value)}
              required={kind === "radios" && f.required ? true : undefined}
            />
            <label for={`${id}-${n}`}>{o.label}</label>
          </div>
        ))}
      </fieldset>
    );
  }
  if (kind === "checkbox") {
    return (
      <div class="field choice">
        <input
          type="checkbox"
          id={id}
          name={f.name}
          value="1"
          checked={["1", "true", "on", "yes"].includes(firstOf(value))}
          {...aria}
          {...f.attrs}
        />
        <label for={id}>{f.label}</label>
        {hint}
        {error}
      </div>
    );
  }
  const suggest = f.suggest;
  const listId = suggest ? `${id}-list` : undefined;
  const common = {
    id,
    name: f.name,
    required: f.required ? true : undefined,
    ...aria,
    ...(suggest ? { list: listId, autocomplete: "off", "data-suggest": suggest.from } : {}),
    ...f.attrs,
  };
  return (
    <div class="field">
      <label for={id}>{f.label}</label>
      {hint}
      {kind === "textarea" ? (
        <textarea {...common}>{firstOf(value)}</textarea>
      ) : kind === "select" ? (
        <select {...common}>
          {(f.options ?? []).map((o) => (
            <option value={o.value} selected={firstOf(value) === o.value}>
              {o.label}
            </option>
          ))}
        </select>
      ) : (
        <input type={kind} value={firstOf(value)} {...common} />
      )}
      {suggest && (
        <datalist id={listId}>
          {suggest.options.map((o) => (
            <option value={o.value}>{o.label ?? ""}</option>
          ))}
        </datalist>
      )}
      {suggest?.from && <script src={SUGGEST_SCRIPT_PATH} defer />}
      {error}
      {choices && (
        <fieldset id={`${id}-choices`} class="choices">
          <legend>Which one do you mean?</legend>
          {choices.options.map((o, n) => (
            <div class="choice">
              <input
                type="radio"
                id={`${id}-choice-${n}`}
                name={choices.field}
                value={o.value}
                checked={props.sent ? firstOf(props.sent[choices.field]) === o.value : undefined}
              />
              <label for={`${id}-choice-${n}`}>{o.label}</label>
            </div>
          ))}
        </fieldset>
      )}
    </div>
  );
}

/** Props of the Form component. */
export interface FormProps {
  /** Where the form is sent; a refused submission to this path is re-shown in this form. */
  action: string;
  method?: "post" | "get";
  fields: readonly FieldSpec[];
  /** The submit button's text. */
  submit: Child;
  /** An accessible name for the submit button when its text alone is ambiguous (a row's "End"). */
  submitLabel?: string;
  /** An accessible name for the form (a search or filter form). */
  label?: string;
  class?: string;
  /** Content before the fields (an explanation). */
  children?: Child;
}

/**
 * A form: its fields with labels, hints and problems, the CSRF field when it posts, and the submit
 * button. After a refused submission to the same action, every field shows what was typed.
 */
export function Form(props: FormProps) {
  const method = props.method ?? "post";
  const refusal = refusalFor(props.action, method);
  if (refusal) for (const f of props.fields) if (f.kind !== "hidden") refusal.labels.set(f.name, f.label);
  return (
    <form method={method} action={props.action} class={props.class} aria-label={props.label}>
      {method === "post" && <CsrfField />}
      {props.children}
      {props.fields.map((spec) => (
        <Field
          spec={spec}
          action={props.action}
          method={method}
          sent={refusal?.values ?? null}
          issues={refusal?.issues ?? []}
        />
      ))}
      <button type="submit" aria-label={props.submitLabel}>
        {props.submit}
      </button>
    </form>
  );
}

/** A form that is only a button (revoke, confirm, close, sign out): it posts the CSRF field alone. */
export function ButtonForm(props: { action: string; submit: Child; submitLabel?: string; class?: string }) {
  return (
    <form method="post" action={props.action} class={props.class ?? "inline"}>
      <CsrfField />
      <button type="submit" aria-label={props.submitLabel}>
        {props.submit}
      </button>
    </form>
  );
}

/**
 * The summary of a refused submission, at the top of the page: each problem names its field by its
 * label and links to it; a refusal naming no field shows its message.
 */
export function ErrorSummary(props: { refusal: Refusal }) {
  const r = props.refusal;
  const named = r.issues.filter((i) => i.message);
  return (
    <div class="error-summary" role="alert" tabindex={-1} aria-labelledby="error-summary-title">
      <h2 id="error-summary-title">There is a problem</h2>
      {named.length === 0 ? (
        <p>{r.message}</p>
      ) : (
        <ul>
          {named.map((i) => {
            const label = r.labels.get(i.field);
            return (
              <li>
                {label ? (
                  <a href={`#${fieldId(r.action, i.field)}`}>
                    {label}: {i.message}
                  </a>
                ) : (
                  `${i.field}: ${i.message}`
                )}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
