// Findings about the team decree's content (stage "keputusan"): the parts a Keputusan needs and
// the form of Menimbang. Who may sign (issuer, signatory, a.n., team members) is the authority
// check's (src/domain/decree/authority.ts), which also refuses rendering: it is not repeated here.
import { hurufUrut } from "../format/indonesian.js";
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { isBlank } from "./text.js";

const CONCLUSION = /^bahwa\s+berdasarkan\s+pertimbangan\b/i;
const FUNDING = /\b(DPA|DIPA|APBD|APBDes|APBN|dibebankan)\b/i;

export function decreeContentFindings(plan: Plan) {
  const { out, add } = findingsFor("keputusan");
  const d = plan.decree;
  const s = d.signatory;

  if (isBlank(d.place)) {
    add("error", "decree.place.missing", "decree.place", {
      id: "tempat penetapan Keputusan (\"Ditetapkan di …\") belum diisi",
      en: "the place of issue (\"Ditetapkan di …\") is not filled in",
    });
  }
  // A blank name is completeness, not authority: the draft decree still renders with dots.
  if (isBlank(s.name)) {
    add("error", "decree.signatory.nameMissing", "decree.signatory.name", { id: "nama penandatangan belum diisi", en: "the signatory's name is not filled in" });
  }
  if (isBlank(s.position)) {
    add("error", "decree.signatory.position.missing", "decree.signatory.position", {
      id: "jabatan penandatangan belum diisi",
      en: "the signatory's position is not filled in",
    });
  }

  if (d.considerations.every(isBlank)) {
    add("error", "decree.considerations.missing", "decree.considerations", { id: "konsiderans Menimbang belum diisi", en: "the considerations (Menimbang) are empty" });
  } else {
    d.considerations.forEach((c, i) => {
      const text = c.trim();
      if (!/^bahwa\b/i.test(text)) {
        add("warning", "decree.consideration.notBahwa", `decree.considerations[${i}]`, {
          id: `Menimbang huruf ${hurufUrut(i)} harus diawali "bahwa"`,
          en: `consideration ${hurufUrut(i)} must begin with "bahwa"`,
        });
      } else if (!text.endsWith(";")) {
        add("info", "decree.consideration.semicolon", `decree.considerations[${i}]`, {
          id: `Menimbang huruf ${hurufUrut(i)} diakhiri titik koma (;)`,
          en: `consideration ${hurufUrut(i)} should end with a semicolon (;)`,
        });
      }
    });
    const lastIndex = d.considerations.length - 1;
    if (!CONCLUSION.test((d.considerations[lastIndex] ?? "").trim())) {
      add("warning", "decree.considerations.conclusionMissing", `decree.considerations[${lastIndex}]`, {
        id: "butir terakhir Menimbang harus berbunyi \"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan … tentang …;\"",
        en: "the last consideration must read \"bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan … tentang …;\"",
      });
    }
  }
  if (d.legalBases.every(isBlank)) {
    add("error", "decree.legalBases.missing", "decree.legalBases", { id: "dasar hukum Mengingat belum diisi", en: "the legal bases (Mengingat) are empty" });
  }
  if (!d.dictums.some((t) => FUNDING.test(t))) {
    add("info", "decree.dictum.funding.missing", "decree.dictums", {
      id: "belum ada diktum pembebanan biaya (mis. \"… dibebankan pada DPA … Tahun Anggaran …\")",
      en: "no dictum charges the costs to a budget (e.g. \"… dibebankan pada DPA … Tahun Anggaran …\")",
    });
  }
  if (d.copiesTo.every(isBlank)) {
    add("info", "decree.copiesTo.empty", "decree.copiesTo", { id: "daftar tembusan belum diisi", en: "no copies-to (Tembusan) list yet" });
  }

  return out;
}
