// The Kurva S (S-curve) as SVG: a pure function of the progress computation's weekly curve
// (src/domain/realization: nothing is re-computed here), so the laporan kemajuan (DOCX via PNG,
// PDF via pdfmake's svg node) and the web app's Pengawasan stage draw the same picture.
// Physical progress (fisik) and money (keuangan, as a percent of the RAB) share one 0–100 axis;
// earlier approved baselines are drawn dotted.
import { civilFromEpochDay, epochDayOf } from "../../domain/schedule/dates.js";
import type { CurvePoint } from "../../domain/realization/progress.js";
import { xmlEscape } from "../literal-text.js";
import type { SvgPicture } from "./gantt-svg.js";

export type KurvaSInput = {
  curve: readonly CurvePoint[];
  /** The RAB total, Rupiah: money is drawn as a percent of it (no money lines when 0). */
  budget: number;
  /** The reporting date: a vertical marker. */
  at: string;
  /** Labels of the curve's `baselines` series, in order. */
  baselineLabels?: readonly string[];
  /**
   * The computation's figures at `at` itself (between two Sundays): drawn as one more point, so
   * the actual line reaches the reporting date.
   */
  current?: Omit<CurvePoint, "date">;
  fontFamily?: string;
};

/** The weekly points with the reporting date's own point in its place. */
function pointsOf(input: KurvaSInput): CurvePoint[] {
  if (!input.current || input.curve.some((p) => p.date === input.at)) return [...input.curve];
  const before = input.curve.filter((p) => p.date < input.at);
  if (before.length === 0 || before.length === input.curve.length) return [...input.curve];
  return [...before, { date: input.at, ...input.current }, ...input.curve.slice(before.length)];
}

export const KURVA_S_COLORS = {
  planned: "#2e75b6",
  actual: "#c0392b",
  plannedMoney: "#1e8449",
  actualMoney: "#d35400",
  baseline: ["#7f7f7f", "#a569bd", "#5d6d7e"],
  grid: "#d0d0d0",
  text: "#1a1a1a",
  today: "#555555",
} as const;

const BAS_BULAN = ["Jan", "Feb", "Mar", "Apr", "Mei", "Jun", "Jul", "Agu", "Sep", "Okt", "Nov", "Des"] as const;
const WIDTH = 600;
const PLOT = { left: 42, right: 16, top: 14, height: 220 } as const;
const FONT_SIZE = 9;

function num(n: number): string {
  return Number.isInteger(n) ? String(n) : n.toFixed(2);
}

type Series = { label: string; color: string; dash?: string; values: (number | null)[]; marker?: boolean };

/** The series the chart draws, in legend order (exported for the web's text alternative). */
export function kurvaSSeries(input: KurvaSInput): Series[] {
  const money = input.budget > 0;
  const pct = (v: number | null) => (v === null ? null : Math.min(100, (v / input.budget) * 100));
  const curve = pointsOf(input);
  const series: Series[] = [
    { label: "Rencana fisik", color: KURVA_S_COLORS.planned, values: curve.map((p) => p.planned) },
    { label: "Realisasi fisik", color: KURVA_S_COLORS.actual, values: curve.map((p) => p.actual), marker: true },
  ];
  if (money) {
    series.push(
      { label: "Rencana keuangan", color: KURVA_S_COLORS.plannedMoney, dash: "6 3", values: curve.map((p) => pct(p.plannedSpend)) },
      { label: "Realisasi keuangan", color: KURVA_S_COLORS.actualMoney, dash: "6 3", values: curve.map((p) => pct(p.actualSpend)), marker: true },
    );
  }
  (input.baselineLabels ?? []).forEach((label, b) => {
    series.push({ label, color: KURVA_S_COLORS.baseline[b % KURVA_S_COLORS.baseline.length]!, dash: "2 2", values: curve.map((p) => p.baselines[b] ?? null) });
  });
  return series;
}

export function kurvaSSvg(input: KurvaSInput): SvgPicture {
  const font = xmlEscape(input.fontFamily ?? "DejaVu Sans");
  const series = kurvaSSeries(input);
  const points = pointsOf(input);
  const n = points.length;
  const plotWidth = WIDTH - PLOT.left - PLOT.right;
  const bottom = PLOT.top + PLOT.height;
  // Legend rows below the axis labels.
  const legendItems = series.map((s) => ({ ...s, width: 26 + s.label.length * FONT_SIZE * 0.55 + 14 }));
  const legendRows: (typeof legendItems)[] = [[]];
  let used = 0;
  for (const item of legendItems) {
    if (used + item.width > WIDTH - 8 && legendRows[legendRows.length - 1]!.length > 0) {
      legendRows.push([]);
      used = 0;
    }
    legendRows[legendRows.length - 1]!.push(item);
    used += item.width;
  }
  const height = bottom + 30 + legendRows.length * 13;
  const days = points.map((p) => epochDayOf(p.date));
  const first = days[0] ?? 0;
  const last = days[n - 1] ?? first;
  const span = Math.max(7, last - first);
  // Week 0 sits a week in from the left edge, so the start of the plan (0 %) has room.
  const x = (day: number) => PLOT.left + ((day - (first - 7)) / (span + 7)) * plotWidth;
  const y = (v: number) => bottom - (Math.max(0, Math.min(100, v)) / 100) * PLOT.height;
  const out: string[] = [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${num(height)}" viewBox="0 0 ${WIDTH} ${num(height)}" font-family="${font}" font-size="${FONT_SIZE}">`,
    `<rect x="0" y="0" width="${WIDTH}" height="${num(height)}" fill="#ffffff"/>`,
  ];
  // Percent grid and labels.
  const grid: string[] = [];
  for (let v = 0; v <= 100; v += 20) {
    grid.push(`M${PLOT.left} ${num(y(v))}H${WIDTH - PLOT.right}`);
    out.push(`<text x="${PLOT.left - 4}" y="${num(y(v) + 3)}" text-anchor="end" fill="${KURVA_S_COLORS.text}">${v}%</text>`);
  }
  // Month boundaries on the time axis (a label at the first point of each month).
  let lastMonth = -1;
  for (let i = 0; i < n; i++) {
    const { year, month } = civilFromEpochDay(days[i]!);
    if (month === lastMonth) continue;
    lastMonth = month;
    const mx = x(days[i]!);
    grid.push(`M${num(mx)} ${PLOT.top}V${bottom}`);
    out.push(`<text x="${num(mx)}" y="${bottom + 12}" text-anchor="middle" fill="${KURVA_S_COLORS.text}">${BAS_BULAN[month - 1]} ${year}</text>`);
  }
  out.push(`<path d="${grid.join("")}" stroke="${KURVA_S_COLORS.grid}" stroke-width="0.5" fill="none"/>`);
  out.push(`<path d="M${PLOT.left} ${PLOT.top}V${bottom}H${WIDTH - PLOT.right}" stroke="#808080" stroke-width="0.8" fill="none"/>`);
  // The reporting date.
  const atDay = epochDayOf(input.at);
  if (!Number.isNaN(atDay) && atDay >= first - 7 && atDay <= last) {
    const ax = x(atDay);
    out.push(`<path d="M${num(ax)} ${PLOT.top}V${bottom}" stroke="${KURVA_S_COLORS.today}" stroke-width="0.8" stroke-dasharray="3 2" fill="none"/>`);
    const { day, month, year } = civilFromEpochDay(atDay);
    out.push(`<text x="${num(ax + 3)}" y="${PLOT.top + 8}" fill="${KURVA_S_COLORS.today}">per ${day} ${BAS_BULAN[month - 1]} ${year}</text>`);
  }
  // Lines from 0 % a week before the first point; markers on reported values.
  for (const s of [...series].reverse()) {
    const parts: string[] = [`M${num(x(first - 7))} ${num(y(0))}`];
    const markers: string[] = [];
    s.values.forEach((v, i) => {
      if (v === null) return;
      parts.push(`L${num(x(days[i]!))} ${num(y(v))}`);
      if (s.marker) markers.push(`M${num(x(days[i]!) - 1.6)} ${num(y(v))}a1.6 1.6 0 1 0 3.2 0a1.6 1.6 0 1 0 -3.2 0`);
    });
    if (parts.length > 1) out.push(`<path d="${parts.join("")}" stroke="${s.color}" stroke-width="1.6" fill="none"${s.dash ? ` stroke-dasharray="${s.dash}"` : ""}/>`);
    if (markers.length > 0) out.push(`<path d="${markers.join("")}" fill="${s.color}"/>`);
  }
  // Legend.
  legendRows.forEach((row, r) => {
    const ly = bottom + 28 + r * 13;
    let lx = 6;
    for (const item of row) {
      out.push(`<path d="M${num(lx)} ${ly - 3}h20" stroke="${item.color}" stroke-width="1.6"${item.dash ? ` stroke-dasharray="${item.dash}"` : ""}/>`);
      out.push(`<text x="${num(lx + 24)}" y="${ly}" fill="${KURVA_S_COLORS.text}">${xmlEscape(item.label)}</text>`);
      lx += item.width;
    }
  });
  out.push("</svg>");
  return { svg: out.join(""), width: WIDTH, height };
}
