// What the service standard says and lacks, computed from the plan: the components present,
// the pre-filled values (jumlah pelaksana from the team, sarana prasarana from the resources),
// the maklumat's signer and the findings. Pure; used by the screen, the documents and the CLI.
import type { Finding } from "../findings.js";
import type { Plan } from "../plan/schema.js";
import { findingsFor } from "../stages/finding.js";
import { isBlank, nameOf } from "../stages/text.js";
import { COMPONENTS, TIME_UNIT_LABELS, type ComponentKey, type Duration, type ServiceStandard } from "./standard-schema.js";

/** The maklumat's standard wording (used verbatim across government sites). */
export const MAKLUMAT_TEXT =
  "Dengan ini, kami menyatakan sanggup menyelenggarakan pelayanan sesuai standar pelayanan yang telah ditetapkan dan apabila tidak menepati janji ini, kami siap menerima sanksi sesuai peraturan perundang-undangan yang berlaku.";

export const EMPTY_STANDARD: ServiceStandard = { requirements: [], procedure: [], products: [], legalBases: [], facilities: [] };

/** True when the component carries an answer. */
export function hasComponent(s: ServiceStandard, key: ComponentKey): boolean {
  switch (key) {
    case "requirements":
    case "procedure":
    case "products":
    case "legalBases":
    case "facilities":
      return s[key].length > 0;
    case "completionTime":
    case "cost":
    case "staffCount":
      return s[key] !== undefined;
    case "complaints": {
      const c = s.complaints;
      return !!c && [c.address, c.phone, c.email, c.web].some((v) => !isBlank(v));
    }
    default:
      return !isBlank(s[key]);
  }
}

/**
 * The standard with what the plan already knows filled in where the standard is silent:
 * jumlah pelaksana = the team's size, sarana prasarana = the facility resources, the
 * complaint channel = the organisation's contacts, dasar hukum = the decree's legal bases.
 * Without a standard, a pre-filled empty one (so every document renders from any plan).
 */
export function prefilledStandard(plan: Plan): ServiceStandard {
  const s = plan.serviceStandard ?? EMPTY_STANDARD;
  const o = plan.organization;
  const facilities = plan.resources.filter((r) => r.kind === "facility").map((r) => r.name);
  const contacts = { address: o.address, phone: o.phone, email: o.email, web: o.website };
  const anyContact = Object.values(contacts).some((v) => !isBlank(v));
  return {
    ...s,
    legalBases: s.legalBases.length > 0 ? s.legalBases : plan.decree.legalBases.filter((b) => !isBlank(b)),
    facilities: s.facilities.length > 0 ? s.facilities : facilities,
    staffCount: s.staffCount ?? (plan.team.length > 0 ? plan.team.length : undefined),
    complaints: hasComponent(s, "complaints") || !anyContact ? s.complaints : { ...dropBlank(contacts), ...(s.complaints?.responseDays ? { responseDays: s.complaints.responseDays } : {}) },
  };
}

function dropBlank<T extends Record<string, string | undefined>>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => !isBlank(v))) as Partial<T>;
}

/** Who signs the maklumat: the standard's unit head, else the plan's decree signatory. */
export function maklumatSigner(plan: Plan): { name: string; nip?: string; position: string } {
  const head = plan.serviceStandard?.unitHead;
  if (head && (!isBlank(head.name) || !isBlank(head.position))) return head;
  const s = plan.decree.signatory;
  return s.nip ? { name: s.name, nip: s.nip, position: s.position } : { name: s.name, position: s.position };
}

/** "5 hari kerja". */
export function formatDuration(d: Duration | undefined): string {
  if (!d) return "";
  return `${String(d.value).replace(".", ",")} ${TIME_UNIT_LABELS[d.unit]}`;
}

/** "Rp0 / gratis" or "Rp15.000". */
export function formatCost(cost: ServiceStandard["cost"]): string {
  if (!cost) return "";
  if (cost.amount === 0) return "Rp0 / gratis";
  return `Rp${cost.amount.toLocaleString("id-ID").replace(/,/g, ".")}`;
}

/** The standard is adopted once its Keputusan has a date. */
export function isAdopted(plan: Plan): boolean {
  return !isBlank(plan.serviceStandard?.process?.adoption?.date);
}

/** A page address from a service name: "Adminduk Keliling (Lansia)" → "adminduk-keliling-lansia". */
export function slugify(name: string): string {
  return name
    .normalize("NFKD")
    .replace(/[\u0300-\u036f]/g, "")
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, "-")
    .replace(/^-+|-+$/g, "")
    .slice(0, 100)
    .replace(/-+$/g, "");
}

/** The public page's slug: the standard's own, else one made from the service's name. */
export function serviceSlug(plan: Plan): string {
  return plan.serviceStandard?.slug || slugify(plan.service.name || plan.title) || "layanan";
}

export function serviceStandardFindings(plan: Plan): Finding[] {
  const { out, add } = findingsFor("standar-pelayanan");
  const raw = plan.serviceStandard;
  if (!raw) {
    add("info", "serviceStandard.missing", "serviceStandard", {
      id: "standar pelayanan (14 komponen UU 25/2009 pasal 21) belum disusun",
      en: "the service standard (the 14 components of UU 25/2009 art. 21) is not drafted yet",
    });
    return out;
  }
  const s = prefilledStandard(plan);
  for (const c of COMPONENTS) {
    if (hasComponent(s, c.key)) continue;
    add("warning", "serviceStandard.component.missing", `serviceStandard.${c.key}`, {
      id: `komponen ${c.no} "${c.label.id}" standar pelayanan belum diisi`,
      en: `component ${c.no} "${c.label.en}" of the service standard is not filled in`,
    }, c.key);
  }
  raw.procedure.forEach((step, i) => {
    if (isBlank(step.actor)) {
      add("info", "serviceStandard.procedure.actor.missing", `serviceStandard.procedure[${i}].actor`, {
        id: `langkah prosedur ${nameOf(step.id, step.text)} belum menyebut pelaksananya`,
        en: `procedure step ${nameOf(step.id, step.text)} names no actor`,
      }, step.id);
    }
  });
  const forum = raw.process?.forum;
  if (!forum || isBlank(forum.date)) {
    add("warning", "serviceStandard.forum.missing", "serviceStandard.process.forum", {
      id: "forum konsultasi publik belum dicatat (Permenpan RB 15/2014)",
      en: "no public consultation forum is recorded (Permenpan RB 15/2014)",
    });
  } else {
    forum.inputs.forEach((input, i) => {
      if (isBlank(input.followUp)) {
        add("warning", "serviceStandard.forum.input.followUp.missing", `serviceStandard.process.forum.inputs[${i}].followUp`, {
          id: `masukan forum ${nameOf(input.id, input.text)} belum dicatat tindak lanjutnya`,
          en: `forum input ${nameOf(input.id, input.text)} has no recorded follow-up`,
        }, input.id);
      }
    });
    if (forum.participants.length === 0) {
      add("warning", "serviceStandard.forum.participants.empty", "serviceStandard.process.forum.participants", {
        id: "peserta forum konsultasi publik belum dicatat",
        en: "no participants of the public consultation forum are recorded",
      });
    }
  }
  if (!isAdopted(plan)) {
    add("info", "serviceStandard.adoption.missing", "serviceStandard.process.adoption", {
      id: "standar pelayanan belum ditetapkan dengan Keputusan pimpinan penyelenggara",
      en: "the service standard is not yet adopted by a decree of the head of the provider",
    });
  }
  return out;
}
