// Findings of stage 5 and resource management: resources of each kind, assignments, the cost
// plan (RAB), resource strategy and mobilisation (stages "sumber-daya" and "mobilisasi").
import type { Plan } from "../plan/schema.js";
import { lineAmount } from "./budget.js";
import { findingsFor } from "./finding.js";
import { RESOURCE_KIND_LABELS, resourceOutputs } from "./resources.js";
import { isBlank, nameOf } from "./text.js";

/** Permendagri 90/2019 (six levels, e.g. 5.1.02.01.01.0024) or a central BAS account (e.g. 521211). */
export const ACCOUNT_CODE_PATTERN = /^(\d\.\d\.\d{2}\.\d{2}\.\d{2}\.\d{4}|\d{6})$/;

export function resourceFindings(plan: Plan) {
  const { out, add } = findingsFor("sumber-daya");
  const outputs = resourceOutputs(plan);
  const resourceById = new Map(plan.resources.map((r) => [r.id, r]));
  const activityName = new Map(plan.activities.map((a) => [a.id, a.name]));

  if (plan.resources.length === 0) {
    add("error", "resources.empty", "resources", {
      id: "belum ada sumber daya (SDM, sarana prasarana, material, anggaran)",
      en: "no resources yet (people, facilities, materials, budget)",
    });
  } else {
    for (const kind of outputs.missingKinds) {
      add("warning", "resources.kind.missing", "resources", {
        id: `belum ada sumber daya jenis ${RESOURCE_KIND_LABELS[kind].id}`,
        en: `no resource of kind ${RESOURCE_KIND_LABELS[kind].en} yet`,
      }, kind);
    }
    if (plan.assignments.length === 0) {
      add("warning", "assignments.empty", "assignments", {
        id: "sumber daya belum dialokasikan ke kegiatan",
        en: "no resource is assigned to an activity yet",
      });
    } else {
      for (const id of outputs.unassignedResourceIds) {
        const i = plan.resources.findIndex((r) => r.id === id);
        add("info", "resource.unassigned", `resources[${i}]`, {
          id: `sumber daya ${nameOf(id, resourceById.get(id)?.name)} belum dipakai kegiatan mana pun`,
          en: `resource ${nameOf(id, resourceById.get(id)?.name)} is not used by any activity`,
        }, id);
      }
    }
  }
  plan.assignments.forEach((a, i) => {
    const r = resourceById.get(a.resourceId);
    if (r && a.quantity > r.available) {
      add("warning", "assignment.quantity.exceedsAvailable", `assignments[${i}].quantity`, {
        id: `kegiatan ${nameOf(a.activityId, activityName.get(a.activityId))} membutuhkan ${a.quantity} ${r.unit} ${nameOf(r.id, r.name)} per hari, padahal tersedia ${r.available}`,
        en: `activity ${nameOf(a.activityId, activityName.get(a.activityId))} needs ${a.quantity} ${r.unit} of ${nameOf(r.id, r.name)} per day, but ${r.available} are available`,
      }, r.id);
    }
  });
  for (const s of outputs.kinds.material.resources) {
    if (!s.covered) {
      const i = plan.resources.findIndex((r) => r.id === s.id);
      add("warning", "resource.material.shortfall", `resources[${i}].available`, {
        id: `material ${nameOf(s.id, s.name)}: kebutuhan ${s.need} ${s.unit} melebihi persediaan ${s.available}`,
        en: `material ${nameOf(s.id, s.name)}: the need of ${s.need} ${s.unit} exceeds the stock of ${s.available}`,
      }, s.id);
    }
  }

  if (plan.budget.length === 0) {
    add("error", "budget.empty", "budget", { id: "rencana anggaran biaya (RAB) masih kosong", en: "the cost plan (RAB) is empty" });
  }
  let total = 0;
  plan.budget.forEach((b, i) => {
    const p = `budget[${i}]`;
    const item = nameOf(b.id, b.item);
    if (b.unitPrice === 0) {
      add("warning", "budget.line.price.zero", `${p}.unitPrice`, { id: `harga satuan rincian ${item} masih 0`, en: `the unit price of line ${item} is 0` }, b.id);
    }
    if (b.volume === 0) {
      add("warning", "budget.line.volume.zero", `${p}.volume`, { id: `volume rincian ${item} masih 0`, en: `the volume of line ${item} is 0` }, b.id);
    }
    if (isBlank(b.account)) {
      add("warning", "budget.line.account.missing", `${p}.account`, {
        id: `rincian ${item} belum memiliki kode rekening`,
        en: `line ${item} has no account code (kode rekening)`,
      }, b.id);
    } else if (!ACCOUNT_CODE_PATTERN.test(b.account!.trim())) {
      add("info", "budget.line.account.format", `${p}.account`, {
        id: `kode rekening "${b.account!.trim()}" pada rincian ${item} tidak berbentuk Permendagri 90/2019 (mis. 5.1.02.01.01.0024)`,
        en: `account code "${b.account!.trim()}" of line ${item} does not have the Permendagri 90/2019 form (e.g. 5.1.02.01.01.0024)`,
      }, b.id);
    }
    if (isBlank(b.source)) {
      add("info", "budget.line.source.missing", `${p}.source`, {
        id: `sumber dana rincian ${item} belum diisi (mis. APBD)`,
        en: `the funding source of line ${item} is not filled in (e.g. APBD)`,
      }, b.id);
    }
    // A single line too large to be exact is a validation error (validate.ts); the sum of
    // many exact lines can still overflow, which the total check below reports.
    total += lineAmount(b);
  });
  if (plan.budget.length > 0 && !Number.isSafeInteger(total)) {
    add("error", "budget.total.tooLarge", "budget", {
      id: "jumlah seluruh RAB terlalu besar untuk dihitung tepat dalam Rupiah",
      en: "the cost plan's grand total is too large to compute exactly in Rupiah",
    });
  }

  const rs = plan.resourceStrategy;
  if ([rs.organization, rs.assets, rs.adaptiveness, rs.culture].every(isBlank)) {
    add("info", "resourceStrategy.empty", "resourceStrategy", {
      id: "strategi pengelolaan sumber daya (organisasi, aset, adaptif, budaya) belum diisi",
      en: "the resource management strategy (organisation, assets, adaptiveness, culture) is not filled in",
    });
  }
  return out;
}

export function mobilizationFindings(plan: Plan) {
  const { out, add } = findingsFor("mobilisasi");
  plan.mobilization.forEach((m, i) => {
    if (m.stage !== "deal" && isBlank(m.nextStep)) {
      add("info", "mobilization.nextStep.missing", `mobilization[${i}].nextStep`, {
        id: `langkah berikutnya untuk mitra ${nameOf(m.id, m.partner)} belum ditentukan`,
        en: `no next step is set for partner ${nameOf(m.id, m.partner)}`,
      }, m.id);
    }
  });
  return out;
}
