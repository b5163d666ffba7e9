// Stage 4: the activity table and the Gantt chart side by side, re-scheduled on every edit by the
// domain's scheduler; rows are virtualised. The selected activity's links are edited below.
import { focusPath } from "../state/stages.js";
import { todayIso } from "../state/today.js";
import { Term } from "../components/Term.js";
import { useEffect, useMemo, useRef, useState } from "react";
import { useTranslation } from "react-i18next";
import { formatTanggal } from "../../../src/domain/format/indonesian.js";
import { pick } from "../../../src/domain/messages.js";
import { LINK_TYPES, type Activity, type Plan } from "../../../src/domain/plan/schema.js";
import { buildWorkingCalendar, schedulePlan, type ScheduledActivity } from "../../../src/domain/schedule/index.js";
import { epochDayOf, isoOfEpochDay, yearOfIso } from "../../../src/domain/schedule/dates.js";
import { DateField, NumberField, SelectField, TextField, newId, useReadOnly } from "../components/fields.js";
import { Gantt, HEADER_HEIGHT, type GanttLink } from "../components/Gantt.js";
import { DAY_WIDTH, ZOOMS, type Zoom } from "../components/gantt-scale.js";
import { currentLang } from "../i18n/index.js";
import type { StageProps } from "./index.js";
import { useOrganizationCalendar } from "./organizationCalendar.js";

const ROW_HEIGHT = 34;
const TABLE_WIDTH = 638; // keep in step with .schedule-table in styles.css
const OVERSCAN = 8;

export function useSchedule(plan: Pick<Plan, "start" | "calendar" | "activities">) {
  const options = useOrganizationCalendar();
  return useMemo(() => schedulePlan({ start: plan.start, calendar: plan.calendar, activities: plan.activities }, options), [plan.start, plan.calendar, plan.activities, options]);
}

export function ScheduleStage({ plan, session }: StageProps) {
  const { t } = useTranslation();
  const result = useSchedule(plan);
  const orgCalendar = useOrganizationCalendar();
  const [selected, setSelected] = useState<number | undefined>(plan.activities.length ? 0 : undefined);
  const [zoom, setZoom] = useState<Zoom>("minggu");
  const dayWidth = DAY_WIDTH[zoom];
  const scroller = useRef<HTMLDivElement>(null);
  const [view, setView] = useState({ top: 0, height: 600, left: 0, width: 1000 });

  const scheduled = useMemo(() => {
    if (!result.ok) return [] as (ScheduledActivity | undefined)[];
    const byId = new Map(result.schedule.activities.map((s) => [s.id, s]));
    return plan.activities.map((a) => byId.get(a.id));
  }, [result, plan.activities]);

  const links = useMemo(() => {
    const index = new Map(plan.activities.map((a, i) => [a.id, i]));
    const out: GanttLink[] = [];
    plan.activities.forEach((a, to) =>
      a.dependsOn.forEach((dep) => {
        const from = index.get(dep.activityId);
        if (from !== undefined) out.push({ from, to, type: dep.type, critical: Boolean(scheduled[from]?.critical && scheduled[to]?.critical) });
      }),
    );
    return out;
  }, [plan.activities, scheduled]);

  const range = useMemo(() => {
    const startDay = epochDayOf(plan.start);
    let end = startDay + 30;
    for (const s of scheduled) if (s) end = Math.max(end, epochDayOf(s.finish) + 1);
    // Rounded to whole months so the calendar and the shading are not rebuilt on every edit.
    return { firstDay: startDay - 2, dayCount: Math.ceil((end - startDay + 10) / 30) * 30 };
  }, [plan.start, scheduled]);

  const calendar = useMemo(() => {
    // Exactly the years on screen: every extra year costs a holiday estimate.
    return buildWorkingCalendar(
      { start: plan.start, calendar: plan.calendar },
      yearOfIso(isoOfEpochDay(range.firstDay)),
      yearOfIso(isoOfEpochDay(range.firstDay + range.dayCount)),
      orgCalendar.holidayTable,
      orgCalendar.regionalHolidays,
    );
  }, [plan.start, plan.calendar, range.firstDay, range.dayCount, orgCalendar]);

  useEffect(() => {
    const el = scroller.current;
    if (!el) return;
    const onScroll = () => setView({ top: el.scrollTop, height: el.clientHeight, left: el.scrollLeft, width: el.clientWidth - TABLE_WIDTH });
    onScroll();
    el.addEventListener("scroll", onScroll, { passive: true });
    const ro = new ResizeObserver(onScroll);
    ro.observe(el);
    return () => {
      el.removeEventListener("scroll", onScroll);
      ro.disconnect();
    };
  }, []);

  // A finding about an activity: select it and bring its row into view.
  useEffect(() => {
    function onFocus(e: Event) {
      const m = /^activities\[(\d+)\]/.exec(String((e as CustomEvent).detail));
      if (!m) return;
      const i = Number(m[1]);
      setSelected(i);
      const el = scroller.current;
      if (el) el.scrollTop = Math.max(0, i * ROW_HEIGHT - el.clientHeight / 2);
    }
    window.addEventListener("rencana:focus", onFocus);
    return () => window.removeEventListener("rencana:focus", onFocus);
  }, []);

  const n = plan.activities.length;
  const first = Math.max(0, Math.floor((view.top - HEADER_HEIGHT) / ROW_HEIGHT) - OVERSCAN);
  const last = Math.min(n, Math.ceil((view.top + view.height) / ROW_HEIGHT) + OVERSCAN);
  const lang = currentLang();
  const sel = selected !== undefined ? plan.activities[selected] : undefined;

  return (
    <>
      <section className="card" aria-labelledby="schedule-title">
        <div className="toolbar">
          <h1 id="schedule-title">{t("schedule.title")}</h1>
          {result.ok ? (
            <p className="totals" data-testid="plan-finish">
              {t("schedule.finishPlan", { date: formatTanggal(result.schedule.finish) })}
            </p>
          ) : null}
          <div className="field inline-field">
            <label htmlFor="zoom">{t("schedule.zoom")}</label>
            <select id="zoom" value={zoom} onChange={(e) => setZoom(e.target.value as Zoom)}>
              {ZOOMS.map((z) => (
                <option key={z} value={z}>
                  {t(`schedule.zooms.${z}`)}
                </option>
              ))}
            </select>
          </div>
          <button
            type="button"
            onClick={() => {
              session.insert(["activities"], { id: newId("k", plan.activities), name: t("activities.newName"), durationDays: 1, dependsOn: [] });
              // The new activity is selected (its details open below), its name ready to be typed over.
              focusPath(`activities[${plan.activities.length}].name`, 10, true);
            }}
          >
            + {t("activities.newName")}
          </button>
        </div>
        {!result.ok ? (
          <p role="alert" className="error-box">
            {t("schedule.cycle", { message: pick(result.error.message, lang) })}
          </p>
        ) : result.schedule.estimatedHolidayYears.length ? (
          <div className="note" data-testid="schedule-estimated">
            <p>⚠ {lang === "en" ? "National holidays are estimates for" : "Libur nasional masih perkiraan untuk tahun"} {result.schedule.estimatedHolidayYears.join(", ")}</p>
            {result.schedule.unknownHolidays.length ? (
              <p data-testid="schedule-unknown-holidays">
                {lang === "en" ? "Not in the estimate (dates unknown, the schedule may fall on them):" : "Belum masuk perkiraan (tanggal belum diketahui, jadwal dapat jatuh pada hari itu):"}{" "}
                {result.schedule.unknownHolidays.map((u) => `${u.name} ${u.year}`).join(", ")}
              </p>
            ) : null}
          </div>
        ) : null}
        <div className="schedule-scroller" ref={scroller} data-testid="schedule-scroller">
          <div className="schedule-inner" style={{ height: HEADER_HEIGHT + n * ROW_HEIGHT }}>
            <div className="schedule-table" role="table" aria-label={t("schedule.title")} aria-rowcount={n + 1}>
              <div className="s-row s-head" role="row" aria-rowindex={1} style={{ height: HEADER_HEIGHT }}>
                <span role="columnheader" className="c-no">No</span>
                <span role="columnheader" className="c-name">{t("activities.name")}</span>
                <span role="columnheader" className="c-dur">{t("schedule.duration")}</span>
                <span role="columnheader" className="c-date">{t("schedule.start")}</span>
                <span role="columnheader" className="c-date">{t("schedule.finish")}</span>
                <span role="columnheader" className="c-float">
                  <Term term="Float">{t("terms.float")}</Term>
                </span>
              </div>
              <div style={{ height: first * ROW_HEIGHT }} aria-hidden="true" />
              {plan.activities.slice(first, last).map((a, k) => (
                <ScheduleRow key={a.id} index={first + k} activity={a} s={scheduled[first + k]} selected={selected === first + k} onSelect={setSelected} />
              ))}
            </div>
            <div className="schedule-chart">
              <Gantt
                activities={plan.activities}
                scheduled={scheduled}
                links={links}
                calendar={calendar}
                firstDay={range.firstDay}
                dayCount={range.dayCount}
                dayWidth={dayWidth}
                zoom={zoom}
                rowHeight={ROW_HEIGHT}
                first={first}
                last={last}
                today={todayIso()}
                visibleX={[view.left, view.left + Math.max(view.width, 200)]}
                selected={selected}
                labels={{ today: t("schedule.today"), critical: t("schedule.critical"), milestone: t("schedule.milestone") }}
              />
            </div>
          </div>
        </div>
      </section>
      {sel && selected !== undefined ? <ActivityDetail plan={plan} index={selected} activity={sel} session={session} /> : null}
      <CalendarEditor plan={plan} session={session} />
    </>
  );
}

function ScheduleRow({ index, activity: a, s, selected, onSelect }: { index: number; activity: Activity; s: ScheduledActivity | undefined; selected: boolean; onSelect: (i: number) => void }) {
  const { t } = useTranslation();
  const dp = `activities[${index}]`;
  return (
    <div
      role="row"
      aria-rowindex={index + 2}
      aria-selected={selected}
      className={`s-row${selected ? " selected" : ""}${s?.critical ? " critical" : ""}`}
      style={{ height: ROW_HEIGHT }}
      data-path={dp}
      data-activity={a.id}
      onFocus={() => onSelect(index)}
      onClick={() => onSelect(index)}
    >
      <span role="cell" className="c-no">{index + 1}</span>
      <span role="cell" className="c-name" title={a.name}>
        <button type="button" className="link" onClick={() => onSelect(index)}>
          {a.name}
        </button>
      </span>
      <span role="cell" className="c-dur">
        <NumberField hideLabel label={`${t("schedule.duration")}: ${a.name}`} path={["activities", { id: a.id }, "durationDays"]} dataPath={`${dp}.durationDays`} value={a.durationDays} integer min={0} />
      </span>
      <span role="cell" className="c-date" data-testid="start" data-date={s?.start}>
        {s ? formatTanggal(s.start) : ""}
      </span>
      <span role="cell" className="c-date" data-testid="finish" data-date={s?.finish}>
        {s ? formatTanggal(s.finish) : ""}
      </span>
      <span role="cell" className="c-float">{s ? `${s.totalFloat}${s.critical ? " ●" : ""}` : ""}</span>
    </div>
  );
}

function ActivityDetail({ plan, index, activity: a, session }: { plan: Plan; index: number; activity: Activity; session: StageProps["session"] }) {
  const { t } = useTranslation();
  const base = ["activities", { id: a.id }] as const;
  const dp = `activities[${index}]`;
  const others = plan.activities.filter((x) => x.id !== a.id);
  return (
    <section className="card" aria-labelledby="detail-title" data-testid="activity-detail">
      <h2 id="detail-title">
        {index + 1}. {a.name}
      </h2>
      <div className="grid-3">
        <TextField label={t("activities.name")} path={[...base, "name"]} dataPath={`${dp}.name`} value={a.name} />
        <DateField label={t("schedule.notBefore")} path={[...base, "notBefore"]} dataPath={`${dp}.notBefore`} value={a.notBefore} optional />
      </div>
      <h3>
        <Term term="FS / SS / FF / SF" label={t("schedule.links")}>{t("terms.linkTypes")}</Term>
      </h3>
      {a.dependsOn.map((dep, j) => {
        const dpath = [...base, "dependsOn", j] as const;
        const ddp = `${dp}.dependsOn[${j}]`;
        return (
          <div key={j} className="row" data-path={ddp} tabIndex={-1}>
            <SelectField label={t("schedule.predecessor")} path={[...dpath, "activityId"]} dataPath={`${ddp}.activityId`} value={dep.activityId} options={others.map((o) => [o.id, `${plan.activities.indexOf(o) + 1}. ${o.name}`] as const)} />
            <SelectField label={t("schedule.linkType")} path={[...dpath, "type"]} dataPath={`${ddp}.type`} value={dep.type} options={LINK_TYPES.map((l) => [l, t(`schedule.linkTypeNames.${l}`)] as const)} />
            <NumberField label={t("schedule.lag")} path={[...dpath, "lagDays"]} dataPath={`${ddp}.lagDays`} value={dep.lagDays} integer min={-10000} max={10000} />
            <button type="button" aria-label={`${t("common.remove")}: ${t("schedule.predecessor")} ${j + 1}`} onClick={() => session.set([...base, "dependsOn"], a.dependsOn.filter((_, k) => k !== j))}>
              ✕
            </button>
          </div>
        );
      })}
      {others.length ? (
        <button type="button" onClick={() => session.set([...base, "dependsOn"], [...a.dependsOn, { activityId: others.find((o) => !a.dependsOn.some((d) => d.activityId === o.id))?.id ?? others[0]!.id, type: "FS", lagDays: 0 }])}>
          + {t("schedule.addLink")}
        </button>
      ) : null}
    </section>
  );
}

function CalendarEditor({ plan, session }: { plan: Plan; session: StageProps["session"] }) {
  const { t } = useTranslation();
  const readOnly = useReadOnly();
  const days = [1, 2, 3, 4, 5, 6, 7];
  const names = currentLang() === "en" ? ["Mon", "Tue", "Wed", "Thu", "Fri", "Sat", "Sun"] : ["Sen", "Sel", "Rab", "Kam", "Jum", "Sab", "Min"];
  return (
    <section className="card" aria-labelledby="calendar-title">
      <h2 id="calendar-title">{t("schedule.calendar")}</h2>
      <div className="grid-3">
        <DateField label={t("plan.start")} path={["start"]} dataPath="start" value={plan.start} />
      </div>
      <fieldset className="checks" data-path="calendar.workWeek">
        <legend>{t("schedule.workWeek")}</legend>
        {days.map((d) => (
          <label key={d} className="inline">
            <input
              type="checkbox" disabled={readOnly}
              checked={plan.calendar.workWeek.includes(d)}
              onChange={(e) => {
                const next = e.target.checked ? [...plan.calendar.workWeek, d].sort() : plan.calendar.workWeek.filter((x) => x !== d);
                if (next.length) session.set(["calendar", "workWeek"], next);
              }}
            />
            {names[d - 1]}
          </label>
        ))}
      </fieldset>
      <label className="inline">
        <input type="checkbox" disabled={readOnly} checked={plan.calendar.nationalHolidays} onChange={(e) => session.set(["calendar", "nationalHolidays"], e.target.checked)} data-path="calendar.nationalHolidays" />
        {t("schedule.nationalHolidays")}
      </label>
      <h3>{t("schedule.holidays")}</h3>
      {plan.calendar.holidays.map((h, i) => (
        <div key={i} className="row" data-path={`calendar.holidays[${i}]`}>
          <DateField label={t("schedule.holidayDate")} path={["calendar", "holidays", i, "date"]} dataPath={`calendar.holidays[${i}].date`} value={h.date} />
          <TextField label={t("schedule.holidayName")} path={["calendar", "holidays", i, "name"]} dataPath={`calendar.holidays[${i}].name`} value={h.name} />
          <button type="button" aria-label={`${t("common.remove")}: ${h.name}`} onClick={() => session.remove(["calendar", "holidays", i])}>
            ✕
          </button>
        </div>
      ))}
      <button type="button" onClick={() => session.insert(["calendar", "holidays"], { date: plan.start, name: t("schedule.newHoliday") })}>
        + {t("schedule.newHoliday")}
      </button>
    </section>
  );
}
