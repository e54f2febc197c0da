/**
 * The OpenAPI 3.1 document, generated from the declared routes: every `/api/` route with its
 * parameters, request body and responses from the same zod schemas that validate and describe
 * them (zod's `z.toJSONSchema`), so the document cannot drift from the code.
 */
import { z } from "zod";
import { declaredRoutes, type RouteDefinition } from "./route.ts";

/** The error shape of every API error response. */
export const ApiErrorSchema = z.object({
  error: z.object({
    code: z.string(),
    message: z.string(),
    issues: z
      .array(
        z.object({
          field: z.string(),
          message: z.string(),
          choices: z
            .object({
              field: z.string().describe("The field to send one of the values in."),
              options: z.array(z.object({ value: z.string(), label: z.string() })),
            })
            .optional()
            .describe("When the value was ambiguous (a name several people share): the possible values."),
        }),
      )
      .optional(),
  }),
});

/** The document's title and introduction. */
export interface OpenApiInfo {
  title: string;
  version: string;
  description: string;
}

type JsonObject = Record<string, unknown>;

const ERROR_TEXT: Record<number, string> = {
  400: "The request body could not be read (not JSON, or not well-formed).",
  401: "Not signed in: send `Authorization: Bearer <token>`.",
  403: "The policy refuses this viewer, or the token lacks the scope.",
  404: "Nothing found for the path's parameters.",
  409: "The request conflicts with the current state.",
  413: "The request body is larger than the server accepts.",
  422: "A field is invalid; `issues` names it.",
  429: "Too many requests; `Retry-After` says when to try again.",
};

/** `/api/votes/:id` -> `/api/votes/{id}` (a Hono pattern `:file{...}` too). */
export function openApiPath(path: string): string {
  return path.replace(/:(\w+)(\{[^}]*\})?/g, "{$1}");
}

function defaultOperationId(method: string, path: string): string {
  const words = `${method.toLowerCase()} ${path.replace(/^\/api\//, "")}`
    .replace(/[{}:]/g, "")
    .split(/[^A-Za-z0-9]+/)
    .filter(Boolean);
  return words.map((w, i) => (i === 0 ? w : `${w[0]?.toUpperCase()}${w.slice(1)}`)).join("");
}

function capitalized(s: string): string {
  return `${s[0]?.toUpperCase() ?? ""}${s.slice(1)}`;
}

function inlineSchema(schema: z.ZodType, io: "input" | "output"): JsonObject {
  const out = z.toJSONSchema(schema, { io, unrepresentable: "any" }) as JsonObject;
  delete out.$schema;
  return out;
}

/** Path or query parameters from an object schema's properties. */
function parametersOf(schema: z.ZodType | undefined, where: "path" | "query"): JsonObject[] {
  if (!schema) return [];
  const json = inlineSchema(schema, "input");
  const properties = (json.properties ?? {}) as Record<string, JsonObject>;
  const required = new Set((json.required ?? []) as string[]);
  return Object.entries(properties).map(([name, property]) => {
    const { description, ...rest } = property;
    return {
      name,
      in: where,
      required: where === "path" || required.has(name),
      ...(typeof description === "string" ? { description } : {}),
      schema: rest,
    };
  });
}

/** Named schemas, converted together so that they refer to each other by $ref. */
class Components {
  private readonly names = new Map<z.ZodType, string>();
  private readonly taken = new Set<string>();

  constructor(private readonly io: "input" | "output") {}

  /** The $ref of `schema`, registering it under `name` the first time. */
  ref(schema: z.ZodType, name: string): JsonObject {
    let registered = this.names.get(schema);
    if (!registered) {
      registered = name;
      for (let n = 2; this.taken.has(registered); n++) registered = `${name}${n}`;
      this.names.set(schema, registered);
      this.taken.add(registered);
    }
    return { $ref: `#/components/schemas/${registered}` };
  }

  /** The JSON schemas of every registered schema, by name. */
  build(): Record<string, JsonObject> {
    const registry = z.registry<{ id: string }>();
    for (const [schema, id] of this.names) registry.add(schema, { id });
    const out = z.toJSONSchema(registry, {
      io: this.io,
      unrepresentable: "any",
      uri: (id) => `#/components/schemas/${id}`,
    }) as { schemas: Record<string, JsonObject> };
    for (const s of Object.values(out.schemas)) {
      delete s.$schema;
      delete s.$id;
    }
    return out.schemas;
  }
}

function operationOf(
  method: string,
  path: string,
  d: RouteDefinition,
  requests: Components,
  responses: Components,
): JsonObject {
  const operationId = d.operationId ?? defaultOperationId(method, path);
  const errorRef = responses.ref(ApiErrorSchema, "ApiError");
  const errorResponse = (description: string) => ({
    description,
    content: { "application/json": { schema: errorRef } },
  });
  const out: Record<string, JsonObject> = {};
  const success = d.response;
  const status = String(success?.status ?? 200);
  if (success?.schema) {
    out[status] = {
      description: success.description,
      content: {
        [success.mediaType ?? "application/json"]: {
          schema: responses.ref(success.schema, success.name ?? `${capitalized(operationId)}Response`),
        },
      },
    };
  } else {
    out[status] = {
      description: success?.description ?? "Done.",
      ...(success?.mediaType ? { content: { [success.mediaType]: { schema: { type: "string" } } } } : {}),
    };
  }
  const statuses = new Set<number>(Object.keys(d.errors).map(Number));
  if (d.params) statuses.add(404);
  if (d.query || d.body) statuses.add(422);
  if (d.body?.kind === "json") statuses.add(400);
  if (d.body) statuses.add(413);
  if (d.actions.length > 0) {
    statuses.add(401);
    statuses.add(403);
  }
  for (const code of [...statuses].sort((a, b) => a - b)) {
    out[String(code)] = errorResponse(d.errors[code] ?? ERROR_TEXT[code] ?? "Refused.");
  }
  const parameters = [...parametersOf(d.params, "path"), ...parametersOf(d.query, "query")];
  const scopes = [...new Set(d.scopes)];
  const actions = d.actions.length
    ? `\n\nAuthorised by the policy action${d.actions.length > 1 ? "s" : ""} ${d.actions.map((a) => `\`${a}\``).join(" or ")} (token scope ${scopes.map((s) => `\`${s}\``).join(" or ")}).`
    : "";
  const description = `${d.description ?? ""}${actions}`.trim();
  return {
    operationId,
    summary: d.summary ?? "",
    ...(description ? { description } : {}),
    ...(d.actions.length > 0
      ? { security: [{ bearerAuth: [] }], "x-policy-actions": [...d.actions], "x-token-scopes": scopes }
      : {}),
    ...(parameters.length ? { parameters } : {}),
    ...(d.body
      ? {
          requestBody: {
            required: d.body.kind === "json",
            content: {
              [d.body.kind === "json" ? "application/json" : "application/x-www-form-urlencoded"]: {
                schema: requests.ref(d.body.schema, `${capitalized(operationId)}Request`),
              },
            },
          },
        }
      : {}),
    responses: out,
  };
}

/**
 * Builds the document from an application's routes. Throws when an `/api/` route was not declared:
 * every API route is documented, or the document is not served at all.
 */
export function buildOpenApiDocument(
  app: { routes: ReadonlyArray<{ method: string; path: string; handler: unknown }> },
  info: OpenApiInfo,
): JsonObject {
  const requests = new Components("input");
  const responses = new Components("output");
  const paths: Record<string, Record<string, JsonObject>> = {};
  for (const route of declaredRoutes(app)) {
    if (!route.path.startsWith("/api/")) continue;
    if (!route.definition) throw new Error(`${route.method} ${route.path} is not a declared route`);
    const path = openApiPath(route.path);
    paths[path] ??= {};
    const item = paths[path];
    if (item)
      item[route.method.toLowerCase()] = operationOf(
        route.method,
        path,
        route.definition,
        requests,
        responses,
      );
  }
  const requestSchemas = requests.build();
  const responseSchemas = responses.build();
  for (const name of Object.keys(requestSchemas)) {
    if (name in responseSchemas) throw new Error(`schema name ${name} is used for a request and a response`);
  }
  return {
    openapi: "3.1.0",
    info,
    paths,
    components: {
      schemas: { ...responseSchemas, ...requestSchemas },
      securitySchemes: {
        bearerAuth: {
          type: "http",
          scheme: "bearer",
          description: "A personal access token created on /account; its scopes limit what it may do.",
        },
      },
    },
  };
}
