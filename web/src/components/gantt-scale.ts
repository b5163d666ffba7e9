// The Gantt's time scale: three zoom levels, each a two-level header (a period above, its parts
// below), and where each label goes so that none overlaps another: a label is drawn at the
// start of its period's visible part, in full, shortened, or not at all, whichever fits.
import { epochDayOf, isoOfEpochDay, isoWeekdayOfEpochDay } from "../../../src/domain/schedule/dates.js";
import { NAMA_BULAN } from "../../../src/domain/format/indonesian.js";

export type Zoom = "hari" | "minggu" | "bulan";
export const ZOOMS: readonly Zoom[] = ["hari", "minggu", "bulan"];
/** Pixels per calendar day at each zoom. */
export const DAY_WIDTH: Record<Zoom, number> = { hari: 28, minggu: 12, bulan: 3 };

export type HeaderLabel = { key: string; x: number; width: number; text: string; row: 0 | 1; boundary: boolean };

/** Rough width of a label in the header's fonts (11 px / 9 px): enough to decide what fits. */
const charWidth = (row: 0 | 1) => (row === 0 ? 6.6 : 5.6);

type Period = { start: number; end: number; texts: string[] };

/** Months, named with their year (the upper row) or without (under the years). */
function months(firstDay: number, from: number, to: number, withYear = true): Period[] {
  const out: Period[] = [];
  let d = from;
  while (d < to) {
    const iso = isoOfEpochDay(firstDay + d);
    const y = Number(iso.slice(0, 4)), m = Number(iso.slice(5, 7));
    const next = epochDayOf(`${m === 12 ? y + 1 : y}-${String(m === 12 ? 1 : m + 1).padStart(2, "0")}-01`) - firstDay;
    const start = epochDayOf(`${iso.slice(0, 7)}-01`) - firstDay;
    const name = NAMA_BULAN[m - 1]!;
    out.push({ start, end: next, texts: withYear ? [`${name} ${y}`, `${name.slice(0, 3)} ${String(y).slice(2)}`, name.slice(0, 3), name.slice(0, 1)] : [name.slice(0, 3), name.slice(0, 1)] });
    d = next;
  }
  return out;
}

function years(firstDay: number, from: number, to: number): Period[] {
  const out: Period[] = [];
  let d = from;
  while (d < to) {
    const y = Number(isoOfEpochDay(firstDay + d).slice(0, 4));
    const start = epochDayOf(`${y}-01-01`) - firstDay;
    const end = epochDayOf(`${y + 1}-01-01`) - firstDay;
    out.push({ start, end, texts: [String(y), `'${String(y).slice(2)}`] });
    d = end;
  }
  return out;
}

/** Weeks from Monday; labelled by the Monday's date ("4 Jan"). */
function weeks(firstDay: number, from: number, to: number): Period[] {
  const out: Period[] = [];
  const dow = isoWeekdayOfEpochDay(firstDay + from); // 1 = Monday
  let start = from - (dow - 1);
  while (start < to) {
    const iso = isoOfEpochDay(firstDay + start);
    const day = Number(iso.slice(8, 10));
    out.push({ start, end: start + 7, texts: [`${day} ${NAMA_BULAN[Number(iso.slice(5, 7)) - 1]!.slice(0, 3)}`, String(day)] });
    start += 7;
  }
  return out;
}

function days(firstDay: number, from: number, to: number): Period[] {
  const out: Period[] = [];
  for (let d = from; d < to; d++) out.push({ start: d, end: d + 1, texts: [String(Number(isoOfEpochDay(firstDay + d).slice(8, 10)))] });
  return out;
}

/**
 * The header's labels for days [from, to) of the chart: row 0 the upper period, row 1 the lower.
 * Each label starts at its period's first visible day and is the longest text that fits before
 * the period ends, so labels never overlap; `boundary` marks a period's true start (a grid line).
 */
export function headerLabels(zoom: Zoom, firstDay: number, from: number, to: number, dayWidth: number): HeaderLabel[] {
  const monthsOnly = (f: number, a: number, b: number) => months(f, a, b, false);
  const [upper, lower] = zoom === "hari" ? [months, days] : zoom === "minggu" ? [months, weeks] : [years, monthsOnly];
  const out: HeaderLabel[] = [];
  const place = (periods: Period[], row: 0 | 1) => {
    for (const p of periods) {
      const start = Math.max(p.start, from);
      const end = Math.min(p.end, to);
      if (end <= start) continue;
      const x = start * dayWidth;
      const width = (end - start) * dayWidth;
      const room = width - 4;
      // A lower period cut by the range's start (a week begun before it) is left unlabelled: its
      // label would name a day that is not where it is drawn.
      const text = row === 1 && p.start < from ? "" : (p.texts.find((t) => t.length * charWidth(row) <= room) ?? "");
      out.push({ key: `${row}-${p.start}`, x, width, text, row, boundary: p.start >= from });
    }
  };
  place(upper(firstDay, from, to), 0);
  place(lower(firstDay, from, to), 1);
  return out;
}
