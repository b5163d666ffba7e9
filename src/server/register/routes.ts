// The organisation's decree register for its administrators (buku agenda keputusan): every number
// issued with its decree (date, title, signatory, plan) or voided (nomor batal, with the reason),
// the real next number for the settings preview, voiding an issued number, and recording the
// next number as spoiled. A voided number keeps its row and is never handed out again.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { decreeNumberTemplateSchema, decreeSeries, formatDecreeNumber, readOrganizationSettings } from "../../domain/organization/settings.js";
import { recordAudit } from "../../store/audit-repo.js";
import type { Database } from "../../store/database.js";
import {
  allocateRegisterCounter,
  getRegisterEntry,
  listRegister,
  peekRegisterCounter,
  recordRegisterEntry,
  voidRegisterEntry,
  type RegisterEntry,
} from "../../store/decree-register-repo.js";
import type { PeopleRepo } from "../../store/people-repo.js";
import { writeTransaction } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { parseInput } from "../plans/routes.js";
import { decreeDay } from "../workflow/decree-number.js";

export type RegisterRoutesOptions = { database: Database; people: PeopleRepo; now?: () => number };

const lang = z.enum(["id", "en"]).optional();
const listQuery = z.strictObject({ lang, year: z.coerce.number().int().min(2000).max(2100).optional() });
const nextQuery = z.strictObject({ lang, template: decreeNumberTemplateSchema.optional() });
const entryParams = z.strictObject({ entryId: z.coerce.number().int().positive() });
const reasonBody = z.strictObject({ reason: z.string().trim().min(3).max(500) });

const tags = ["register"];

export function presentEntry(e: RegisterEntry, names: ReadonlyMap<string, string>) {
  return {
    id: e.id,
    number: e.number,
    series: e.series,
    year: e.year,
    counter: e.counter,
    issuedOn: e.issuedOn,
    title: e.title,
    signatory: e.signatory,
    planId: e.planId,
    planVersion: e.planVersion,
    status: e.status,
    voidReason: e.voidReason,
    voidedAt: e.voidedAt,
    voidedByName: e.voidedBy ? (names.get(e.voidedBy) ?? null) : null,
  };
}

export const registerRoutes: FastifyPluginAsync<RegisterRoutesOptions> = async (app, { database, people, now = Date.now }) => {
  const db = database.db;

  async function settingsOf(organizationId: string) {
    return readOrganizationSettings((await people.getOrganization(organizationId))?.settings);
  }

  /** The number the next approval would get with `template` (the saved one by default): nothing is taken. */
  async function nextNumber(organizationId: string, template?: string) {
    const settings = await settingsOf(organizationId);
    const t = template ?? settings.decreeNumberTemplate;
    const day = decreeDay(now());
    const series = decreeSeries(t);
    const counter = await peekRegisterCounter(db, { organizationId, series, year: day.year });
    return { series, year: day.year, counter, number: formatDecreeNumber(t, { counter, year: day.year, month: day.month, unitCode: settings.unitCode }) };
  }

  async function names(entries: readonly RegisterEntry[]) {
    const ids = [...new Set(entries.flatMap((e) => (e.voidedBy ? [e.voidedBy] : [])))];
    return new Map((await people.usersByIds(ids)).map((u) => [u.id, u.name]));
  }

  app.get("/decree-register", { config: { policy: policies.admin }, schema: { tags, summary: "The organisation's decree register of a calendar year (admin)" } }, async (request) => {
    const auth = requireAuth(request.auth);
    const q = parseInput(listQuery, request.query);
    const year = q.year ?? decreeDay(now()).year;
    const items = await listRegister(db, auth.organizationId, year);
    const byId = await names(items);
    return { year, next: await nextNumber(auth.organizationId), items: items.map((e) => presentEntry(e, byId)) };
  });

  app.get("/decree-register/next", { config: { policy: policies.admin }, schema: { tags, summary: "The real next decree number, for the saved or a given template (admin)" } }, async (request) => {
    const auth = requireAuth(request.auth);
    const q = parseInput(nextQuery, request.query);
    return nextNumber(auth.organizationId, q.template);
  });

  app.post("/decree-register/:entryId/void", { config: { policy: policies.admin }, schema: { tags, summary: "Void an issued decree number with a reason (nomor batal; never reused) (admin)" } }, async (request) => {
    const auth = requireAuth(request.auth);
    const { entryId } = parseInput(entryParams, request.params);
    const { reason } = parseInput(reasonBody, request.body);
    const at = new Date(now()).toISOString();
    const entry = await writeTransaction(db, async (q) => {
      const existing = await getRegisterEntry(q, auth.organizationId, entryId);
      if (!existing) throw apiError("not_found");
      if (!(await voidRegisterEntry(q, { organizationId: auth.organizationId, id: entryId, reason, userId: auth.user.id, at }))) {
        throw apiError("workflow.invalid_state", { detail: { id: `nomor ${existing.number} sudah dibatalkan`, en: `number ${existing.number} is already void` } });
      }
      await recordAudit(q, { organizationId: auth.organizationId, planId: existing.planId, userId: auth.user.id, action: "decree.void", detail: { number: existing.number, reason }, at });
      return (await getRegisterEntry(q, auth.organizationId, entryId))!;
    });
    return presentEntry(entry, new Map([[auth.user.id, auth.user.name]]));
  });

  // A number spoiled before it was used (a paper form, a number taken by hand in the agenda):
  // the next number is taken and recorded void at once, so no decree ever gets it.
  app.post("/decree-register/spoiled", { config: { policy: policies.admin }, schema: { tags, summary: "Record the next decree number as void (nomor batal) with a reason (admin)" } }, async (request, reply) => {
    const auth = requireAuth(request.auth);
    const { reason } = parseInput(reasonBody, request.body);
    const settings = await settingsOf(auth.organizationId);
    const atMs = now();
    const at = new Date(atMs).toISOString();
    const day = decreeDay(atMs);
    const series = decreeSeries(settings.decreeNumberTemplate);
    const entry = await writeTransaction(db, async (q) => {
      const counter = await allocateRegisterCounter(q, { organizationId: auth.organizationId, series, year: day.year });
      const number = formatDecreeNumber(settings.decreeNumberTemplate, { counter, year: day.year, month: day.month, unitCode: settings.unitCode });
      const id = await recordRegisterEntry(q, {
        organizationId: auth.organizationId,
        series,
        year: day.year,
        counter,
        number,
        planId: null,
        planVersion: null,
        title: "",
        signatory: "",
        issuedOn: day.iso,
        status: "void",
        voidReason: reason,
        userId: auth.user.id,
        at,
      });
      await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "decree.void", detail: { number, reason, spoiled: true }, at });
      return (await getRegisterEntry(q, auth.organizationId, id))!;
    });
    return reply.code(201).send(presentEntry(entry, new Map([[auth.user.id, auth.user.name]])));
  });
};
