// The pure parts of the review screens: which items a comment can name per stage, the open
// comment counts of the stage navigation, the reviewers' initialling order.
import { describe, expect, it } from "vitest";
import { emptyPlan } from "../../../src/domain/plan/empty.js";
import type { Plan } from "../../../src/domain/plan/schema.js";
import type { PlanComment } from "../api/review.js";
import { STAGE_SLUGS } from "../router.js";
import { openCommentCounts } from "./CommentsPanel.js";
import { findItem, stageItems } from "./items.js";
import { normalise } from "./TeamPanel.js";
import { statusLabelKey } from "./WorkflowBar.js";
import { auditChangesText } from "./HistoryPanel.js";

function samplePlan(): Plan {
  const plan = emptyPlan({ title: "Uji", fiscalYear: 2027, organizationName: "Dinas Uji" });
  return {
    ...plan,
    targetGroups: [
      { id: "g1", name: "Lansia", size: 10 },
      { id: "g2", name: "Disabilitas", size: 5 },
    ],
    activities: [
      { id: "k1", name: "Rapat", durationDays: 1, dependsOn: [] },
      { id: "k2", name: "Perekaman", durationDays: 3, dependsOn: [] },
    ],
  } as Plan;
}

describe("stageItems", () => {
  it("lists the items of a stage with the row path a finding would use", () => {
    const plan = samplePlan();
    expect(stageItems(plan, "sasaran")).toEqual([
      { ref: "g1", label: "g1 — Lansia", dataPath: "targetGroups[0]" },
      { ref: "g2", label: "g2 — Disabilitas", dataPath: "targetGroups[1]" },
    ]);
    expect(stageItems(plan, "jadwal").map((i) => i.dataPath)).toEqual(["activities[0]", "activities[1]"]);
    expect(stageItems(plan, "dokumen")).toEqual([]);
  });

  it("finds the stage of an item named without one", () => {
    const plan = samplePlan();
    expect(findItem(plan, STAGE_SLUGS, "k2")).toEqual({ stage: "kegiatan", item: { ref: "k2", label: "k2 — Perekaman", dataPath: "activities[1]" } });
    expect(findItem(plan, STAGE_SLUGS, "nope")).toBeUndefined();
  });
});

describe("openCommentCounts", () => {
  const base = { authorId: "u1", authorName: "A", itemRef: null, version: 1, createdAt: "2026-11-27T10:00:00Z" };
  it("counts open comments per stage; resolved and plan-wide ones are not on a stage badge", () => {
    const comments: PlanComment[] = [
      { ...base, id: "1", stage: "sasaran", body: "a", resolvedAt: null },
      { ...base, id: "2", stage: "sasaran", body: "b", resolvedAt: null },
      { ...base, id: "3", stage: "sasaran", body: "c", resolvedAt: "2026-11-27T11:00:00Z" },
      { ...base, id: "4", stage: "jadwal", body: "d", resolvedAt: null },
      { ...base, id: "5", stage: null, body: "e", resolvedAt: null },
    ];
    expect([...openCommentCounts(comments)]).toEqual([
      ["sasaran", 2],
      ["jadwal", 1],
    ]);
  });
});

describe("team order", () => {
  it("sorts by role and numbers the reviewers 1, 2, … in their current order", () => {
    const out = normalise([
      { userId: "s", name: "S", role: "penandatangan", position: 0 },
      { userId: "r2", name: "R2", role: "pemeriksa", position: 7 },
      { userId: "p", name: "P", role: "penyusun", position: 0 },
      { userId: "r1", name: "R1", role: "pemeriksa", position: 3 },
      { userId: "b", name: "B", role: "pembaca", position: 0 },
    ]);
    expect(out.map((m) => [m.userId, m.position])).toEqual([
      ["p", 0],
      ["r1", 1],
      ["r2", 2],
      ["s", 0],
      ["b", 0],
    ]);
  });
});

describe("statusLabelKey", () => {
  it("names the known statuses and falls back for one a newer server might send", () => {
    expect(statusLabelKey("returned")).toBe("review.status.returned");
    expect(statusLabelKey("withdrawn")).toBe("review.status.unknown");
  });
});

describe("audit change summary", () => {
  const more = (n: number) => `(+${n})`;
  const detail = {
    changes: {
      count: 5,
      items: [
        { path: "title", kind: "changed", label: { id: "Judul rencana", en: "Plan title" } },
        { path: "activities[id=k1].durationDays", kind: "changed", label: { id: "Kegiatan k1: durasi", en: "Activity k1: duration" } },
        { path: "budget[id=b1]", kind: "added", label: { id: "Baris anggaran b1 ditambahkan", en: "Budget line b1 added" } },
        { path: "budget[id=b2]", kind: "added", label: { id: "Baris anggaran b2 ditambahkan", en: "Budget line b2 added" } },
      ],
    },
  };
  it("names the first three changes in the chosen language and counts the rest", () => {
    expect(auditChangesText(detail, "id", more)).toBe("Judul rencana; Kegiatan k1: durasi; Baris anggaran b1 ditambahkan (+2)");
    expect(auditChangesText(detail, "en", more)).toBe("Plan title; Activity k1: duration; Budget line b1 added (+2)");
  });
  it("is empty for entries without a change summary (sign-ins, comments) or with an unreadable one", () => {
    expect(auditChangesText({ ip: "127.0.0.1" }, "id", more)).toBe("");
    expect(auditChangesText(undefined, "id", more)).toBe("");
    expect(auditChangesText({ changes: { count: "x" } }, "id", more)).toBe("");
  });
});
