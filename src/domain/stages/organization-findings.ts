// Findings about the plan's identity: title, organisation unit and service (stage "organisasi").
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { isBlank } from "./text.js";

export function organizationFindings(plan: Plan) {
  const { out, add } = findingsFor("organisasi");
  const o = plan.organization;
  if (isBlank(plan.title)) add("error", "plan.title.empty", "title", { id: "judul rencana masih kosong", en: "the plan's title is empty" });
  if (isBlank(o.name)) {
    add("error", "organization.name.empty", "organization.name", {
      id: "nama instansi/perangkat daerah masih kosong",
      en: "the name of the organisation is empty",
    });
  }
  if (isBlank(o.unit)) {
    add("warning", "organization.unit.empty", "organization.unit", {
      id: "unit kerja penyusun rencana (mis. seksi atau subbagian) belum diisi",
      en: "the organisation unit drafting the plan (e.g. section) is not filled in",
    });
  }
  if (isBlank(o.government)) {
    add("info", "organization.government.missing", "organization.government", {
      id: "baris pemerintah daerah untuk kop naskah dinas (mis. \"PEMERINTAH KABUPATEN …\") belum diisi",
      en: "the government line of the letterhead (e.g. \"PEMERINTAH KABUPATEN …\") is not filled in",
    });
  }
  if (isBlank(o.address)) {
    add("info", "organization.address.missing", "organization.address", {
      id: "alamat instansi untuk kop naskah dinas belum diisi",
      en: "the organisation's address for the letterhead is not filled in",
    });
  }
  if (isBlank(plan.service.name)) {
    add("error", "service.name.empty", "service.name", { id: "nama layanan masih kosong", en: "the service name is empty" });
  }
  if (isBlank(plan.service.description)) {
    add("info", "service.description.missing", "service.description", {
      id: `uraian layanan dan alasan memilih pola "${plan.service.pattern}" belum diisi`,
      en: `the service description and why pattern "${plan.service.pattern}" was chosen are not filled in`,
    });
  }
  return out;
}
