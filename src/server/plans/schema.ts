// Input schemas of the plans resource (.strict(): nothing is mass-assigned), and the JSON
// Schemas shown in the OpenAPI document. Plan bodies are checked by validatePlan, which
// reports every error with its path; these cover params, query and headers.
import { z } from "zod";
import { planSchema } from "../../domain/plan/schema.js";
import { PLAN_STATUSES } from "../../store/plans-repo.js";

const lang = z.enum(["id", "en"]).optional();
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const intParam = (min: number, max: number) => z.preprocess(emptyAsUndefined, z.coerce.number().int().min(min).max(max).optional());

export const langQuery = z.strictObject({ lang });

export const listQuery = z.strictObject({
  q: z.preprocess(emptyAsUndefined, z.string().max(200).optional()),
  fiscalYear: intParam(2000, 2100),
  status: z.preprocess(emptyAsUndefined, z.enum(PLAN_STATUSES).optional()),
  limit: intParam(1, 200),
  offset: intParam(0, 1_000_000_000),
  lang,
});

export const planIdParams = z.strictObject({ id: z.string().min(1).max(200) });
export const revisionParams = z.strictObject({ id: z.string().min(1).max(200), version: z.coerce.number().int().min(1).max(2_000_000_000) });

/** `3`, `"3"` or `W/"3"`. */
export function parseIfMatch(header: string | string[] | undefined): { kind: "missing" } | { kind: "invalid" } | { kind: "version"; version: number } {
  if (header === undefined || header === "") return { kind: "missing" };
  if (Array.isArray(header)) return { kind: "invalid" };
  const m = /^\s*(?:W\/)?"?([1-9][0-9]{0,9})"?\s*$/.exec(header);
  return m ? { kind: "version", version: Number(m[1]) } : { kind: "invalid" };
}

// --- OpenAPI (documentation only: validation happens in the handlers with zod) ---

const toJson = (schema: z.ZodType) => {
  const { $schema, ...rest } = z.toJSONSchema(schema, { io: "input", unrepresentable: "any" }) as Record<string, unknown>;
  void $schema;
  return rest;
};

export const planJsonSchema = { $id: "Plan", title: "Plan", ...toJson(planSchema) };

const storedPlan = {
  type: "object",
  properties: {
    id: { type: "string" },
    version: { type: "integer" },
    status: { type: "string", enum: [...PLAN_STATUSES] },
    updatedAt: { type: "string", format: "date-time" },
    plan: { $ref: "Plan#" },
  },
};

const errorResponse = {
  type: "object",
  properties: {
    error: { type: "object", properties: { code: { type: "string" }, message: { type: "string" } } },
    errors: {
      type: "array",
      items: { type: "object", properties: { path: { type: "string" }, code: { type: "string" }, message: { type: "string" }, messages: { type: "object" } } },
    },
  },
};

const langDoc = { type: "object", properties: { lang: { type: "string", enum: ["id", "en"] } } };
const idParamsDoc = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
const ifMatchDoc = { type: "object", properties: { "if-match": { type: "string", description: "the version being replaced, e.g. \"3\"" } } };

export const docs = {
  list: {
    tags: ["plans"],
    summary: "List plans (title search, fiscal-year and status filters, paging)",
    querystring: {
      type: "object",
      properties: {
        q: { type: "string" },
        fiscalYear: { type: "integer" },
        status: { type: "string", enum: [...PLAN_STATUSES] },
        limit: { type: "integer", minimum: 1, maximum: 200 },
        offset: { type: "integer", minimum: 0 },
        lang: { type: "string", enum: ["id", "en"] },
      },
    },
    response: {
      200: {
        type: "object",
        properties: {
          items: {
            type: "array",
            items: {
              type: "object",
              properties: {
                id: { type: "string" }, title: { type: "string" }, fiscalYear: { type: "integer" }, organizationName: { type: "string" },
                unit: { type: "string" }, status: { type: "string" }, version: { type: "integer" }, updatedAt: { type: "string" },
              },
            },
          },
          total: { type: "integer" },
        },
      },
      400: errorResponse,
    },
  },
  create: { tags: ["plans"], summary: "Create a plan (format v1)", querystring: langDoc, body: { $ref: "Plan#" }, response: { 201: storedPlan, 400: errorResponse } },
  get: { tags: ["plans"], summary: "Get a plan; ETag carries the version", params: idParamsDoc, querystring: langDoc, response: { 200: storedPlan, 404: errorResponse } },
  replace: {
    tags: ["plans"],
    summary: "Replace a plan (If-Match: version)",
    params: idParamsDoc,
    querystring: langDoc,
    headers: ifMatchDoc,
    body: { $ref: "Plan#" },
    response: { 200: storedPlan, 400: errorResponse, 404: errorResponse, 409: errorResponse, 428: errorResponse },
  },
  patch: {
    tags: ["plans"],
    summary: "Partially update a plan with RFC 6902 JSON Patch (If-Match: version)",
    params: idParamsDoc,
    querystring: langDoc,
    headers: ifMatchDoc,
    body: {
      type: "array",
      items: {
        type: "object",
        properties: { op: { type: "string", enum: ["add", "remove", "replace", "move", "copy", "test"] }, path: { type: "string" }, from: { type: "string" }, value: {} },
        required: ["op", "path"],
      },
    },
    response: { 200: storedPlan, 400: errorResponse, 404: errorResponse, 409: errorResponse, 428: errorResponse },
  },
  archive: { tags: ["plans"], summary: "Archive a plan (If-Match optional)", params: idParamsDoc, querystring: langDoc, headers: ifMatchDoc, response: { 200: storedPlan, 404: errorResponse, 409: errorResponse } },
  revisions: { tags: ["plans"], summary: "List the saved revisions of a plan", params: idParamsDoc, querystring: langDoc, response: { 404: errorResponse } },
  revision: {
    tags: ["plans"],
    summary: "Get one saved revision",
    params: { type: "object", properties: { id: { type: "string" }, version: { type: "integer" } }, required: ["id", "version"] },
    querystring: langDoc,
    response: { 404: errorResponse },
  },
  findings: { tags: ["plans"], summary: "What the plan still lacks, stage by stage", params: idParamsDoc, querystring: langDoc, response: { 404: errorResponse } },
  outputs: { tags: ["plans"], summary: "Computed outputs of each stage", params: idParamsDoc, querystring: langDoc, response: { 404: errorResponse } },
  exportPlan: { tags: ["plans"], summary: "Download the plan as a format v1 JSON file", params: idParamsDoc, querystring: langDoc, response: { 404: errorResponse } },
  importPlan: {
    tags: ["plans"],
    summary: "Import a plan: format v1 JSON, or MS Project XML with Content-Type application/xml",
    querystring: langDoc,
    response: { 201: storedPlan, 400: errorResponse, 415: errorResponse },
  },
} as const;
