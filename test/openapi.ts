/**
 * Reads the application's /api/openapi.json and checks bodies against it: the documented request
 * and response schemas, with their `$ref`s into components, compiled by a JSON Schema 2020-12
 * validator (OpenAPI 3.1's dialect).
 */
import { Ajv2020 } from "ajv/dist/2020.js";
import addFormats from "ajv-formats";
import type { Hono } from "hono";
import type { AppEnv } from "../src/platform/http/app.tsx";

/** One documented operation, as far as the tests read it. */
export interface OpenApiOperation {
  operationId: string;
  summary: string;
  security?: unknown[];
  parameters?: Array<{ name: string; in: string; required: boolean; schema: unknown }>;
  requestBody?: { content: Record<string, { schema: Record<string, unknown> }> };
  responses: Record<
    string,
    { description: string; content?: Record<string, { schema: Record<string, unknown> }> }
  >;
  "x-policy-actions"?: string[];
  "x-token-scopes"?: string[];
}

/** The document, as far as the tests read it. */
export interface OpenApiDocument {
  openapi: string;
  info: { title: string; version: string };
  paths: Record<string, Record<string, OpenApiOperation>>;
  components: { schemas: Record<string, unknown>; securitySchemes: Record<string, unknown> };
}

/** Fetches the document and returns it with a checker of bodies against its schemas. */
export async function loadOpenApi(app: Hono<AppEnv>) {
  const res = await app.request("/api/openapi.json");
  if (res.status !== 200) throw new Error(`/api/openapi.json: ${res.status}`);
  const doc = (await res.json()) as OpenApiDocument;
  const ajv = new Ajv2020({ strict: false, allErrors: true });
  addFormats.default(ajv);
  const compiled = new Map<string, ReturnType<typeof ajv.compile>>();
  /** The problems of `value` against a schema of the document (with its refs), or [] when it fits. */
  const problems = (schema: Record<string, unknown>, value: unknown): string[] => {
    const key = JSON.stringify(schema);
    let validate = compiled.get(key);
    if (!validate) {
      validate = ajv.compile({ ...schema, components: doc.components });
      compiled.set(key, validate);
    }
    return validate(value) ? [] : (validate.errors ?? []).map((e) => `${e.instancePath} ${e.message}`);
  };
  const operation = (method: string, route: string): OpenApiOperation | undefined =>
    doc.paths[route]?.[method.toLowerCase()];
  return {
    doc,
    problems,
    operation,
    /** Problems of a JSON response against the documented response of `status`. */
    responseProblems(method: string, route: string, status: number, body: unknown): string[] {
      const schema = operation(method, route)?.responses[String(status)]?.content?.["application/json"]
        ?.schema;
      if (!schema) return [`${method} ${route} documents no JSON response for ${status}`];
      return problems(schema, body);
    },
    /** Problems of a JSON request body against the documented request body. */
    requestProblems(method: string, route: string, body: unknown): string[] {
      const schema = operation(method, route)?.requestBody?.content["application/json"]?.schema;
      if (!schema) return [`${method} ${route} documents no JSON request body`];
      return problems(schema, body);
    },
  };
}
