// The Gantt chart: our own SVG, drawing only computed dates (the scheduler owns every rule).
// Only the rows in view are drawn, so a plan of thousands of activities stays fast.
import { memo } from "react";
import type { Activity } from "../../../src/domain/plan/schema.js";
import type { ScheduledActivity, WorkingCalendar } from "../../../src/domain/schedule/index.js";
import { epochDayOf, isoOfEpochDay } from "../../../src/domain/schedule/dates.js";
import { headerLabels, type Zoom } from "./gantt-scale.js";

export type GanttLink = { from: number; to: number; type: "FS" | "SS" | "FF" | "SF"; critical: boolean };

export type GanttProps = {
  activities: readonly Activity[];
  scheduled: readonly (ScheduledActivity | undefined)[];
  links: readonly GanttLink[];
  calendar: WorkingCalendar;
  firstDay: number;
  dayCount: number;
  dayWidth: number;
  zoom: Zoom;
  rowHeight: number;
  first: number;
  last: number;
  today: string;
  /** Horizontal window in pixels of the chart that is on screen; days outside it are not drawn. */
  visibleX: readonly [number, number];
  selected?: number;
  labels: { today: string; critical: string; milestone: string };
};

export const HEADER_HEIGHT = 40;

const CHUNK_DAYS = 32;

export const Gantt = memo(function Gantt(p: GanttProps) {
  const width = p.dayCount * p.dayWidth;
  // Shading and header cover the visible days, widened to whole chunks so scrolling rarely redraws them.
  const fromDay = Math.max(0, (Math.floor(p.visibleX[0] / p.dayWidth / CHUNK_DAYS) - 1) * CHUNK_DAYS);
  const toDay = Math.min(p.dayCount, (Math.ceil(p.visibleX[1] / p.dayWidth / CHUNK_DAYS) + 1) * CHUNK_DAYS);
  const rows = Math.max(0, p.last - p.first);
  const top = p.first * p.rowHeight;
  const height = rows * p.rowHeight;
  const x = (iso: string) => (epochDayOf(iso) - p.firstDay) * p.dayWidth;
  const y = (row: number) => row * p.rowHeight + p.rowHeight / 2;

  const bars: React.ReactNode[] = [];
  for (let i = p.first; i < p.last; i++) {
    const a = p.activities[i];
    const s = p.scheduled[i];
    if (!a || !s) continue;
    const cls = `g-bar${s.critical ? " critical" : ""}${p.selected === i ? " selected" : ""}`;
    if (s.milestone) {
      const cx = x(s.finish) + (s.durationDays === 0 ? p.dayWidth : 0);
      const cy = y(i);
      bars.push(
        <path key={a.id} d={`M${cx} ${cy - 7} L${cx + 7} ${cy} L${cx} ${cy + 7} L${cx - 7} ${cy} Z`} className={`g-milestone${s.critical ? " critical" : ""}`} data-activity={a.id}>
          <title>{`${a.name} (${p.labels.milestone}) ${s.finish}`}</title>
        </path>,
      );
    } else {
      const bx = x(s.start);
      const bw = Math.max(2, x(s.finish) + p.dayWidth - bx);
      bars.push(
        <rect key={a.id} x={bx} y={i * p.rowHeight + 7} width={bw} height={p.rowHeight - 14} rx={3} className={cls} data-activity={a.id} data-start={s.start} data-finish={s.finish}>
          <title>{`${a.name}: ${s.start} – ${s.finish}${s.critical ? ` (${p.labels.critical})` : ""}`}</title>
        </rect>,
      );
    }
  }

  // Links: FS finish→start, SS start→start, FF finish→finish, SF start→finish.
  const paths: React.ReactNode[] = [];
  for (const l of p.links) {
    if ((l.from < p.first || l.from >= p.last) && (l.to < p.first || l.to >= p.last)) continue;
    const pa = p.scheduled[l.from], sa = p.scheduled[l.to];
    if (!pa || !sa) continue;
    const startEdge = (s: ScheduledActivity) => (s.milestone ? x(s.finish) + p.dayWidth : x(s.start));
    const finishEdge = (s: ScheduledActivity) => x(s.finish) + (s.milestone && s.durationDays === 0 ? p.dayWidth : p.dayWidth);
    const fromX = l.type === "FS" || l.type === "FF" ? finishEdge(pa) : startEdge(pa);
    const toX = l.type === "FS" || l.type === "SS" ? startEdge(sa) : finishEdge(sa);
    const fromY = y(l.from), toY = y(l.to);
    const intoStart = l.type === "FS" || l.type === "SS";
    const outX = l.type === "FS" || l.type === "FF" ? fromX + 6 : fromX - 6;
    const inX = intoStart ? toX - 6 : toX + 6;
    const midY = fromY + (toY > fromY ? 1 : -1) * (p.rowHeight / 2);
    const d = `M${fromX} ${fromY} H${outX} V${midY} H${inX} V${toY} H${toX}`;
    paths.push(<path key={`${l.from}-${l.to}-${l.type}`} d={d} className={`g-link ${l.type}${l.critical ? " critical" : ""}`} markerEnd="url(#g-arrow)" />);
  }

  const todayX = epochDayOf(p.today) - p.firstDay;
  return (
    <div className="gantt" style={{ width }}>
      <GanttHeader zoom={p.zoom} firstDay={p.firstDay} dayCount={p.dayCount} dayWidth={p.dayWidth} fromDay={fromDay} toDay={toDay} />
      <svg className="gantt-body" width={width} height={p.activities.length * p.rowHeight} aria-hidden="true">
        <defs>
          <marker id="g-arrow" viewBox="0 0 6 6" refX="6" refY="3" markerWidth="6" markerHeight="6" orient="auto-start-reverse">
            <path d="M0 0 L6 3 L0 6 Z" className="g-arrowhead" />
          </marker>
        </defs>
        <GanttShading calendar={p.calendar} firstDay={p.firstDay} dayWidth={p.dayWidth} fromDay={fromDay} toDay={toDay} height={p.activities.length * p.rowHeight} />
        {paths}
        {bars}
        {todayX >= 0 && todayX < p.dayCount ? (
          <line x1={todayX * p.dayWidth} x2={todayX * p.dayWidth} y1={top} y2={top + height} className="g-today" data-testid="today-line">
            <title>{p.labels.today}</title>
          </line>
        ) : null}
      </svg>
    </div>
  );
});

/** Weekends and holidays (names as tooltips): redrawn only when the calendar or the range changes. */
const GanttShading = memo(function GanttShading(p: { calendar: WorkingCalendar; firstDay: number; dayWidth: number; fromDay: number; toDay: number; height: number }) {
  const shades: React.ReactNode[] = [];
  if (p.toDay <= p.fromDay) return null;
  const holidayNames = new Map(p.calendar.holidays(isoOfEpochDay(p.firstDay + p.fromDay), isoOfEpochDay(p.firstDay + p.toDay - 1)).map((h) => [h.date, h.name]));
  for (let d = p.fromDay; d < p.toDay; d++) {
    const iso = isoOfEpochDay(p.firstDay + d);
    if (!p.calendar.isWorkingDay(iso)) {
      const name = holidayNames.get(iso);
      shades.push(
        <rect key={iso} x={d * p.dayWidth} y={0} width={p.dayWidth} height={p.height} className={name ? "g-holiday" : "g-weekend"}>
          {name ? <title>{`${iso} ${name}`}</title> : null}
        </rect>,
      );
    }
  }
  return <g>{shades}</g>;
});

/** The two-level time scale of the zoom (components/gantt-scale.ts): labels that never overlap. */
const GanttHeader = memo(function GanttHeader(p: { zoom: Zoom; firstDay: number; dayCount: number; dayWidth: number; fromDay: number; toDay: number }) {
  const width = p.dayCount * p.dayWidth;
  const labels = headerLabels(p.zoom, p.firstDay, p.fromDay, p.toDay, p.dayWidth);
  return (
    <svg className="gantt-header" width={width} height={HEADER_HEIGHT} aria-hidden="true" data-zoom={p.zoom}>
      <rect x={0} y={0} width={width} height={HEADER_HEIGHT} className="g-header-bg" />
      <line x1={0} x2={width} y1={HEADER_HEIGHT / 2} y2={HEADER_HEIGHT / 2} className="g-grid" />
      {labels.map((l) => (
        <g key={l.key}>
          {l.boundary ? <line x1={l.x} x2={l.x} y1={l.row === 0 ? 0 : HEADER_HEIGHT / 2} y2={HEADER_HEIGHT} className="g-grid" /> : null}
          {l.text ? (
            <text x={l.row === 1 && p.zoom === "hari" ? l.x + l.width / 2 : l.x + 3} y={l.row === 0 ? 14 : 33} className={l.row === 0 ? "g-month" : "g-day"} textAnchor={l.row === 1 && p.zoom === "hari" ? "middle" : "start"} data-row={l.row}>
              {l.text}
            </text>
          ) : null}
        </g>
      ))}
    </svg>
  );
});
