// A small but complete plan in format v1 for store and API tests. Tests that should cover
// real plans also loop over examples/*.json (see examplePlans()), which picks up new files.
import { readdirSync, readFileSync, existsSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { join } from "node:path";
import { PLAN_FORMAT_V1, type Plan } from "../domain/plan/schema.js";

export function minimalPlan(overrides: Partial<Plan> = {}): Plan {
  return {
    format: PLAN_FORMAT_V1,
    title: "Pelayanan Adminduk Keliling bagi Lansia",
    fiscalYear: 2027,
    organization: { name: "Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji", unit: "Seksi Pelayanan Dokumen Kependudukan" },
    service: { name: "Perekaman KTP-el keliling", pattern: "fungsional" },
    targetGroups: [{ id: "g1", name: "Lansia di desa terpencil", size: 350, area: "Kecamatan Uji" }],
    analysis: {
      factors: [
        { id: "f1", kind: "strength", text: "Petugas terlatih", weight: 1, rating: 4 },
        { id: "f2", kind: "opportunity", text: "Dukungan camat", weight: 1, rating: 3 },
      ],
      assumptions: [{ id: "a1", text: "Jaringan seluler tersedia" }],
      strategies: [{ id: "s1", kind: "SO", text: "Jemput bola ke desa", factorIds: ["f1", "f2"] }],
    },
    direction: {
      vision: "Semua lansia memiliki KTP-el",
      missions: ["Mendekatkan layanan"],
      goals: [{ id: "go1", text: "Cakupan KTP-el lansia naik" }],
      targets: [{ id: "t1", goalId: "go1", text: "Lansia terekam", indicator: "persen lansia terekam", targetValue: "95%" }],
      policies: ["Layanan tanpa biaya"],
      programs: [{ id: "p1", name: "Program Pelayanan Adminduk" }],
    },
    start: "2027-01-04",
    calendar: { workWeek: [1, 2, 3, 4, 5], nationalHolidays: true, holidays: [], workingDays: [] },
    activities: [
      { id: "k1", name: "Pendataan lansia", output: "Daftar lansia", durationDays: 5, dependsOn: [], ownerId: "m2", targetId: "t1", programId: "p1", strategyIds: ["s1"] },
      { id: "k2", name: "Perekaman keliling", output: "KTP-el tercetak", durationDays: 10, dependsOn: [{ activityId: "k1", type: "FS", lagDays: 0 }], ownerId: "m2", targetId: "t1" },
      { id: "k3", name: "Laporan", output: "Laporan kegiatan", durationDays: 0, dependsOn: [{ activityId: "k2", type: "FF", lagDays: 1 }], ownerId: "m1" },
    ],
    resources: [{ id: "r1", kind: "people", name: "Operator", unit: "orang", available: 2 }],
    assignments: [{ activityId: "k2", resourceId: "r1", quantity: 2 }],
    budget: [{ id: "b1", activityId: "k2", item: "Konsumsi petugas", volume: 20, unit: "OH", unitPrice: 50000, account: "5.1.02.01.01.0052", source: "APBD" }],
    resourceStrategy: { organization: "Tim kecil lintas seksi" },
    mobilization: [{ id: "mb1", partner: "PKK Kecamatan", mechanism: "swadaya", stage: "meeting", value: 0 }],
    team: [
      { id: "m1", name: "Dra. Siti Aminah", nip: "197001011990032001", position: "Kepala Dinas", role: "pengarah", duties: ["memberi arahan"] },
      { id: "m2", name: "Budi Santoso", position: "Kepala Seksi", role: "ketua", duties: ["memimpin pelaksanaan"] },
    ],
    teamProcedures: "Rapat mingguan setiap Senin.",
    stakeholders: [{ id: "sh1", name: "Camat Uji", kind: "external", power: 4, interest: 4, attitude: "supportive" }],
    communication: [{ id: "c1", stakeholderId: "sh1", objective: "Dukungan lokasi", message: "Jadwal layanan", channel: "rapat", frequency: "bulanan", ownerId: "m2", principles: ["terbuka"] }],
    decree: {
      issuerTitle: "KEPALA DINAS KEPENDUDUKAN DAN PENCATATAN SIPIL KABUPATEN UJI",
      place: "Uji",
      signatory: { name: "Dra. Siti Aminah", position: "Kepala Dinas Kependudukan dan Pencatatan Sipil Kabupaten Uji" },
      considerations: ["bahwa pelayanan bagi lansia perlu didekatkan"],
      legalBases: ["Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik"],
      dictums: [],
      copiesTo: ["Bupati Uji"],
    },
    ...overrides,
  };
}

export const EXAMPLES_DIR = fileURLToPath(new URL("../../examples/", import.meta.url));

/** Every examples/*.json file as [name, parsed JSON]; empty while the folder is empty. */
export function examplePlans(): [string, unknown][] {
  if (!existsSync(EXAMPLES_DIR)) return [];
  return readdirSync(EXAMPLES_DIR)
    .filter((f) => f.endsWith(".json"))
    .sort()
    .map((f) => [f, JSON.parse(readFileSync(join(EXAMPLES_DIR, f), "utf8")) as unknown]);
}
