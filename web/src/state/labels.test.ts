import { describe, expect, it } from "vitest";
import { emptyPlan } from "../../../src/domain/plan/empty.js";
import { describePath, humanizeMessage } from "./labels.js";

const plan = emptyPlan({ title: "Uji", fiscalYear: 2027, organizationName: "Dinas Contoh" });
plan.targetGroups = [{ id: "g1", name: "Lansia", size: 10 }, { id: "g2", name: "Difabel", size: 5 }, { id: "g3", name: "Anak", size: 3 }];
plan.activities = [{ id: "k-81lis", name: "Rapat persiapan", durationDays: 2, dependsOn: [{ activityId: "k-2", type: "FS", lagDays: 0 }] }];

describe("places in the plan named as people call them", () => {
  it("names a field by its label and its item by its name", () => {
    expect(describePath(plan, "targetGroups[2].size", "id")).toBe("Kelompok sasaran «Anak» — Jumlah (orang)");
    expect(describePath(plan, "targetGroups[2].size", "en")).toBe("Target group «Anak» — Size (people)");
    expect(describePath(plan, "activities[0].dependsOn[0].activityId", "id")).toBe("Kegiatan «Rapat persiapan» — Pendahulu 1 — Kegiatan");
    expect(describePath(plan, "title", "id")).toBe("Judul rencana");
    expect(describePath(plan, "decree.issuerTitle", "id")).toBe("Surat Keputusan — Jabatan yang menetapkan");
  });
  it("puts names in place of ids and paths inside a message", () => {
    expect(humanizeMessage(plan, 'kegiatan "k-81lis" belum punya penanggung jawab', "id")).toBe("kegiatan «Rapat persiapan» belum punya penanggung jawab");
    expect(humanizeMessage(plan, "targetGroups[2].size: tidak boleh lebih dari 9007199254740991", "id")).toBe("Kelompok sasaran «Anak» — Jumlah (orang): tidak boleh lebih dari 9007199254740991");
  });
});
