import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { Activity, Plan } from "../../domain/plan/schema.js";
import { schedulePlan } from "../../domain/schedule/index.js";
import { skeletonPlan } from "../mspdi/skeleton.js";
import { escapeText, foldLine, planToIcs, renderIcs } from "./ics.js";

function planWith(activities: Activity[], title = "Layanan Keliling"): Plan {
  return skeletonPlan({
    title,
    fiscalYear: 2027,
    start: "2027-01-04",
    calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: false, holidays: [], workingDays: [] },
    activities,
  });
}

function scheduled(plan: Plan) {
  const r = schedulePlan(plan);
  if (!r.ok) throw new Error(r.error.message.en);
  return r.schedule;
}

// A reader written from RFC 5545 independently of the writer: unfold, split, unescape.
type Prop = { name: string; params: string; value: string };
function parseIcs(text: string): Prop[][] {
  expect(text.endsWith("\r\n")).toBe(true);
  expect(text.replace(/\r\n/g, "")).not.toMatch(/[\r\n]/);
  const unfolded = text.replace(/\r\n[ \t]/g, "");
  const events: Prop[][] = [];
  let current: Prop[] | undefined;
  for (const line of unfolded.split("\r\n").filter((l) => l !== "")) {
    const m = /^([A-Z-]+)((?:;[^:]*)?):(.*)$/.exec(line);
    if (!m) throw new Error(`bad content line: ${line}`);
    const prop = { name: m[1]!, params: m[2]!, value: m[3]! };
    if (prop.name === "BEGIN" && prop.value === "VEVENT") current = [];
    else if (prop.name === "END" && prop.value === "VEVENT") {
      events.push(current ?? []);
      current = undefined;
    } else current?.push(prop);
  }
  return events;
}
function unescape(v: string): string {
  return v.replace(/\\([\\;,nN])/g, (_, c: string) => (c === "n" || c === "N" ? "\n" : c));
}
const get = (event: Prop[], name: string) => event.find((p) => p.name === name);

describe("planToIcs", () => {
  const activities: Activity[] = [
    { id: "a1", name: "Pendataan lansia", durationDays: 5, dependsOn: [] },
    { id: "a2", name: "Pelayanan keliling", durationDays: 3, dependsOn: [{ activityId: "a1", type: "FS", lagDays: 0 }] },
    { id: "m1", name: "Laporan selesai", durationDays: 0, dependsOn: [{ activityId: "a2", type: "FS", lagDays: 0 }] },
  ];

  it("writes one all-day event per activity with an exclusive DTEND", () => {
    const plan = planWith(activities);
    const schedule = scheduled(plan);
    const events = parseIcs(planToIcs(plan, schedule, { now: new Date("2027-01-01T00:00:00Z") }));
    expect(events).toHaveLength(3);
    for (const s of schedule.activities) {
      const e = events.find((ev) => unescape(get(ev, "SUMMARY")!.value).endsWith(plan.activities.find((a) => a.id === s.id)!.name))!;
      expect(get(e, "DTSTART")).toMatchObject({ params: ";VALUE=DATE", value: (s.milestone ? s.finish : s.start).replace(/-/g, "") });
      const end = new Date(`${s.finish}T00:00:00Z`);
      end.setUTCDate(end.getUTCDate() + 1);
      expect(get(e, "DTEND")).toMatchObject({ params: ";VALUE=DATE", value: end.toISOString().slice(0, 10).replace(/-/g, "") });
      expect(get(e, "DTSTAMP")?.value).toBe("20270101T000000Z");
    }
    // 2027-01-04 (Mon) + 5 working days → Fri 2027-01-08; the event covers 4–8 January.
    const first = events[0]!;
    expect(get(first, "DTSTART")?.value).toBe("20270104");
    expect(get(first, "DTEND")?.value).toBe("20270109");
    const milestone = events[2]!;
    expect(Number(get(milestone, "DTEND")!.value) - Number(get(milestone, "DTSTART")!.value)).toBe(1);
  });

  it("keeps UIDs stable per plan and activity", () => {
    const plan = planWith(activities);
    const schedule = scheduled(plan);
    const uids = (p: Plan, now: Date) => parseIcs(planToIcs(p, scheduled(p), { now })).map((e) => get(e, "UID")!.value);
    const a = uids(plan, new Date("2027-01-01T00:00:00Z"));
    expect(uids(plan, new Date("2027-06-01T00:00:00Z"))).toEqual(a);
    expect(new Set(a).size).toBe(3);
    const other = uids(planWith(activities, "Rencana lain"), new Date());
    expect(other.some((u) => a.includes(u))).toBe(false);
    expect(parseIcs(planToIcs(plan, schedule, { planKey: "plan-42" })).map((e) => get(e, "UID")!.value)).not.toEqual(a);
  });

  it("escapes and folds hostile text so it reads back literally", () => {
    fc.assert(
      fc.property(fc.string({ unit: "binary", maxLength: 400 }), (raw) => {
        const name = raw.trim() === "" ? "x" : raw;
        const plan = planWith([{ id: "a1", name, durationDays: 1, dependsOn: [] }]);
        const text = planToIcs(plan, scheduled(plan));
        for (const physical of text.split("\r\n")) expect(Buffer.byteLength(physical, "utf8")).toBeLessThanOrEqual(75);
        const [event] = parseIcs(text);
        const expected = name
          .replace(/[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/g, "\ufffd")
          .replace(/\r\n|\r/g, "\n")
          .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ");
        expect(unescape(get(event!, "SUMMARY")!.value)).toBe(expected);
      }),
      { numRuns: 200 },
    );
  });

  it("escapes commas, semicolons, backslashes and newlines", () => {
    expect(escapeText('a,b;c\\d\ne\r\nf "<g>"')).toBe('a\\,b\\;c\\\\d\\ne\\nf "<g>"');
  });

  it("folds at 75 octets without splitting a multi-byte character", () => {
    const line = `SUMMARY:${"é".repeat(100)}`;
    const folded = foldLine(line);
    const parts = folded.split("\r\n");
    expect(parts.length).toBeGreaterThan(2);
    for (const p of parts) expect(Buffer.byteLength(p, "utf8")).toBeLessThanOrEqual(75);
    expect(folded.replace(/\r\n /g, "")).toBe(line);
    expect(foldLine("x".repeat(75))).toBe("x".repeat(75));
    expect(foldLine("x".repeat(76))).toBe(`${"x".repeat(75)}\r\n x`);
  });

  it("survives a 10 000-character name", () => {
    const plan = planWith([{ id: "a1", name: "Ω;,".repeat(3334), durationDays: 2, dependsOn: [] }]);
    const [event] = parseIcs(planToIcs(plan, scheduled(plan)));
    expect(unescape(get(event!, "SUMMARY")!.value)).toBe("Ω;,".repeat(3334));
  });

  it("renders through the registry entry point, and refuses a dependency cycle with a bilingual message", async () => {
    const plan = planWith(activities);
    const events = parseIcs(new TextDecoder().decode(await renderIcs(plan)));
    expect(events.map((e) => get(e, "DTSTART")?.value)).toEqual(scheduled(plan).activities.map((a) => (a.milestone ? a.finish : a.start).replace(/-/g, "")));
    const cyclic = planWith([
      { id: "a", name: "A", durationDays: 1, dependsOn: [{ activityId: "b", type: "FS", lagDays: 0 }] },
      { id: "b", name: "B", durationDays: 1, dependsOn: [{ activityId: "a", type: "FS", lagDays: 0 }] },
    ]);
    await expect(renderIcs(cyclic)).rejects.toThrow(/ \/ .*cycle/i);
  });
});
