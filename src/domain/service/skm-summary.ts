// One period of the SKM as the unit reads it and the laporan hasil SKM prints it: respondents,
// their profile, NRR per unsur, IKM with mutu and kinerja, the lowest unsur as the priority, the
// suggestions. Pure; the API, the web app and the documents share it.
import { computeIkm, unsurStandings, type IkmResult, type UnsurStanding } from "./ikm.js";
import { EDUCATIONS, GENDERS, OCCUPATIONS } from "./public.js";

export type SkmRecord = { answers: readonly number[]; gender: string | null; age: number | null; education: string | null; occupation: string | null; suggestion: string | null; submittedOn: string };

export type ProfileCount = { label: string; count: number };

export type SkmSummary = {
  period: { from: string; to: string };
  respondents: number;
  /** Undefined without respondents: an index of nobody does not exist. */
  result?: IkmResult;
  /** Every unsur on the 25–100 scale with its mutu, lowest first. */
  standings: UnsurStanding[];
  /** The lowest unsur (ties: all of them): the priority for improvement. */
  priority: UnsurStanding[];
  profile: { gender: ProfileCount[]; age: ProfileCount[]; education: ProfileCount[]; occupation: ProfileCount[] };
  suggestions: { date: string; text: string }[];
};

const AGE_GROUPS: { label: string; min: number; max: number }[] = [
  { label: "< 20 tahun", min: 0, max: 19 },
  { label: "20–29 tahun", min: 20, max: 29 },
  { label: "30–39 tahun", min: 30, max: 39 },
  { label: "40–49 tahun", min: 40, max: 49 },
  { label: "50–59 tahun", min: 50, max: 59 },
  { label: "≥ 60 tahun", min: 60, max: 1_000 },
];

function counts(values: readonly (string | null)[], labels: readonly string[], display: (v: string) => string = (v) => v): ProfileCount[] {
  const out = labels.map((l) => ({ label: display(l), count: values.filter((v) => v === l).length }));
  out.push({ label: "Tidak diisi", count: values.filter((v) => v === null || !labels.includes(v)).length });
  return out;
}

export function skmSummary(records: readonly SkmRecord[], period: { from: string; to: string }): SkmSummary {
  const answers = records.map((r) => r.answers);
  const result = computeIkm(answers);
  const standings = unsurStandings(answers);
  const lowest = standings[0]?.value;
  return {
    period,
    respondents: records.length,
    ...(result ? { result } : {}),
    standings,
    priority: lowest === undefined ? [] : standings.filter((s) => s.value === lowest),
    profile: {
      gender: counts(records.map((r) => r.gender), GENDERS, (g) => (g === "L" ? "Laki-laki" : "Perempuan")),
      age: [
        ...AGE_GROUPS.map((g) => ({ label: g.label, count: records.filter((r) => r.age !== null && r.age >= g.min && r.age <= g.max).length })),
        { label: "Tidak diisi", count: records.filter((r) => r.age === null).length },
      ],
      education: counts(records.map((r) => r.education), EDUCATIONS),
      occupation: counts(records.map((r) => r.occupation), OCCUPATIONS),
    },
    suggestions: records.filter((r) => r.suggestion && r.suggestion.trim() !== "").map((r) => ({ date: r.submittedOn, text: r.suggestion!.trim() })),
  };
}
