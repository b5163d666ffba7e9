// Findings about the implementation team (stage "tim").
import { checkNip } from "../decree/officials.js";
import type { Plan, TeamRole } from "../plan/schema.js";
import { findingsFor } from "./finding.js";
import { isBlank, nameOf } from "./text.js";

/** NIP of a civil servant: 18 digits (birth date, appointment month, sex, sequence); spaces allowed. */
export function isValidNip(nip: string): boolean {
  return checkNip(nip).ok;
}

const ROLE_NAMES: Record<TeamRole, string> = {
  pengarah: "Pengarah",
  "penanggung-jawab": "Penanggung Jawab",
  ketua: "Ketua",
  sekretaris: "Sekretaris",
  anggota: "Anggota",
};

export function teamFindings(plan: Plan) {
  const { out, add } = findingsFor("tim");
  const team = plan.team;
  if (team.length === 0) {
    add("error", "team.empty", "team", { id: "tim pelaksana belum disusun", en: "the implementation team is not formed yet" });
  } else {
    if (!team.some((m) => m.role === "pengarah")) {
      add("error", "team.pengarah.missing", "team", {
        id: "tim belum memiliki Pengarah (atasan ketua tim)",
        en: "the team has no pengarah (steering, the team leader's superior)",
      });
    }
    if (!team.some((m) => m.role === "ketua")) {
      add("error", "team.ketua.missing", "team", { id: "tim belum memiliki Ketua", en: "the team has no ketua (leader)" });
    }
    if (!team.some((m) => m.role === "penanggung-jawab")) {
      add("info", "team.penanggungJawab.missing", "team", {
        id: "tim belum memiliki Penanggung Jawab dari unsur pimpinan",
        en: "the team has no penanggung jawab (person in charge from the leadership)",
      });
    }
    const ketuaCount = team.filter((m) => m.role === "ketua").length;
    if (ketuaCount > 1) {
      add("warning", "team.ketua.multiple", "team", { id: `tim memiliki ${ketuaCount} Ketua`, en: `the team has ${ketuaCount} leaders (ketua)` });
    }
  }
  team.forEach((m, i) => {
    const p = `team[${i}]`;
    const who = `${ROLE_NAMES[m.role]} ${nameOf(m.id, m.name)}`;
    if (m.duties.every(isBlank)) {
      add("warning", "team.member.duties.missing", `${p}.duties`, { id: `uraian tugas ${who} belum diisi`, en: `no duties are listed for ${who}` }, m.id);
    }
    if (isBlank(m.nip)) {
      add("warning", "team.member.nip.missing", `${p}.nip`, { id: `NIP ${who} belum diisi`, en: `the NIP of ${who} is not filled in` }, m.id);
    } else {
      // The schema refuses such a NIP; a plan stored before that rule is still told, and may not go forward.
      const check = checkNip(m.nip!);
      if (!check.ok) add("error", "team.member.nip.invalid", `${p}.nip`, { id: `NIP ${who}: ${check.message.id}`, en: `the NIP of ${who}: ${check.message.en}` }, m.id);
    }
    if (isBlank(m.rank)) {
      add("info", "team.member.rank.missing", `${p}.rank`, { id: `pangkat/golongan ${who} belum diisi`, en: `the rank of ${who} is not filled in` }, m.id);
    }
    if (isBlank(m.position)) {
      add("warning", "team.member.position.missing", `${p}.position`, { id: `jabatan ${who} belum diisi`, en: `the position of ${who} is not filled in` }, m.id);
    }
  });
  if (team.length > 0 && isBlank(plan.teamProcedures)) {
    add("info", "teamProcedures.missing", "teamProcedures", {
      id: "prosedur dan mekanisme kerja tim belum diuraikan",
      en: "the team's procedures and work mechanism are not described",
    });
  }
  return out;
}
