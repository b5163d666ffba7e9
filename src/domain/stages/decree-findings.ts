// Findings about the team decree's content (stage "keputusan"): the parts a Keputusan needs and
// the form of Menimbang. Who may sign (issuer, signatory, a.n., team members) is the authority
// check's (src/domain/decree/authority.ts), which also refuses rendering: it is not repeated here.
import { chargesCosts, decreeModel, fundingDictum, isConclusion } from "../decree/model.js";
import { hurufUrut } from "../format/indonesian.js";
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { isBlank } from "./text.js";


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
    // The decree adds the concluding item itself when the plan has none (decreeModel): say so,
    // with its wording, rather than call it missing — the findings and the decree agree.
    const lastIndex = d.considerations.length - 1;
    if (!isConclusion(d.considerations[lastIndex] ?? "")) {
      const added = decreeModel(plan).considerations.at(-1)?.text ?? "";
      add("info", "decree.considerations.conclusionAdded", `decree.considerations[${lastIndex}]`, {
        id: `butir terakhir Menimbang ditambahkan otomatis pada Keputusan: "${added}"`,
        en: `the decree adds the last consideration itself: "${added}"`,
      });
    }
  }
  if (d.legalBases.every(isBlank)) {
    add("error", "decree.legalBases.missing", "decree.legalBases", { id: "dasar hukum Mengingat belum diisi", en: "the legal bases (Mengingat) are empty" });
  }
  if (!d.dictums.some(chargesCosts) && plan.budget.length > 0) {
    // A budgeted plan without its own funding dictum gets the unit's DPA dictum (decreeModel).
    add("info", "decree.dictum.funding.added", "decree.dictums", {
      id: `diktum pembebanan biaya ditambahkan otomatis pada Keputusan: "${fundingDictum(plan)}"`,
      en: `the decree adds the funding dictum itself: "${fundingDictum(plan)}"`,
    });
  } else if (!d.dictums.some(chargesCosts)) {
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
