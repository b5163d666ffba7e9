// The live side of the API (docs/api.md, "Live events"): the plan's event stream and the
// presence heartbeat. Event data is checked with zod like every other answer.
import { z } from "zod";
import type { ApiClient } from "./client.js";

const person = z.object({ id: z.string(), name: z.string() });
export const patchEventSchema = z.object({
  version: z.number().int(),
  ops: z.array(z.object({ op: z.string(), path: z.string() }).passthrough()),
  author: person.nullable(),
});
export type PatchEvent = z.infer<typeof patchEventSchema>;

export const presenceUserSchema = z.object({ id: z.string(), name: z.string(), stage: z.string().nullable(), itemRef: z.string().optional() });
export type PresenceUser = z.infer<typeof presenceUserSchema>;
export const presenceEventSchema = z.object({ users: z.array(presenceUserSchema) });
export const resetEventSchema = z.object({ version: z.number().int() });
export const closedEventSchema = z.object({ reason: z.string() });

export function eventsUrl(planId: string, since: number): string {
  return `/api/plans/${encodeURIComponent(planId)}/events?since=${since}`;
}

export function sendPresence(api: ApiClient, planId: string, stage: string, itemRef: string | null) {
  return api.request("POST", `/api/plans/${encodeURIComponent(planId)}/presence`, presenceEventSchema, { body: { stage, itemRef } });
}
