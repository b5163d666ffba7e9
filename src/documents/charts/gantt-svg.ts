// The Gantt chart as SVG: a pure function of computed schedule data (no plan, no calendar
// object, no IO), so the plan book (DOCX via PNG, PDF via pdfmake's svg node) and the web app
// draw the same picture. Long plans are cut into pages of rows sharing one time axis.
import { epochDayOf, isoOfEpochDay, civilFromEpochDay, isoWeekdayOfEpochDay } from "../../domain/schedule/dates.js";
import { xmlEscape } from "../literal-text.js";

export interface GanttRow {
  id: string;
  label: string;
  /** first working day (ISO) */
  start: string;
  /** last working day (ISO, inclusive); equals start for a milestone */
  finish: string;
  critical: boolean;
  milestone: boolean;
  /** 0..100 */
  progressPercent?: number;
}

export interface GanttNonWorkingDay {
  date: string;
  /** set for a holiday or cuti bersama; absent for a weekend day */
  holidayName?: string;
}

export interface GanttInput {
  rows: GanttRow[];
  /** visible range, inclusive */
  from: string;
  to: string;
  /** non-working days inside the range, to shade */
  nonWorkingDays: GanttNonWorkingDay[];
  fontFamily?: string;
}

export interface SvgPicture {
  svg: string;
  /** in SVG user units (1 unit = 1 pt when placed at natural size) */
  width: number;
  height: number;
}

export const GANTT_COLORS = {
  bar: "#2e75b6",
  barProgress: "#1b4a75",
  critical: "#c0392b",
  criticalProgress: "#7b241c",
  weekend: "#ececec",
  holiday: "#f9d6d5",
  grid: "#c8c8c8",
  text: "#1a1a1a",
} as const;

const BAS_BULAN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"] as const;

const WIDTH = 760;
const LABEL_WIDTH = 230;
const ROW_HEIGHT = 12;
const HEADER_HEIGHT = 34;
const LEGEND_HEIGHT = 26;

/** How many rows fit a picture at most `heightPt` tall at natural size. */
export function ganttRowsFitting(heightPt: number): number {
  return Math.max(5, Math.floor((heightPt - HEADER_HEIGHT - LEGEND_HEIGHT) / ROW_HEIGHT));
}
const FONT_SIZE = 7;

/** Cuts text to what fits in `width` at `fontSize` (average glyph ≈ 0.55 em), with an ellipsis. */
export function fitLabel(text: string, width: number, fontSize: number): string {
  const one = text.replace(/\s+/g, " ").trim();
  // 0.6 em per character on average leaves room for bold labels.
  const max = Math.max(4, Math.floor(width / (fontSize * 0.6)));
  return one.length > max ? `${one.slice(0, max - 1)}…` : one;
}

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

/** One page of the chart holding `rows` (all pages share the input's time axis). */
export function ganttSvg(input: GanttInput, rows: GanttRow[] = input.rows): SvgPicture {
  const font = xmlEscape(input.fontFamily ?? "DejaVu Sans");
  let fromDay = epochDayOf(input.from);
  let toDay = epochDayOf(input.to);
  if (Number.isNaN(fromDay) || Number.isNaN(toDay)) throw new RangeError(`ganttSvg: invalid range ${input.from}..${input.to}`);
  if (toDay < fromDay) [fromDay, toDay] = [toDay, fromDay];
  const days = toDay - fromDay + 1;
  const timeline = WIDTH - LABEL_WIDTH;
  const dayWidth = timeline / days;
  const chartTop = HEADER_HEIGHT;
  const chartHeight = Math.max(1, rows.length) * ROW_HEIGHT;
  const height = chartTop + chartHeight + LEGEND_HEIGHT;
  const x = (day: number) => LABEL_WIDTH + (day - fromDay) * dayWidth;
  const out: string[] = [];
  out.push(
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${num(height)}" viewBox="0 0 ${WIDTH} ${num(height)}" font-family="${font}" font-size="${FONT_SIZE}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${num(height)}" fill="#ffffff"/>`,
  );

  // Shading: runs of consecutive non-working days of the same kind become one rectangle.
  const shaded = [...input.nonWorkingDays]
    .map((d) => ({ day: epochDayOf(d.date), holiday: d.holidayName !== undefined }))
    .filter((d) => !Number.isNaN(d.day) && d.day >= fromDay && d.day <= toDay)
    .sort((a, b) => a.day - b.day);
  // One path per colour instead of one rectangle per run: a three-year chart has hundreds of
  // weekend runs on every page, and each element costs the PDF and PNG renderers.
  const runs = { weekend: [] as string[], holiday: [] as string[] };
  for (let i = 0; i < shaded.length; ) {
    const first = shaded[i]!;
    let j = i + 1;
    while (j < shaded.length && shaded[j]!.day === shaded[j - 1]!.day + 1 && shaded[j]!.holiday === first.holiday) j++;
    const last = shaded[j - 1]!;
    (first.holiday ? runs.holiday : runs.weekend).push(`M${num(x(first.day))} ${chartTop}h${num((last.day - first.day + 1) * dayWidth)}v${num(chartHeight)}h${num(-(last.day - first.day + 1) * dayWidth)}Z`);
    i = j;
  }
  if (runs.weekend.length > 0) out.push(`<path d="${runs.weekend.join("")}" fill="${GANTT_COLORS.weekend}"/>`);
  if (runs.holiday.length > 0) out.push(`<path d="${runs.holiday.join("")}" fill="${GANTT_COLORS.holiday}"/>`);

  // Time axis: months on the first line; days (short ranges) or week starts on the second.
  const gridLines: string[] = [`M${LABEL_WIDTH} ${chartTop}H${WIDTH}`];
  for (let day = fromDay; day <= toDay; ) {
    const { year, month } = civilFromEpochDay(day);
    const nextMonth = month === 12 ? epochDayOf(`${year + 1}-01-01`) : epochDayOf(`${year}-${String(month + 1).padStart(2, "0")}-01`);
    const end = Math.min(nextMonth - 1, toDay);
    const left = x(day);
    const right = x(end + 1);
    gridLines.push(`M${num(left)} 2V${num(chartTop + chartHeight)}`);
    if (right - left > 24) {
      out.push(`<text x="${num(left + 2)}" y="13" fill="${GANTT_COLORS.text}" font-weight="bold">${BAS_BULAN[month - 1]} ${year}</text>`);
    }
    day = end + 1;
  }
  const dailyLabels = dayWidth >= 9;
  for (let day = fromDay; day <= toDay; day++) {
    const dom = civilFromEpochDay(day).day;
    const weekStart = isoWeekdayOfEpochDay(day) === 1;
    if (dailyLabels || (weekStart && dayWidth * 7 >= 14)) {
      out.push(`<text x="${num(x(day) + (dailyLabels ? dayWidth / 2 : 1))}" y="28" fill="${GANTT_COLORS.text}" font-size="6.5"${dailyLabels ? ' text-anchor="middle"' : ""}>${dom}</text>`);
    }
  }

  out.push(`<path d="${gridLines.join("")}" stroke="${GANTT_COLORS.grid}" stroke-width="0.6" fill="none"/>`);

  // Rows: label on the left, bar or milestone diamond on the timeline.
  const rowLines: string[] = [];
  rows.forEach((row, i) => {
    const top = chartTop + i * ROW_HEIGHT;
    const mid = top + ROW_HEIGHT / 2;
    rowLines.push(`M0 ${num(top + ROW_HEIGHT)}H${WIDTH}`);
    const label = fitLabel(row.label, LABEL_WIDTH - 6, FONT_SIZE);
    out.push(`<text class="gantt-row" x="3" y="${num(mid + FONT_SIZE * 0.36)}" fill="${row.critical ? GANTT_COLORS.critical : GANTT_COLORS.text}"${row.critical ? ' font-weight="bold"' : ""}>${xmlEscape(label)}</text>`);
    const s = epochDayOf(row.start);
    const f = epochDayOf(row.finish);
    if (Number.isNaN(s) || Number.isNaN(f)) return;
    const color = row.critical ? GANTT_COLORS.critical : GANTT_COLORS.bar;
    if (row.milestone) {
      const cx = x(s) + dayWidth / 2;
      const r = ROW_HEIGHT * 0.32;
      out.push(`<path d="M ${num(cx)} ${num(mid - r)} L ${num(cx + r)} ${num(mid)} L ${num(cx)} ${num(mid + r)} L ${num(cx - r)} ${num(mid)} Z" fill="${color}"/>`);
      return;
    }
    const bx = x(Math.max(s, fromDay));
    const bw = Math.max(1.5, x(Math.min(f, toDay) + 1) - bx);
    out.push(`<rect x="${num(bx)}" y="${num(top + ROW_HEIGHT * 0.2)}" width="${num(bw)}" height="${num(ROW_HEIGHT * 0.6)}" fill="${color}" rx="1"/>`);
    const progress = Math.min(100, Math.max(0, row.progressPercent ?? 0));
    if (progress > 0) {
      out.push(`<rect x="${num(bx)}" y="${num(mid - 1.2)}" width="${num((bw * progress) / 100)}" height="2.4" fill="${row.critical ? GANTT_COLORS.criticalProgress : GANTT_COLORS.barProgress}"/>`);
    }
  });
  if (rowLines.length > 0) out.push(`<path d="${rowLines.join("")}" stroke="${GANTT_COLORS.grid}" stroke-width="0.3" fill="none"/>`);
  out.push(`<line x1="${LABEL_WIDTH}" y1="0" x2="${LABEL_WIDTH}" y2="${num(chartTop + chartHeight)}" stroke="#808080" stroke-width="0.8"/>`);

  // Legend.
  const ly = chartTop + chartHeight + 10;
  const legend: [string, string, "bar" | "diamond" | "box"][] = [
    [GANTT_COLORS.critical, "Jalur kritis", "bar"],
    [GANTT_COLORS.bar, "Kegiatan", "bar"],
    [GANTT_COLORS.critical, "Tonggak (milestone)", "diamond"],
    [GANTT_COLORS.weekend, "Akhir pekan", "box"],
    [GANTT_COLORS.holiday, "Hari libur / cuti bersama", "box"],
  ];
  let lx = 4;
  for (const [color, text, kind] of legend) {
    if (kind === "diamond") out.push(`<path d="M ${lx + 5} ${ly - 5} L ${lx + 10} ${ly} L ${lx + 5} ${ly + 5} L ${lx} ${ly} Z" fill="${color}"/>`);
    else out.push(`<rect x="${lx}" y="${ly - 4}" width="14" height="8" fill="${color}"${kind === "box" ? ' stroke="#999999" stroke-width="0.4"' : ""}/>`);
    out.push(`<text x="${lx + 18}" y="${ly + 3}" fill="${GANTT_COLORS.text}">${xmlEscape(text)}</text>`);
    lx += 18 + text.length * FONT_SIZE * 0.55 + 16;
  }
  out.push("</svg>");
  return { svg: out.join(""), width: WIDTH, height };
}

/** The chart cut into pages of at most `rowsPerPage` rows. An empty schedule gives one empty page. */
export function ganttPages(input: GanttInput, rowsPerPage = 40): SvgPicture[] {
  if (input.rows.length === 0) return [ganttSvg(input, [])];
  const pages: SvgPicture[] = [];
  for (let i = 0; i < input.rows.length; i += rowsPerPage) pages.push(ganttSvg(input, input.rows.slice(i, i + rowsPerPage)));
  return pages;
}

/** Every calendar day in [from, to] that is not a working day, given a predicate (for callers holding a calendar). */
export function nonWorkingDaysBetween(
  from: string,
  to: string,
  isWorkingDay: (iso: string) => boolean,
  holidayName: (iso: string) => string | undefined,
): GanttNonWorkingDay[] {
  const a = epochDayOf(from);
  const b = epochDayOf(to);
  const out: GanttNonWorkingDay[] = [];
  if (Number.isNaN(a) || Number.isNaN(b)) return out;
  for (let d = a; d <= b; d++) {
    const iso = isoOfEpochDay(d);
    if (isWorkingDay(iso)) continue;
    const name = holidayName(iso);
    out.push(name === undefined ? { date: iso } : { date: iso, holidayName: name });
  }
  return out;
}
