// Inputs of the history resources (diff, restore, audit log) and their OpenAPI shapes.
import { z } from "zod";

const lang = z.enum(["id", "en"]).optional();
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);
const version = z.coerce.number().int().min(1).max(2_000_000_000);

export const diffQuery = z.strictObject({ from: version, to: version, lang });

/** Restoring takes no input beyond the URL and If-Match; an empty object is accepted. */
export const restoreBody = z.strictObject({});

export const AUDIT_MAX_LIMIT = 500;
export const AUDIT_DEFAULT_LIMIT = 100;

const auditPaging = {
  limit: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(AUDIT_MAX_LIMIT).optional()),
  /** Entries older than this id (the previous page's `nextBeforeId`). */
  beforeId: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(1).max(Number.MAX_SAFE_INTEGER).optional()),
  lang,
};

export const planAuditQuery = z.strictObject(auditPaging);
export const orgAuditQuery = z.strictObject({ ...auditPaging, planId: z.preprocess(emptyAsUndefined, z.string().min(1).max(200).optional()) });

// --- OpenAPI (documentation only: validation happens in the handlers with zod) ---

const langDoc = { lang: { type: "string", enum: ["id", "en"] } };
const idParamsDoc = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
const bilingual = { type: "object", properties: { id: { type: "string" }, en: { type: "string" } } };
const pagingDoc = { limit: { type: "integer", minimum: 1, maximum: AUDIT_MAX_LIMIT }, beforeId: { type: "integer", minimum: 1 } };
const auditPage = {
  type: "object",
  properties: {
    items: {
      type: "array",
      items: {
        type: "object",
        properties: {
          id: { type: "integer" },
          at: { type: "string", format: "date-time" },
          userId: { type: "string", nullable: true },
          userName: { type: "string", nullable: true },
          action: { type: "string" },
          planId: { type: "string", nullable: true },
          version: { type: "integer", nullable: true },
          detail: { type: "object" },
        },
      },
    },
    nextBeforeId: { type: "integer", nullable: true, description: "pass as beforeId for the next (older) page; null on the last page" },
  },
};

export const historyDocs = {
  diff: {
    tags: ["history"],
    summary: "Readable differences between two revisions of a plan",
    params: idParamsDoc,
    querystring: { type: "object", properties: { from: { type: "integer", minimum: 1 }, to: { type: "integer", minimum: 1 }, ...langDoc }, required: ["from", "to"] },
    response: {
      200: {
        type: "object",
        properties: {
          from: { type: "integer" },
          to: { type: "integer" },
          changes: {
            type: "array",
            items: {
              type: "object",
              properties: {
                path: { type: "string" },
                kind: { type: "string", enum: ["added", "removed", "changed"] },
                stage: { type: "string" },
                label: { type: "string", description: "in the request's language" },
                labels: bilingual,
                before: {},
                after: {},
                beforeText: { type: "string" },
                afterText: { type: "string" },
              },
            },
          },
        },
      },
    },
  },
  restore: {
    tags: ["history"],
    summary: "Restore an earlier revision as a new version (If-Match required)",
    params: { type: "object", properties: { id: { type: "string" }, version: { type: "integer" } }, required: ["id", "version"] },
    querystring: { type: "object", properties: langDoc },
    headers: { type: "object", properties: { "if-match": { type: "string", description: "the current version, e.g. \"3\"" } } },
  },
  planAudit: {
    tags: ["history"],
    summary: "The plan's audit log, newest first",
    params: idParamsDoc,
    querystring: { type: "object", properties: { ...pagingDoc, ...langDoc } },
    response: { 200: auditPage },
  },
  orgAudit: {
    tags: ["history"],
    summary: "The organisation's audit log, newest first (administrators)",
    querystring: { type: "object", properties: { planId: { type: "string" }, ...pagingDoc, ...langDoc } },
    response: { 200: auditPage },
  },
} as const;
