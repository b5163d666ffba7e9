// Inputs of the live events resource (.strict(): nothing is mass-assigned) and their OpenAPI shapes.
import { z } from "zod";
import { COMMENT_STAGES } from "../comments/schema.js";

const lang = z.enum(["id", "en"]).optional();
const emptyAsUndefined = (v: unknown) => (v === "" ? undefined : v);

/** `since`: the version the client has (as `Last-Event-ID` does on a reconnect; the header wins). */
export const eventsQuery = z.strictObject({
  since: z.preprocess(emptyAsUndefined, z.coerce.number().int().min(0).max(2_000_000_000).optional()),
  lang,
});

/** A `Last-Event-ID` is the version of the last `patch` (or `reset`) the client received. */
export function parseLastEventId(header: string | string[] | undefined): number | "unknown" | undefined {
  if (header === undefined || header === "") return undefined;
  if (Array.isArray(header)) return "unknown";
  return /^\d{1,10}$/.test(header.trim()) ? Number(header.trim()) : "unknown";
}

export const presenceBody = z.strictObject({
  stage: z.enum(COMMENT_STAGES).nullable(),
  itemRef: z.string().min(1).max(200).nullable().optional(),
});

const langDoc = { lang: { type: "string", enum: ["id", "en"] } };
const idParamsDoc = { type: "object", properties: { id: { type: "string" } }, required: ["id"] };
const presenceUsers = {
  type: "object",
  properties: {
    users: {
      type: "array",
      items: { type: "object", properties: { id: { type: "string" }, name: { type: "string" }, stage: { type: "string", nullable: true }, itemRef: { type: "string" } } },
    },
  },
};

export const realtimeDocs = {
  events: {
    tags: ["realtime"],
    summary: "Server-Sent Events of the plan: patch (id = version), presence, comment, workflow, reset, closed (docs/api.md)",
    params: idParamsDoc,
    querystring: { type: "object", properties: { since: { type: "integer", minimum: 0 }, ...langDoc } },
    headers: { type: "object", properties: { "last-event-id": { type: "string" } } },
  },
  presence: {
    tags: ["realtime"],
    summary: "Presence heartbeat (every few seconds while the plan is open): on which stage and item the caller is",
    params: idParamsDoc,
    querystring: { type: "object", properties: langDoc },
    body: { type: "object", properties: { stage: { type: "string", nullable: true, enum: [...COMMENT_STAGES, null] }, itemRef: { type: "string", nullable: true } }, required: ["stage"] },
    response: { 200: presenceUsers },
  },
} as const;
