// The citizens' side of a plan's service (docs/api.md, "Layanan publik"): the public page, the
// complaints the unit answers and the SKM of a period. Uses the client's shared machinery.
import { z } from "zod";
import type { ApiClient } from "./client.js";

const pageSchema = z.object({ slug: z.string(), path: z.string(), publishedAt: z.string(), planVersion: z.number() }).nullable();
const pageStateSchema = z.object({ page: pageSchema, adopted: z.boolean(), slug: z.string(), currentVersion: z.number() });
export type PublicPageState = z.infer<typeof pageStateSchema>;

const complaintSchema = z.object({
  id: z.string(),
  code: z.string(),
  kind: z.enum(["pengaduan", "saran", "masukan"]),
  body: z.string(),
  name: z.string().nullable(),
  contact: z.string().nullable(),
  status: z.enum(["diterima", "diproses", "dijawab"]),
  answer: z.string().nullable(),
  receivedAt: z.string(),
  dueOn: z.string(),
  overdue: z.boolean(),
  answeredAt: z.string().nullable(),
});
export type Complaint = z.infer<typeof complaintSchema>;

const standingSchema = z.object({ code: z.string(), name: z.string(), nrr: z.number(), value: z.number(), mutu: z.enum(["A", "B", "C", "D"]) });
const countSchema = z.object({ label: z.string(), count: z.number() });
const skmSchema = z.object({
  period: z.object({ from: z.string(), to: z.string() }),
  respondents: z.number(),
  result: z.object({ ikm: z.number(), mutu: z.enum(["A", "B", "C", "D"]), kinerja: z.string(), unsur: z.array(z.object({ code: z.string(), name: z.string(), nrr: z.number() })) }).optional(),
  standings: z.array(standingSchema),
  priority: z.array(standingSchema),
  profile: z.object({ gender: z.array(countSchema), age: z.array(countSchema), education: z.array(countSchema), occupation: z.array(countSchema) }),
  suggestions: z.array(z.object({ date: z.string(), text: z.string() })),
  findings: z.array(z.object({ stage: z.string(), code: z.string(), severity: z.enum(["error", "warning", "info"]), message: z.string(), path: z.string(), ref: z.string().optional() })),
});
export type SkmView = z.infer<typeof skmSchema>;

export function createServiceApi(api: ApiClient) {
  const plan = (id: string) => `/api/plans/${encodeURIComponent(id)}`;
  return {
    page: (id: string) => api.request("GET", `${plan(id)}/public-page`, pageStateSchema),
    publish: (id: string) => api.request("PUT", `${plan(id)}/public-page`, z.object({ page: pageSchema }), { body: {} }),
    withdraw: (id: string) => api.request("DELETE", `${plan(id)}/public-page`, z.object({ page: pageSchema })),
    complaints: (id: string) => api.request("GET", `${plan(id)}/complaints`, z.object({ today: z.string(), items: z.array(complaintSchema) })),
    answer: (id: string, complaintId: string, change: { status: Complaint["status"]; answer?: string }) =>
      api.request("PATCH", `${plan(id)}/complaints/${encodeURIComponent(complaintId)}`, complaintSchema, { body: change }),
    skm: (id: string, period: { from: string; to: string }) => api.request("GET", `${plan(id)}/skm?from=${period.from}&to=${period.to}`, skmSchema),
    reportUrl: (id: string, ext: "pdf" | "docx", period: { from: string; to: string }) => `${plan(id)}/documents/laporan-skm.${ext}?from=${period.from}&to=${period.to}`,
  };
}
export type ServiceApi = ReturnType<typeof createServiceApi>;
