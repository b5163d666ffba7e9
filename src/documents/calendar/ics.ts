// The schedule as an iCalendar file (RFC 5545): one all-day event per activity, so that the
// plan shows up in Google Calendar, Outlook or Thunderbird. Hand-written: the format is small
// and the rules that matter (escaping, folding at 75 octets, CRLF) are tested here.
import type { Plan } from "../../domain/plan/schema.js";
import { schedulePlan, type Schedule } from "../../domain/schedule/index.js";

export type IcsOptions = {
  /** Stable key of the plan (e.g. its id in the store); default: derived from title and office. */
  planKey?: string;
  /** DTSTAMP; default now. */
  now?: Date;
};

const CRLF = "\r\n";

export function planToIcs(plan: Plan, schedule: Schedule, options: IcsOptions = {}): string {
  const planKey = options.planKey ?? `${plan.organization.name}\u0000${plan.title}\u0000${plan.fiscalYear}`;
  const stamp = utcStamp(options.now ?? new Date());
  const byId = new Map(plan.activities.map((a) => [a.id, a]));
  const lines: string[] = [
    "BEGIN:VCALENDAR",
    "VERSION:2.0",
    "PRODID:-//Rencana Layanan//Jadwal Kegiatan//ID",
    "CALSCALE:GREGORIAN",
    "METHOD:PUBLISH",
    `X-WR-CALNAME:${escapeText(plan.title)}`,
  ];
  for (const s of schedule.activities) {
    const activity = byId.get(s.id);
    const name = activity?.name ?? s.id;
    const first = s.milestone ? s.finish : s.start;
    const description = [
      s.milestone ? "Tonggak (milestone)" : `Durasi: ${s.durationDays} hari kerja, ${formatDate(s.start)} s.d. ${formatDate(s.finish)}`,
      s.critical ? "Jalur kritis" : `Kelonggaran (float): ${s.totalFloat} hari kerja`,
      activity?.output ? `Keluaran: ${activity.output}` : undefined,
      `Rencana: ${plan.title}`,
    ]
      .filter((x): x is string => x !== undefined)
      .join("\n");
    lines.push(
      "BEGIN:VEVENT",
      `UID:${stableUid(planKey, s.id)}@rencana-layanan`,
      `DTSTAMP:${stamp}`,
      `DTSTART;VALUE=DATE:${compactDate(first)}`,
      // DTEND of an all-day event is exclusive: the day after the last one.
      `DTEND;VALUE=DATE:${compactDate(nextDay(s.finish))}`,
      `SUMMARY:${escapeText(s.milestone ? `◆ ${name}` : name)}`,
      `DESCRIPTION:${escapeText(description)}`,
      `CATEGORIES:${s.milestone ? "Tonggak" : "Kegiatan"}${s.critical ? ",Kritis" : ""}`,
      "TRANSP:TRANSPARENT",
      "END:VEVENT",
    );
  }
  lines.push("END:VCALENDAR");
  return lines.map(foldLine).join(CRLF) + CRLF;
}

/** TEXT escaping (RFC 5545 §3.3.11); control characters other than newline cannot be written. */
export function escapeText(value: string): string {
  return wellFormed(value)
    .replace(/\\/g, "\\\\")
    .replace(/;/g, "\\;")
    .replace(/,/g, "\\,")
    .replace(/\r\n|\r|\n/g, "\\n")
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
}

/** Lone surrogates cannot be encoded as UTF-8; replace them rather than emit broken bytes. */
function wellFormed(s: string): string {
  return s.replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd");
}

/** Folds a content line at 75 octets of UTF-8 without splitting a character (§3.1). */
export function foldLine(line: string): string {
  const encoder = new TextEncoder();
  let out = "";
  let used = 0;
  let limit = 75;
  for (const ch of line) {
    const size = encoder.encode(ch).length;
    if (used + size > limit) {
      out += `${CRLF} `;
      used = 1;
      limit = 75;
    }
    out += ch;
    used += size;
  }
  return out;
}

function compactDate(iso: string): string {
  return iso.replace(/-/g, "");
}

function nextDay(iso: string): string {
  const d = new Date(`${iso}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() + 1);
  return d.toISOString().slice(0, 10);
}

function utcStamp(d: Date): string {
  return d.toISOString().replace(/[-:]/g, "").replace(/\.\d{3}/, "");
}

const MONTHS = ["Januari", "Februari", "Maret", "April", "Mei", "Juni", "Juli", "Agustus", "September", "Oktober", "November", "Desember"];

function formatDate(iso: string): string {
  const [y, m, d] = iso.split("-").map(Number);
  return `${d} ${MONTHS[(m ?? 1) - 1] ?? ""} ${y}`;
}

/** Two FNV-1a 32-bit hashes with different seeds: stable, short, no crypto dependency. */
function stableUid(planKey: string, activityId: string): string {
  const input = `${planKey}\u0000${activityId}`;
  const fnv = (seed: number) => {
    let h = seed >>> 0;
    for (let i = 0; i < input.length; i++) {
      h ^= input.charCodeAt(i);
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    return h.toString(16).padStart(8, "0");
  };
  const safeId = activityId.replace(/[^A-Za-z0-9._-]/g, "_").slice(0, 40);
  return `${fnv(0x811c9dc5)}${fnv(0x01234567)}-${safeId}`;
}

/** Render-registry entry point: schedules the plan, then writes the calendar. */
export async function renderIcs(plan: Plan): Promise<Uint8Array> {
  const result = schedulePlan(plan);
  if (!result.ok) throw new Error(`${result.error.message.id} / ${result.error.message.en}`);
  return new TextEncoder().encode(planToIcs(plan, result.schedule));
}
