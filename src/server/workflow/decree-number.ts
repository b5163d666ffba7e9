// What an approval writes into the decree: its number ("urut" from the counter, laid out by the
// organisation's template) and its date, both only where the plan has none yet.
import { formatDecreeNumber, type OrganizationSettings } from "../../domain/organization/settings.js";
import type { Plan } from "../../domain/plan/schema.js";

/**
 * Decrees are dated in Indonesian local time; the server may run in UTC, where an approval at
 * 20:00 UTC on 31 December already belongs to the next year in Jakarta. WIB is the time of
 * most regional governments; the organisation settings have no time zone (yet).
 */
export const DECREE_TIME_ZONE = "Asia/Jakarta";

export type DecreeDay = { iso: string; year: number; month: number };

/** The calendar day (tahun takwim, not the fiscal year of the plan) of an instant in `timeZone`. */
export function decreeDay(atMs: number, timeZone = DECREE_TIME_ZONE): DecreeDay {
  const parts = new Intl.DateTimeFormat("en-CA", { timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).formatToParts(new Date(atMs));
  const get = (type: string) => parts.find((p) => p.type === type)?.value ?? "";
  const iso = `${get("year")}-${get("month")}-${get("day")}`;
  return { iso, year: Number(get("year")), month: Number(get("month")) };
}

export function hasDecreeNumber(plan: Plan): boolean {
  return (plan.decree.number ?? "").trim() !== "";
}

/** The decree with its number and date filled where empty; `counter` is null when the plan already has a number. */
export function stampDecree(plan: Plan, day: DecreeDay, settings: OrganizationSettings, counter: number | null): Plan {
  const number = counter === null ? plan.decree.number : formatDecreeNumber(settings.decreeNumberTemplate, { counter, year: day.year, month: day.month, unitCode: settings.unitCode });
  return { ...plan, decree: { ...plan.decree, ...(number !== undefined ? { number } : {}), date: plan.decree.date ?? day.iso } };
}

