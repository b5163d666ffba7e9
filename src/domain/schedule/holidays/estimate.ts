// Holidays for a year whose SKB has not been decreed: an estimate, every entry flagged.
// Fixed dates and the Easter-based days follow Keppres 8/2024 exactly; the Hijri days come
// from the Umm al-Qura calendar and Imlek from the Chinese calendar (both via Intl), which
// may differ by a day from Kemenag's isbat. Nyepi, Waisak and cuti bersama are not
// estimated: they depend on decisions not yet made.
import { easterSunday, epochDayFromCivil, isoOfEpochDay } from "../dates.js";
import type { HolidayEntry, UnknownHoliday } from "./types.js";

const SOURCE = "Perkiraan menurut Keppres 8/2024 (SKB tahun ini belum terbit)";

const cache = new Map<number, readonly HolidayEntry[]>();

export function estimateHolidays(year: number): readonly HolidayEntry[] {
  const cached = cache.get(year);
  if (cached) return cached;
  const days: [number, string][] = [
    [epochDayFromCivil(year, 1, 1), `Tahun Baru ${year} Masehi`],
    [epochDayFromCivil(year, 5, 1), "Hari Buruh Internasional"],
    [epochDayFromCivil(year, 6, 1), "Hari Lahir Pancasila"],
    [epochDayFromCivil(year, 8, 17), "Proklamasi Kemerdekaan"],
    [epochDayFromCivil(year, 12, 25), "Kelahiran Yesus Kristus"],
  ];
  const easter = easterSunday(year);
  days.push([easter - 2, "Wafat Yesus Kristus"], [easter, "Kebangkitan Yesus Kristus (Paskah)"], [easter + 39, "Kenaikan Yesus Kristus"]);
  days.push(...lunarHolidays(year));
  const entries = days
    .sort((a, b) => a[0] - b[0])
    .map(([day, name]): HolidayEntry => ({ date: isoOfEpochDay(day), name, type: "libur-nasional", source: SOURCE, estimated: true }));
  cache.set(year, entries);
  return entries;
}

const DECIDED_LATER = {
  id: "ditetapkan kemudian (SKB 3 Menteri); tanggalnya belum dapat dihitung",
  en: "set later by the joint ministerial decree (SKB); its date cannot be computed",
};

/** What an undecreed year's calendar lacks: the days no rule computes, unless `entries` (an organisation's own list) already has them. */
export function unknownHolidays(year: number, entries: readonly HolidayEntry[] = estimateHolidays(year)): UnknownHoliday[] {
  const has = (test: (h: HolidayEntry) => boolean) => entries.some(test);
  const out: UnknownHoliday[] = [];
  if (!has((h) => /nyepi/i.test(h.name) && h.type === "libur-nasional")) out.push({ year, name: "Hari Suci Nyepi", reason: DECIDED_LATER });
  if (!has((h) => /waisak/i.test(h.name) && h.type === "libur-nasional")) out.push({ year, name: "Hari Raya Waisak", reason: DECIDED_LATER });
  if (!has((h) => h.type === "cuti-bersama")) out.push({ year, name: "Cuti bersama", reason: { id: "ditetapkan setiap tahun dengan SKB 3 Menteri", en: "set every year by the joint ministerial decree (SKB)" } });
  const f = formats();
  const noCalendar = { id: "kalender lunar tidak tersedia di sistem ini", en: "the lunar calendar is not available on this system" };
  if (!f?.hasChinese && !has((h) => /imlek/i.test(h.name))) out.push({ year, name: "Tahun Baru Imlek", reason: noCalendar });
  if (!f?.hasHijri) for (const r of HIJRI_HOLIDAYS) if (!has((h) => h.name.startsWith(r.name))) out.push({ year, name: r.name, reason: noCalendar });
  return out;
}

const HIJRI_HOLIDAYS: { month: number; day: number; name: string }[] = [
  { month: 7, day: 27, name: "Isra Mikraj Nabi Muhammad SAW" },
  { month: 10, day: 1, name: "Idulfitri" },
  { month: 10, day: 2, name: "Idulfitri (hari kedua)" },
  { month: 12, day: 10, name: "Iduladha" },
  { month: 1, day: 1, name: "1 Muharam Tahun Baru Islam" },
  { month: 3, day: 12, name: "Maulid Nabi Muhammad SAW" },
];

type LunarFormats = { hijri: Intl.DateTimeFormat; chinese: Intl.DateTimeFormat; hasHijri: boolean; hasChinese: boolean } | null;
let lunarFormats: LunarFormats | undefined;

/** The two calendar formats, made once: building one costs milliseconds, and a long plan estimates centuries. */
function formats(): LunarFormats {
  if (lunarFormats !== undefined) return lunarFormats;
  try {
    const hijri = new Intl.DateTimeFormat("en-u-ca-islamic-umalqura", { month: "numeric", day: "numeric", timeZone: "UTC" });
    const chinese = new Intl.DateTimeFormat("en-u-ca-chinese", { month: "numeric", day: "numeric", timeZone: "UTC" });
    // A runtime without a calendar silently falls back to the Gregorian one: check.
    lunarFormats = { hijri, chinese, hasHijri: hijri.resolvedOptions().calendar === "islamic-umalqura", hasChinese: chinese.resolvedOptions().calendar === "chinese" };
  } catch {
    lunarFormats = null; // a runtime without these calendars: fixed and Easter-based days only
  }
  return lunarFormats;
}

function lunarHolidays(year: number): [number, string][] {
  const out: [number, string][] = [];
  const f = formats();
  if (!f) return out;
  const { hijri, chinese, hasHijri, hasChinese } = f;
  const first = epochDayFromCivil(year, 1, 1);
  const last = epochDayFromCivil(year, 12, 31);
  // Sample every 20 days (lunar months are 29–30 days, so no month is skipped) and jump to
  // the candidate day within the sampled month, then confirm it: ~40 formats, not 730.
  const found = new Map<number, string>();
  const confirm = (format: Intl.DateTimeFormat, day: number, month: number, dayOfMonth: number, name: string) => {
    if (day < first || day > last || found.has(day)) return;
    const md = monthDay(format, new Date(day * 86_400_000));
    if (md.month === month && md.day === dayOfMonth && !md.leap) found.set(day, name);
  };
  for (let day = first - 30; day <= last + 30; day += 20) {
    if (!hasHijri) break;
    const h = monthDay(hijri, new Date(day * 86_400_000));
    for (const rule of HIJRI_HOLIDAYS) if (h.month === rule.month) confirm(hijri, day + rule.day - h.day, rule.month, rule.day, rule.name);
  }
  // Imlek falls between 21 January and 20 February: sample that window only (a Chinese-calendar
  // format costs ~0.2 ms, and a long plan estimates centuries).
  for (let day = first + 20; hasChinese && day <= first + 50; day += 10) {
    const c = monthDay(chinese, new Date(day * 86_400_000));
    if (c.month === 1 && !c.leap) {
      confirm(chinese, day - c.day + 1, 1, 1, "Tahun Baru Imlek");
      break;
    }
  }
  for (const [day, name] of found) out.push([day, name]);
  return out;
}

function monthDay(format: Intl.DateTimeFormat, when: Date): { month: number; day: number; leap: boolean } {
  // "M/D" through format() is ~25× faster than formatToParts; anything else (a leap month's
  // "6bis/3") goes the long way.
  const m = /^(\d+)\/(\d+)$/.exec(format.format(when));
  if (m) return { month: Number(m[1]), day: Number(m[2]), leap: false };
  let month = 0;
  let day = 0;
  let leap = false;
  for (const part of format.formatToParts(when)) {
    if (part.type === "month") {
      month = Number.parseInt(part.value, 10);
      leap = /bis|leap/i.test(part.value);
    } else if (part.type === "day") day = Number.parseInt(part.value, 10);
  }
  return { month, day, leap };
}
