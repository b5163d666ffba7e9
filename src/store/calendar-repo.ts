// The organisation's working calendar (issue 10, item 6): per year, whether its SKB is entered
// (decreed) and its days off (libur nasional, cuti bersama, libur daerah). A year is replaced
// whole in one transaction, so a half-saved year is impossible.
import type { Kysely } from "kysely";
import type { HolidayType, OrganizationCalendarYear } from "../domain/schedule/index.js";
import type { DatabaseSchema } from "./schema.js";

export type StoredCalendarYear = OrganizationCalendarYear & { updatedBy: string | null; updatedAt: string };

const TYPES: readonly string[] = ["libur-nasional", "cuti-bersama", "libur-daerah"];

/** Every year the organisation has entered, oldest first, with its entries by date. */
export async function calendarYears(q: Kysely<DatabaseSchema>, organizationId: string, year?: number): Promise<StoredCalendarYear[]> {
  let years = q.selectFrom("organization_holiday_years").selectAll().where("organization_id", "=", organizationId);
  let days = q.selectFrom("organization_holidays").select(["year", "date", "name", "type"]).where("organization_id", "=", organizationId);
  if (year !== undefined) {
    years = years.where("year", "=", year);
    days = days.where("year", "=", year);
  }
  const [yearRows, dayRows] = await Promise.all([years.orderBy("year").execute(), days.orderBy("date").orderBy("type").execute()]);
  return yearRows.map((y) => ({
    year: Number(y.year),
    decreed: Number(y.decreed) === 1,
    source: y.source,
    updatedBy: y.updated_by,
    updatedAt: y.updated_at,
    entries: dayRows.filter((d) => Number(d.year) === Number(y.year) && TYPES.includes(d.type)).map((d) => ({ date: d.date, name: d.name, type: d.type as HolidayType })),
  }));
}

/** Replaces the year (call inside a transaction). */
export async function replaceCalendarYear(q: Kysely<DatabaseSchema>, organizationId: string, y: OrganizationCalendarYear, by: string | null, at: string): Promise<void> {
  await q.deleteFrom("organization_holidays").where("organization_id", "=", organizationId).where("year", "=", y.year).execute();
  await q.deleteFrom("organization_holiday_years").where("organization_id", "=", organizationId).where("year", "=", y.year).execute();
  await q.insertInto("organization_holiday_years").values({ organization_id: organizationId, year: y.year, decreed: y.decreed ? 1 : 0, source: y.source, updated_by: by, updated_at: at }).execute();
  if (y.entries.length > 0) {
    await q
      .insertInto("organization_holidays")
      .values(y.entries.map((e) => ({ organization_id: organizationId, year: y.year, date: e.date, name: e.name, type: e.type, source: y.source })))
      .execute();
  }
}

/** Removes the organisation's own year: the built-in table (or the estimate) applies again. */
export async function deleteCalendarYear(q: Kysely<DatabaseSchema>, organizationId: string, year: number): Promise<boolean> {
  await q.deleteFrom("organization_holidays").where("organization_id", "=", organizationId).where("year", "=", year).execute();
  const r = await q.deleteFrom("organization_holiday_years").where("organization_id", "=", organizationId).where("year", "=", year).executeTakeFirst();
  return Number(r.numDeletedRows) > 0;
}
