// Findings about the team decree's content (stage "keputusan"): the parts a Keputusan needs,
// the form of Menimbang, and who may not sign. Codes shared with the documents' authority
// check (src/domain/decree) mean the same thing; computeFindings merges such duplicates.
import { hurufUrut } from "../format/indonesian.js";
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { isBlank, nameOf } from "./text.js";

const CONCLUSION = /^bahwa\s+berdasarkan\s+pertimbangan\b/i;
const FUNDING = /\b(DPA|DIPA|APBD|APBDes|APBN|dibebankan)\b/i;

/** Digits of a NIP, or "" when there are none. */
export function nipKey(nip: string | undefined): string {
  return (nip ?? "").replace(/\D/g, "");
}

/**
 * A person's name without academic and religious titles, for comparing two spellings:
 * "Drs. H. Bambang Sutrisno, M.Si." → "bambang sutrisno".
 */
export function personKey(name: string): string {
  const beforeDegrees = name.split(",")[0] ?? "";
  return beforeDegrees
    .toLowerCase()
    .replace(/\b(prof|dr|drs|dra|drg|ir|h|hj|kh|ns|apt)\.\s*/g, "")
    .replace(/[^\p{L}\p{N}\s]/gu, " ")
    .replace(/\s+/g, " ")
    .trim();
}

export function decreeContentFindings(plan: Plan) {
  const { out, add } = findingsFor("keputusan");
  const d = plan.decree;
  const s = d.signatory;

  if (isBlank(d.issuerTitle)) {
    add("error", "decree.issuer.missing", "decree.issuerTitle", {
      id: "jabatan yang menetapkan Keputusan belum diisi (mis. \"KEPALA DINAS … KABUPATEN …\")",
      en: "the office issuing the decree is not filled in (e.g. \"KEPALA DINAS … KABUPATEN …\")",
    });
  }
  if (isBlank(d.place)) {
    add("error", "decree.place.missing", "decree.place", {
      id: "tempat penetapan Keputusan (\"Ditetapkan di …\") belum diisi",
      en: "the place of issue (\"Ditetapkan di …\") is not filled in",
    });
  }
  if (isBlank(s.name)) {
    add("error", "decree.signatory.nameMissing", "decree.signatory.name", { id: "nama penandatangan belum diisi", en: "the signatory's name is not filled in" });
  }
  if (isBlank(s.position)) {
    add("error", "decree.signatory.position.missing", "decree.signatory.position", {
      id: "jabatan penandatangan belum diisi",
      en: "the signatory's position is not filled in",
    });
  }
  if (s.capacity === "an" && isBlank(s.onBehalfOf)) {
    add("error", "decree.signatory.onBehalfOfMissing", "decree.signatory.onBehalfOf", {
      id: "penandatangan \"a.n.\" harus menyebut jabatan yang diwakili",
      en: "an \"a.n.\" signatory must name the office signed for",
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

  // The drafter and the team below the pengarah do not sign the decree forming their own team.
  const signatoryNip = nipKey(s.nip);
  const signatoryName = personKey(s.name);
  plan.team.forEach((m) => {
    if (m.role === "pengarah") return;
    const memberNip = nipKey(m.nip);
    const same = signatoryNip !== "" && memberNip !== "" ? signatoryNip === memberNip : signatoryName !== "" && signatoryName === personKey(m.name);
    if (!same) return;
    add("error", "decree.signatory.teamMember", "decree.signatory.name", {
      id: `penandatangan ${nameOf(m.id, s.name)} adalah anggota tim di bawah Pengarah; Keputusan ditandatangani pejabat yang berwenang, bukan oleh tim yang dibentuknya`,
      en: `the signatory ${nameOf(m.id, s.name)} is a team member below the pengarah; the decree is signed by the authorised official, not by the team it forms`,
    }, m.id);
  });
  return out;
}
