/**
 * Declared routes: each route states its method, path, input schemas (path parameters, query, form
 * or JSON body), the policy action that authorises it, and for the API its summary and response
 * schema. The declaration is the one source for validation at the edge, authorisation, the route
 * walk and the OpenAPI document. After Hono's validator pattern: the handler gets typed, validated
 * input and never reads raw parameters itself.
 *
 * Per request: path parameters (a bad one is a 404: nothing can be found by it) -> the policy
 * action on the resource the route names -> query and body (a bad field is a 422 naming it) ->
 * the handler. A form route names the page holding its form: a refused submission (a bad field,
 * or a 4xx the operation raised) re-shows that page with what was typed and the problems.
 */
import type { Context, Handler } from "hono";
import type { z } from "zod";
import { AppError, type FieldIssue, isAppError } from "../errors.ts";
import type { FormValues } from "../view/page-context.ts";
import { pageContext } from "../view/page-context.ts";
import type { AppEnv, Router } from "./app.tsx";
import { createRouter } from "./app.tsx";

/** The HTTP methods routes are declared with. */
export type Method = "get" | "post" | "put" | "patch" | "delete";

/** Methods that change state: each must name the policy action that authorises it. */
export const STATE_CHANGING: ReadonlySet<string> = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** A documented response of an API route. */
export interface ResponseDoc {
  /** The success status (default 200; 201 for a creation). */
  status?: number;
  description: string;
  /** The JSON body's schema; omitted for bodies that are not JSON (CSV, calendars). */
  schema?: z.ZodType;
  /** The name under components.schemas (default: the operation id + "Response"). */
  name?: string;
  /** The media type when it is not JSON. */
  mediaType?: string;
}

/** What a handler receives: validated input, and the actor and resource the policy decided on. */
export interface RouteInput<P, Q, B, R, Act> {
  params: P;
  query: Q;
  body: B;
  /** The actor the policy authorised (loaded for routes without an action too, on first use). */
  actor: () => Promise<Act>;
  /** The resource the route's action was decided on (the site when the route names none). */
  resource: R;
}

type Out<S> = S extends z.ZodType ? z.output<S> : Record<string, never>;

/** The policy a router's routes are authorised by: a room's actions, their scopes, its resources. */
export interface RoutePolicy<A extends string, R, Act> {
  /** The token scope each action needs (the one action table). */
  scopes: Readonly<Record<A, string>>;
  /** The resource of a route that names none. */
  site: R;
  /** Loads the request's actor (once per request). */
  actor(c: Context<AppEnv>): Promise<Act>;
  /**
   * Authorises the request for any one of `actions` on the resource `load` gives, or throws
   * 401/403 (the last action's refusal); returns the actor. The policy calls `load` only when the
   * answer depends on the resource, so an anonymous visitor gets the same "sign in" for an id that
   * exists and one that does not.
   */
  authorize(c: Context<AppEnv>, actions: readonly A[], load: () => Promise<R>): Promise<Act>;
}

/** One declared route. */
export interface RouteSpec<A extends string, R, Act, PS, QS, BS, RR extends R> {
  /** One line: what the route does (required under /api/, where it is the OpenAPI summary). */
  summary?: string;
  /** More words for the OpenAPI document. */
  description?: string;
  /** The OpenAPI operation id (default: from the method and path). */
  operationId?: string;
  params?: PS;
  query?: QS;
  /** A form body (urlencoded or multipart); repeated fields arrive as arrays. */
  form?: BS;
  /** A JSON object body; an empty body is `{}`. */
  json?: BS;
  /** The policy action authorising the route; several mean any one of them. Required to change state. */
  action?: A | readonly A[];
  /** Loads the resource the action is decided on, from the path parameters (default: the site). */
  resource?: (c: Context<AppEnv>, input: { params: Out<PS> }) => Promise<RR> | RR;
  /** The success response (documented for /api/ routes). */
  response?: ResponseDoc;
  /** Other documented outcomes, by status (errors carry the API error shape). */
  errors?: Partial<Record<number, string>>;
  /** For a form route: renders the page holding the form, to re-show it after a refusal. */
  page?: (c: Context<AppEnv>, input: { params: Out<PS>; query: Out<QS> }) => Promise<Response>;
  handler: (
    c: Context<AppEnv>,
    input: RouteInput<Out<PS>, Out<QS>, Out<BS>, RR, Act>,
  ) => Response | Promise<Response>;
}

/** What is known about a declared route, for the route walk and the OpenAPI document. */
export interface RouteDefinition {
  method: string;
  path: string;
  summary: string | undefined;
  description: string | undefined;
  operationId: string | undefined;
  /** Policy actions that authorise it (empty: public or checked by its handler alone). */
  actions: readonly string[];
  /** Token scopes of those actions. */
  scopes: readonly string[];
  params: z.ZodType | undefined;
  query: z.ZodType | undefined;
  body: { kind: "form" | "json"; schema: z.ZodType } | undefined;
  response: ResponseDoc | undefined;
  errors: Partial<Record<number, string>>;
  /** Whether a refused submission re-shows the page holding the form. */
  showsRefusedForm: boolean;
}

const definitions = new WeakMap<object, RouteDefinition>();

/** The declaration behind a route handler from `app.routes`, if it was declared. */
export function routeDefinitionOf(handler: unknown): RouteDefinition | undefined {
  return typeof handler === "function" ? definitions.get(handler) : undefined;
}

/** Every route of an application with its declaration (undefined for a route that was not declared). */
export function declaredRoutes(app: {
  routes: ReadonlyArray<{ method: string; path: string; handler: unknown }>;
}): Array<{ method: string; path: string; definition: RouteDefinition | undefined }> {
  const out: Array<{ method: string; path: string; definition: RouteDefinition | undefined }> = [];
  const seen = new Set<string>();
  for (const r of app.routes) {
    // Middleware (`app.use`) is registered as ALL on a wildcard path.
    if (r.method === "ALL" && r.path.endsWith("*")) continue;
    const key = `${r.method} ${r.path}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ method: r.method, path: r.path, definition: routeDefinitionOf(r.handler) });
  }
  return out;
}

function issuesOf(error: z.ZodError): FieldIssue[] {
  return error.issues.map((i) => ({
    field: i.path.length ? String(i.path[0]) : "",
    message: i.message,
  }));
}

function validation(what: string, error: z.ZodError): AppError {
  const issues = issuesOf(error).map((i) => ({ ...i, field: i.field || what }));
  const first = issues[0];
  return new AppError("validation", {
    message: `Invalid ${what}: ${first ? `${first.field}: ${first.message}` : "invalid input"}`,
    issues,
  });
}

/** Path parameters that fail their schema name nothing that exists: 404, naming the parameter. */
function parseParams(schema: z.ZodType | undefined, raw: Record<string, string>): unknown {
  if (!schema) return {};
  const parsed = schema.safeParse(raw);
  if (parsed.success) return parsed.data;
  const issues = issuesOf(parsed.error);
  const first = issues[0];
  const value = first ? raw[first.field] : undefined;
  throw new AppError("not_found", {
    message: `Nothing found for ${first?.field ?? "the path"} "${String(value ?? "").slice(0, 100)}": it ${first?.message ?? "is not valid"}.`,
    issues,
  });
}

async function readForm(c: Context<AppEnv>): Promise<FormValues> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  if (!type.startsWith("application/x-www-form-urlencoded") && !type.startsWith("multipart/form-data")) {
    return {};
  }
  let body: Record<string, unknown>;
  try {
    body = await c.req.parseBody({ all: true });
  } catch (cause) {
    throw new AppError("bad_request", { message: "The form body could not be read.", cause });
  }
  const values: FormValues = {};
  for (const [key, value] of Object.entries(body)) {
    if (key === "_csrf") continue;
    // Uploaded files are not taken anywhere: a file field counts as absent.
    const strings = (Array.isArray(value) ? value : [value]).filter(
      (v): v is string => typeof v === "string",
    );
    if (strings.length === 1 && !Array.isArray(value)) values[key] = strings[0] ?? "";
    else if (strings.length > 0) values[key] = strings;
  }
  return values;
}

async function readJson(c: Context<AppEnv>): Promise<unknown> {
  const type = (c.req.header("content-type") ?? "").toLowerCase();
  let text: string;
  try {
    text = await c.req.text();
  } catch (cause) {
    throw new AppError("bad_request", { message: "The request body could not be read.", cause });
  }
  if (text.trim() === "") return {};
  if (!type.includes("json")) {
    throw new AppError("bad_request", {
      message: "The request body must be JSON, sent with Content-Type: application/json.",
    });
  }
  let body: unknown;
  try {
    body = JSON.parse(text);
  } catch (cause) {
    throw new AppError("bad_request", { message: "The request body is not valid JSON.", cause });
  }
  if (typeof body !== "object" || body === null || Array.isArray(body)) {
    throw new AppError("validation", {
      message: "Invalid request body: must be a JSON object",
      issues: [{ field: "body", message: "must be a JSON object" }],
    });
  }
  return body;
}

function toList<A extends string>(action: A | readonly A[] | undefined): readonly A[] {
  if (action === undefined) return [];
  return typeof action === "string" ? [action] : action;
}

/** Re-shows the page holding a refused form, with what was typed and the problems, at the error's status. */
async function showRefusal(
  c: Context<AppEnv>,
  error: AppError,
  values: FormValues,
  render: () => Promise<Response>,
): Promise<Response> {
  const context = pageContext();
  context.refusal = {
    action: c.req.path,
    values,
    issues: error.issues,
    message: error.message,
    labels: new Map(),
  };
  let page: Response;
  try {
    page = await render();
  } finally {
    context.refusal = null;
  }
  const headers = new Headers(page.headers);
  headers.set("cache-control", "private, no-store");
  if (error.retryAfterSeconds !== undefined) headers.set("retry-after", String(error.retryAfterSeconds));
  return new Response(page.body, { status: error.status, headers });
}

/** True for refusals a form shows beside its fields; 401 goes to sign-in, 5xx to the error page. */
function isFormRefusal(e: unknown): e is AppError {
  return isAppError(e) && e.status >= 400 && e.status < 500 && e.code !== "unauthenticated";
}

/** Declares one route that may take a body (form or JSON). */
export type DeclareWithBody<A extends string, R, Act> = <
  PS extends z.ZodType | undefined = undefined,
  QS extends z.ZodType | undefined = undefined,
  BS extends z.ZodType | undefined = undefined,
  RR extends R = R,
>(
  path: string,
  spec: RouteSpec<A, R, Act, PS, QS, BS, RR>,
) => void;

/** A router whose routes are declared, authorised by a room's policy. */
export interface DeclaredRouter<A extends string, R, Act> {
  /** The Hono router to mount on the application. */
  readonly app: Router;
  get<
    PS extends z.ZodType | undefined = undefined,
    QS extends z.ZodType | undefined = undefined,
    RR extends R = R,
  >(path: string, spec: RouteSpec<A, R, Act, PS, QS, undefined, RR>): void;
  post: DeclareWithBody<A, R, Act>;
  put: DeclareWithBody<A, R, Act>;
  patch: DeclareWithBody<A, R, Act>;
  delete: DeclareWithBody<A, R, Act>;
}

/**
 * Creates a router whose routes are declared (see the module comment). Without a policy, routes
 * may not name an action (the platform's own routes: the stylesheet, health, the API document).
 */
export function createDeclaredRouter<A extends string, R, Act>(
  policy?: RoutePolicy<A, R, Act>,
): DeclaredRouter<A, R, Act> {
  const app = createRouter();

  function add(method: Method, path: string, spec: RouteSpec<A, R, Act, unknown, unknown, unknown, R>) {
    const actions = toList(spec.action);
    const upper = method.toUpperCase();
    if (spec.form && spec.json) throw new Error(`${upper} ${path}: declare a form or a JSON body, not both`);
    if (actions.length > 0 && !policy) throw new Error(`${upper} ${path}: names an action but has no policy`);
    if (path.startsWith("/api/") && !spec.summary)
      throw new Error(`${upper} ${path}: an API route needs a summary`);
    const bodySchema = (spec.form ?? spec.json) as z.ZodType | undefined;
    const handler: Handler<AppEnv> = async (c) => {
      const params = parseParams(
        spec.params as z.ZodType | undefined,
        c.req.param() as Record<string, string>,
      );
      let resource = policy?.site as R;
      let actor: Promise<Act> | undefined;
      if (policy && actions.length > 0) {
        const site = policy.site;
        const find = spec.resource;
        let loaded: Promise<R> | undefined;
        const load = () => {
          loaded ??= Promise.resolve(find ? find(c, { params: params as never }) : site);
          return loaded;
        };
        actor = policy.authorize(c, actions, load);
        await actor;
        resource = await load();
      }
      const lazyActor = () => {
        if (!policy) return Promise.reject(new Error(`${upper} ${path}: no policy to load an actor`));
        actor ??= policy.actor(c);
        return actor;
      };
      const querySchema = spec.query as z.ZodType | undefined;
      let query: unknown = {};
      if (querySchema) {
        const parsed = querySchema.safeParse(c.req.query());
        if (!parsed.success) throw validation("query", parsed.error);
        query = parsed.data;
      }
      const values: FormValues = spec.form ? await readForm(c) : {};
      const run = async () => {
        let body: unknown = {};
        if (bodySchema) {
          const raw = spec.form ? values : await readJson(c);
          const parsed = bodySchema.safeParse(raw);
          if (!parsed.success) throw validation(spec.form ? "form" : "request body", parsed.error);
          body = parsed.data;
        }
        return spec.handler(c, {
          params: params as never,
          query: query as never,
          body: body as never,
          actor: lazyActor,
          resource,
        });
      };
      const page = spec.page;
      if (!spec.form || !page) return run();
      try {
        return await run();
      } catch (e) {
        if (!isFormRefusal(e)) throw e;
        return showRefusal(c, e, values, () => page(c, { params: params as never, query: query as never }));
      }
    };
    definitions.set(handler, {
      method: upper,
      path,
      summary: spec.summary,
      description: spec.description,
      operationId: spec.operationId,
      actions,
      scopes: policy ? actions.map((a) => policy.scopes[a]) : [],
      params: spec.params as z.ZodType | undefined,
      query: spec.query as z.ZodType | undefined,
      body: bodySchema ? { kind: spec.form ? "form" : "json", schema: bodySchema } : undefined,
      response: spec.response,
      errors: spec.errors ?? {},
      showsRefusedForm: Boolean(spec.form && spec.page),
    });
    app.on(upper, path, handler);
  }

  const router = {
    app,
    get: (path: string, spec: never) => add("get", path, spec),
    post: (path: string, spec: never) => add("post", path, spec),
    put: (path: string, spec: never) => add("put", path, spec),
    patch: (path: string, spec: never) => add("patch", path, spec),
    delete: (path: string, spec: never) => add("delete", path, spec),
  };
  return router as unknown as DeclaredRouter<A, R, Act>;
}
