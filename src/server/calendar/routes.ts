// The organisation's working calendar (issue 10, item 6). Admins keep, per year, the national
// holidays and cuti bersama as decreed (the SKB 3 Menteri, entered or corrected when published;
// a year entered without its decree stays flagged "perkiraan") and the regional holidays (libur
// daerah). Every signed-in user reads it: the schedule of a plan with national holidays on uses
// it (GET /api/plans/:id/schedule, the web app's schedule). An undecreed year lists what its
// estimate cannot compute (Nyepi, Waisak, cuti bersama) instead of leaving them out silently.
import type { FastifyPluginAsync } from "fastify";
import { z } from "zod";
import { isValidIsoDate } from "../../domain/plan/schema.js";
import {
  HOLIDAY_TYPES,
  holidaysForYear,
  INDONESIA_HOLIDAYS,
  organizationHolidays,
  type ScheduleOptions,
} from "../../domain/schedule/index.js";
import { recordAudit } from "../../store/audit-repo.js";
import { calendarYears, deleteCalendarYear, replaceCalendarYear } from "../../store/calendar-repo.js";
import type { Database } from "../../store/database.js";
import type { DatabaseSchema } from "../../store/schema.js";
import { writeTransaction } from "../../store/plans-repo.js";
import { requireAuth } from "../auth/context.js";
import { policies } from "../auth/policy.js";
import { apiError } from "../errors.js";
import { parseInput } from "../plans/routes.js";
import type { Kysely } from "kysely";

export type CalendarRoutesOptions = { database: Database; now?: () => number };

const lang = z.strictObject({ lang: z.enum(["id", "en"]).optional() });
const yearParams = z.strictObject({ year: z.coerce.number().int().min(2000).max(2100) });
const yearBody = z.strictObject({
  decreed: z.boolean(),
  source: z.string().trim().max(500),
  entries: z
    .array(z.strictObject({ date: z.string().max(10), name: z.string().trim().min(1).max(200), type: z.enum(HOLIDAY_TYPES) }))
    .max(120),
});

const TYPE_LABELS: Record<(typeof HOLIDAY_TYPES)[number], { id: string; en: string }> = {
  "libur-nasional": { id: "libur nasional", en: "national holiday" },
  "cuti-bersama": { id: "cuti bersama", en: "collective leave" },
  "libur-daerah": { id: "libur daerah", en: "regional holiday" },
};

/** The schedule options of an organisation's plans: its calendar over the built-in national table. */
export async function organizationScheduleOptions(q: Kysely<DatabaseSchema>, organizationId: string | null): Promise<ScheduleOptions> {
  if (!organizationId) return {};
  const years = await calendarYears(q, organizationId);
  if (years.length === 0) return {};
  const { table, regional } = organizationHolidays(years, INDONESIA_HOLIDAYS);
  return { holidayTable: table, regionalHolidays: regional };
}

export const calendarRoutes: FastifyPluginAsync<CalendarRoutesOptions> = async (app, { database, now = Date.now }) => {
  const db = database.db;

  /** The year as plans see it: the organisation's list or the built-in one or the estimate, its libur daerah, and what is unknown. */
  async function yearView(organizationId: string, year: number) {
    const years = await calendarYears(db, organizationId);
    const own = years.find((y) => y.year === year);
    const { table, regional } = organizationHolidays(years, INDONESIA_HOLIDAYS);
    const national = holidaysForYear(year, table);
    const entries = [
      ...national.entries.map((h) => ({ date: h.date, name: h.name, type: h.type, source: h.source, estimated: national.estimated || h.estimated === true })),
      ...regional.filter((h) => h.date.startsWith(`${year}-`)).map((h) => ({ date: h.date, name: h.name, type: h.type, source: h.source, estimated: false })),
    ].sort((a, b) => (a.date < b.date ? -1 : a.date > b.date ? 1 : 0));
    return {
      year,
      /** "organisasi": entered by the organisation; "bawaan": the app's curated table; "perkiraan": computed. */
      origin: own && own.entries.some((e) => e.type !== "libur-daerah") ? "organisasi" : INDONESIA_HOLIDAYS[year] ? "bawaan" : "perkiraan",
      decreed: !national.estimated,
      source: own?.source ?? null,
      updatedAt: own?.updatedAt ?? null,
      entries,
      unknown: national.unknown,
    };
  }

  app.get("/api/calendar", { config: { policy: policies.signedIn }, schema: { tags: ["calendar"], summary: "The organisation's own calendar years (decreed or not) with their holidays and libur daerah" } }, async (request) => {
    parseInput(lang, request.query);
    const years = await calendarYears(db, requireAuth(request.auth).organizationId);
    return { years: years.map((y) => ({ year: y.year, decreed: y.decreed, source: y.source, updatedAt: y.updatedAt, entries: y.entries })) };
  });

  app.get("/api/calendar/:year", { config: { policy: policies.signedIn }, schema: { tags: ["calendar"], summary: "A year of the working calendar as plans use it, with what an estimate cannot compute" } }, async (request) => {
    parseInput(lang, request.query);
    const { year } = parseInput(yearParams, request.params);
    return yearView(requireAuth(request.auth).organizationId, year);
  });

  app.put("/api/calendar/:year", { config: { policy: policies.admin }, schema: { tags: ["calendar"], summary: "Enter or correct a year: national holidays and cuti bersama (decreed or not) and libur daerah" } }, async (request) => {
    parseInput(lang, request.query);
    const { year } = parseInput(yearParams, request.params);
    const body = parseInput(yearBody, request.body);
    const errors: { path: string; code: string; message: { id: string; en: string } }[] = [];
    const seen = new Set<string>();
    body.entries.forEach((e, i) => {
      const row = i + 1;
      if (!isValidIsoDate(e.date)) errors.push({ path: `entries[${i}].date`, code: "date.invalid", message: { id: `Tanggal (baris ${row}) bukan tanggal yang sah (TTTT-BB-HH)`, en: `Date (row ${row}) is not a valid date (YYYY-MM-DD)` } });
      else if (!e.date.startsWith(`${year}-`)) errors.push({ path: `entries[${i}].date`, code: "calendar.other_year", message: { id: `Tanggal (baris ${row}) ${e.date} tidak di tahun ${year}`, en: `Date (row ${row}) ${e.date} is not in ${year}` } });
      const key = `${e.date}|${e.type}`;
      if (seen.has(key)) errors.push({ path: `entries[${i}]`, code: "calendar.duplicate", message: { id: `Baris ${row}: ${TYPE_LABELS[e.type].id} pada ${e.date} sudah ada`, en: `Row ${row}: a ${TYPE_LABELS[e.type].en} on ${e.date} is already listed` } });
      seen.add(key);
    });
    if (body.decreed && body.source === "")
      errors.push({ path: "source", code: "calendar.source_required", message: { id: "Dasar penetapan (nomor SKB) wajib diisi untuk tahun yang sudah ditetapkan", en: "Decree (SKB number) is required for a decreed year" } });
    if (body.decreed && !body.entries.some((e) => e.type !== "libur-daerah"))
      errors.push({ path: "entries", code: "calendar.empty", message: { id: "Tahun yang ditetapkan memerlukan daftar libur nasional", en: "A decreed year needs its list of national holidays" } });
    if (errors.length > 0) throw apiError("request.invalid", { errors });
    const auth = requireAuth(request.auth);
    const at = new Date(now()).toISOString();
    await writeTransaction(db, async (q) => {
      await replaceCalendarYear(q, auth.organizationId, { year, decreed: body.decreed, source: body.source, entries: body.entries }, auth.user.id, at);
      await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "calendar.update", detail: { year, decreed: body.decreed, source: body.source, entries: body.entries.length }, at });
    });
    return yearView(auth.organizationId, year);
  });

  app.delete("/api/calendar/:year", { config: { policy: policies.admin }, schema: { tags: ["calendar"], summary: "Remove the organisation's own year: the built-in table or the estimate applies again" } }, async (request) => {
    parseInput(lang, request.query);
    const { year } = parseInput(yearParams, request.params);
    const auth = requireAuth(request.auth);
    const at = new Date(now()).toISOString();
    await writeTransaction(db, async (q) => {
      if (await deleteCalendarYear(q, auth.organizationId, year)) await recordAudit(q, { organizationId: auth.organizationId, userId: auth.user.id, action: "calendar.update", detail: { year, removed: true }, at });
    });
    return yearView(auth.organizationId, year);
  });
};
