// The paraf koordinasi of an approved decree (indonesia.md §1.5: konsep → paraf hierarki →
// tanda tangan): one row per reviewer who initialled it in the approving round, in order, with
// the position they hold on the plan's team, their initials and the date they initialled.
// Pure: the server passes the workflow records in; the documents print the rows.
import type { Plan } from "../plan/schema.js";

export type ParafEvent = { action: string; cycle: number; step: number | null; userId: string; at: string };
export type ParafPerson = { id: string; name: string; nip: string | null };

export type ParafRow = { step: number; position: string; name: string; initials: string; date: string };

/** "Dra. Siti Aminah, M.Si." → "SA": the first letter of each word of the name, titles and degrees left out. */
export function initialsOf(name: string): string {
  const words = name
    .split(",")[0]!
    .split(/\s+/)
    .filter((w) => w !== "" && !/\.$/.test(w) && /\p{L}/u.test(w));
  const letters = words.map((w) => [...w].find((c) => /\p{L}/u.test(c)) ?? "").join("");
  return letters.toUpperCase() || "-";
}

const digits = (s: string | undefined | null) => (s ?? "").replace(/\D/g, "");
const squash = (s: string) => s.replace(/\s+/g, " ").trim().toLowerCase();

/** The date (YYYY-MM-DD) of an instant in Jakarta time, as decrees are dated. */
export function jakartaDate(atIso: string): string {
  return new Intl.DateTimeFormat("en-CA", { timeZone: "Asia/Jakarta", year: "numeric", month: "2-digit", day: "2-digit" }).format(new Date(atIso));
}

/**
 * The paraf rows of the latest review round that reached approval: each "initial" event of that
 * round, the reviewer's position taken from the plan's team member with the same NIP (or name),
 * else "Pemeriksa ke-n".
 */
export function parafRows(plan: Plan, events: readonly ParafEvent[], people: readonly ParafPerson[]): ParafRow[] {
  const approvals = events.filter((e) => e.action === "approve");
  const cycle = approvals[approvals.length - 1]?.cycle;
  if (cycle === undefined) return [];
  const byId = new Map(people.map((p) => [p.id, p]));
  return events
    .filter((e) => e.action === "initial" && e.cycle === cycle && e.step !== null)
    .sort((a, b) => a.step! - b.step!)
    .map((e) => {
      const person = byId.get(e.userId);
      const name = person?.name ?? "";
      const member =
        plan.team.find((m) => digits(person?.nip) !== "" && digits(m.nip) === digits(person?.nip)) ?? plan.team.find((m) => name !== "" && squash(m.name) === squash(name));
      return { step: e.step!, position: member?.position ?? `Pemeriksa ke-${e.step}`, name, initials: initialsOf(name), date: jakartaDate(e.at) };
    });
}
