// The organisation's working calendar for the schedule on screen (issue 10, item 6): read once
// from GET /api/calendar and turned into the scheduler's options by the same domain function the
// server uses, so the screen and GET /api/plans/:id/schedule agree.
import { useEffect, useState } from "react";
import { INDONESIA_HOLIDAYS, organizationHolidays, type OrganizationCalendarYear, type ScheduleOptions } from "../../../src/domain/schedule/index.js";

let cached: Promise<ScheduleOptions> | undefined;

async function fetchOptions(): Promise<ScheduleOptions> {
  const res = await fetch("/api/calendar", { credentials: "same-origin" });
  if (!res.ok) return {};
  const body = (await res.json()) as { years?: OrganizationCalendarYear[] };
  const years = body.years ?? [];
  if (years.length === 0) return {};
  const { table, regional } = organizationHolidays(years, INDONESIA_HOLIDAYS);
  return { holidayTable: table, regionalHolidays: regional };
}

/** The organisation's schedule options ({} until loaded, or when it has entered nothing). */
export function useOrganizationCalendar(): ScheduleOptions {
  const [options, setOptions] = useState<ScheduleOptions>({});
  useEffect(() => {
    let live = true;
    cached ??= fetchOptions().catch(() => ({}));
    void cached.then((o) => {
      if (live) setOptions(o);
    });
    return () => {
      live = false;
    };
  }, []);
  return options;
}
