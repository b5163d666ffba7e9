// The service standard's documents as data: the Keputusan that adopts it (the team decree's model,
// authority rules and layout, with the standard as its lampiran), the berita acara of the public
// consultation forum and the maklumat pelayanan. Each renders from any plan with a service, with
// dots where something is still missing.
import { BLANK, BLESSING, DECIDES, EFFECTIVE_DICTUM, issuerSentence, letterhead, pageSetup, signatureBlock, type DecreeModel, type Letterhead } from "../decree/model.js";
import { asConsideration, caps, oneLine, stripListEnd } from "../decree/text.js";
import { formatNip, formatTanggal, formatTanggalHari, hurufPoin, ordinalDiktum } from "../format/indonesian.js";
import type { Plan } from "../plan/schema.js";
import { formatCost, formatDuration, MAKLUMAT_TEXT, maklumatSigner, prefilledStandard, serviceSlug } from "./standard.js";
import { COMPONENTS, type ComponentKey, type ServiceStandard } from "./standard-schema.js";
import { KINERJA, UNSUR } from "./ikm.js";
import type { SkmSummary } from "./skm-summary.js";

const dots = (s: string | undefined): string => oneLine(s ?? "") || BLANK;

/** A component's content as lines of text (a list gives one line per item). */
export function componentLines(s: ServiceStandard, key: ComponentKey): string[] {
  switch (key) {
    case "requirements":
    case "products":
    case "legalBases":
    case "facilities":
      return s[key].map(oneLine).filter(Boolean).map((x, i, all) => (all.length > 1 ? `${i + 1}. ${x}` : x));
    case "procedure":
      return s.procedure.map((p, i) => {
        const extra = [oneLine(p.actor ?? ""), formatDuration(p.duration)].filter(Boolean).join(", ");
        return `${i + 1}. ${oneLine(p.text)}${extra ? ` (${extra})` : ""}`;
      });
    case "completionTime":
      return s.completionTime ? [formatDuration(s.completionTime)] : [];
    case "cost":
      return s.cost ? [formatCost(s.cost), ...(oneLine(s.cost.basis ?? "") ? [`Dasar: ${oneLine(s.cost.basis ?? "")}`] : [])] : [];
    case "complaints": {
      const c = s.complaints;
      if (!c) return [];
      const lines = [
        c.address ? `Alamat: ${oneLine(c.address)}` : "",
        c.phone ? `Telepon: ${oneLine(c.phone)}` : "",
        c.email ? `Pos-el: ${oneLine(c.email)}` : "",
        c.web ? `Laman: ${oneLine(c.web)}` : "",
        c.responseDays ? `Pengaduan dijawab paling lama ${c.responseDays} hari kerja` : "",
      ];
      return lines.filter(Boolean);
    }
    case "staffCount":
      return s.staffCount === undefined ? [] : [`${s.staffCount} orang`];
    default:
      return oneLine(s[key] ?? "") ? [oneLine(s[key] ?? "")] : [];
  }
}

export type StandardTable = {
  groups: { title: string; rows: { no: string; component: string; lines: string[] }[] }[];
};

/** The standard as the lampiran prints it: two groups, each component numbered, dots when empty. */
export function standardTable(plan: Plan): StandardTable {
  const s = prefilledStandard(plan);
  const group = (g: "penyampaian" | "pengelolaan", title: string) => ({
    title,
    rows: COMPONENTS.filter((c) => c.group === g).map((c, i) => {
      const lines = componentLines(s, c.key);
      return { no: `${i + 1}.`, component: c.label.id, lines: lines.length > 0 ? lines : [BLANK] };
    }),
  });
  return {
    groups: [group("penyampaian", "KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENYAMPAIAN PELAYANAN"), group("pengelolaan", "KOMPONEN STANDAR PELAYANAN YANG TERKAIT DENGAN PROSES PENGELOLAAN PELAYANAN DI INTERNAL ORGANISASI")],
  };
}

function serviceName(plan: Plan): string {
  return oneLine(plan.service.name) || oneLine(plan.title);
}

/**
 * The Keputusan adopting the standard, in the team decree's model: same letterhead, page,
 * signatory and authority rules (the plan's decree signatory signs), number and date from the
 * standard's adoption. The lampiran title is the standard's; its table comes from standardTable.
 */
export function standardDecreeModel(plan: Plan): DecreeModel {
  const d = plan.decree;
  const adoption = plan.serviceStandard?.process?.adoption;
  const forum = plan.serviceStandard?.process?.forum;
  const subject = `Standar Pelayanan ${serviceName(plan)}`;
  const issuer = issuerSentence(plan);
  const issuerCaps = caps(oneLine(d.issuerTitle)) || BLANK;
  const number = oneLine(adoption?.number ?? "");
  const date = adoption?.date;
  const title = `KEPUTUSAN ${issuerCaps}`;
  const considerations = [
    `bahwa berdasarkan Pasal 20 ayat (1) Undang-Undang Nomor 25 Tahun 2009 tentang Pelayanan Publik, penyelenggara berkewajiban menyusun dan menetapkan standar pelayanan dengan memperhatikan kemampuan penyelenggara, kebutuhan masyarakat, dan kondisi lingkungan`,
    `bahwa rancangan standar pelayanan ${serviceName(plan)} telah dibahas bersama masyarakat dan pihak terkait dalam forum konsultasi publik${forum?.date ? ` pada tanggal ${formatTanggal(forum.date)}` : ""}`,
    `bahwa berdasarkan pertimbangan sebagaimana dimaksud dalam huruf a dan huruf b, perlu menetapkan Keputusan ${issuer || BLANK} tentang ${subject}`,
  ].map((text, i) => ({ label: hurufPoin(i), text: asConsideration(text) }));
  const bases = prefilledStandard(plan).legalBases.map(oneLine).filter(Boolean);
  const legalBases = (bases.length > 0 ? bases : [BLANK]).map((t, i) => ({ label: `${i + 1}.`, text: `${stripListEnd(t)};` }));
  const dictums = [
    `Menetapkan Standar Pelayanan ${serviceName(plan)} pada ${oneLine(plan.organization.name) || BLANK} sebagaimana tercantum dalam Lampiran yang merupakan bagian tidak terpisahkan dari Keputusan ini.`,
    `Standar Pelayanan sebagaimana dimaksud dalam Diktum KESATU wajib dilaksanakan oleh penyelenggara, pelaksana, dan masyarakat sebagai acuan dalam penilaian kualitas pelayanan.`,
    `Standar Pelayanan sebagaimana dimaksud dalam Diktum KESATU dipublikasikan kepada masyarakat dan dievaluasi secara berkala.`,
    EFFECTIVE_DICTUM,
  ].map((text, i) => ({ ordinal: ordinalDiktum(i + 1), text }));
  const signature = signatureBlock({ ...plan, decree: { ...d, ...(date ? { date } : { date: undefined }) } });
  return {
    page: pageSetup(plan),
    letterhead: letterhead(plan),
    heading: { title, number: `NOMOR ${number || BLANK}`, about: "TENTANG", subject: caps(subject) },
    blessing: BLESSING,
    issuerLine: `${issuerCaps.replace(/[\s,]+$/u, "")},`,
    considerations,
    legalBases,
    decides: DECIDES,
    establishes: `KEPUTUSAN ${issuerCaps} TENTANG ${caps(subject)}.`,
    dictums,
    signature,
    copiesTo: { heading: "Tembusan:", items: [] },
    appendix: {
      headingLines: [
        { label: "LAMPIRAN", text: "" },
        { label: "", text: title },
        { label: "NOMOR", text: number || BLANK },
        { label: "TANGGAL", text: date ? formatTanggal(date) : BLANK },
        { label: "TENTANG", text: caps(subject) },
      ],
      title: caps(subject),
      columns: ["No", "Jabatan dalam Tim", "Nama/NIP", "Jabatan Dinas"],
      rows: [],
    },
    teamName: subject,
    issuerSentence: issuer,
  };
}

export type BeritaAcaraModel = {
  letterhead: Letterhead;
  title: string;
  subtitle: string;
  opening: string;
  participants: { no: string; name: string; group: string }[];
  inputs: { no: string; from: string; text: string; followUp: string }[];
  closing: string;
  placeDate: string;
  signers: { label: string; name: string }[];
};

/** The berita acara of the public consultation forum: who came, what they said, what was done. */
export function beritaAcaraModel(plan: Plan): BeritaAcaraModel {
  const forum = plan.serviceStandard?.process?.forum;
  const date = forum?.date;
  const place = dots(forum?.place);
  const participants = forum?.participants ?? [];
  const inputs = forum?.inputs ?? [];
  const signer = maklumatSigner(plan);
  const first = participants[0];
  return {
    letterhead: letterhead(plan),
    title: "BERITA ACARA",
    subtitle: `FORUM KONSULTASI PUBLIK PENYUSUNAN STANDAR PELAYANAN ${caps(serviceName(plan))}`,
    opening: `Pada hari ini ${date ? formatTanggalHari(date) : BLANK}, bertempat di ${place}, telah dilaksanakan Forum Konsultasi Publik penyusunan Standar Pelayanan ${serviceName(plan)} pada ${dots(plan.organization.name)} sesuai Peraturan Menteri Pendayagunaan Aparatur Negara dan Reformasi Birokrasi Nomor 15 Tahun 2014 tentang Pedoman Standar Pelayanan, dihadiri oleh peserta sebagai berikut:`,
    participants: (participants.length > 0 ? participants : [{ name: BLANK, group: BLANK }]).map((p, i) => ({ no: `${i + 1}.`, name: dots(p.name), group: dots(p.group) })),
    inputs: (inputs.length > 0 ? inputs : [{ from: BLANK, text: BLANK, followUp: BLANK }]).map((m, i) => ({ no: `${i + 1}.`, from: dots(m.from), text: dots(m.text), followUp: dots(m.followUp) })),
    closing: "Demikian berita acara ini dibuat untuk dipergunakan sebagaimana mestinya, dan masukan yang telah disepakati menjadi bahan penyempurnaan rancangan standar pelayanan.",
    placeDate: `${dots(plan.decree.place)}, ${date ? formatTanggal(date) : BLANK}`,
    signers: [
      { label: `Wakil masyarakat${first ? ` (${oneLine(first.group)})` : ""}`, name: dots(first?.name) },
      { label: dots(signer.position), name: dots(signer.name) },
    ],
  };
}

export type MaklumatModel = {
  letterhead: Letterhead;
  title: string;
  service: string;
  text: string;
  placeDate: string;
  position: string;
  name: string;
  nipLine?: string;
  /** Where the QR code points: the public page. */
  url: string;
};

/** The maklumat pelayanan: the standard text, place, date, the unit head's position and name. */
export function maklumatModel(plan: Plan, publicBaseUrl: string): MaklumatModel {
  const signer = maklumatSigner(plan);
  const date = plan.serviceStandard?.process?.adoption?.date ?? plan.decree.date;
  const nip = oneLine(signer.nip ?? "");
  return {
    letterhead: letterhead(plan),
    title: "MAKLUMAT PELAYANAN",
    service: caps(serviceName(plan)),
    text: MAKLUMAT_TEXT,
    placeDate: `${dots(plan.decree.place)}, ${date ? formatTanggal(date) : BLANK}`,
    position: caps(dots(signer.position)),
    name: dots(signer.name),
    ...(nip ? { nipLine: `NIP. ${formatNip(nip)}` } : {}),
    url: `${publicBaseUrl.replace(/\/+$/, "")}/layanan/${serviceSlug(plan)}`,
  };
}

export type SkmReportModel = {
  letterhead: Letterhead;
  title: string;
  service: string;
  period: string;
  respondents: string;
  profile: { characteristic: string; category: string; count: string; percent: string }[];
  unsur: { no: string; name: string; nrr: string; value: string; mutu: string }[];
  ikm: string;
  priority: string[];
  suggestions: string[];
  followUp: string[];
  placeDate: string;
  position: string;
  name: string;
};

const decimal = (n: number) => n.toFixed(2).replace(".", ",");

/** The laporan hasil SKM of a period (Permenpan RB 14/2017): respondents by profile, NRR per unsur, IKM and mutu, priorities, suggestions, follow-up. */
export function skmReportModel(plan: Plan, summary: SkmSummary | undefined, today: string): SkmReportModel {
  const signer = maklumatSigner(plan);
  const n = summary?.respondents ?? 0;
  const pct = (c: number) => (n === 0 ? "0" : decimal((100 * c) / n));
  const profile = summary
    ? (
        [
          ["Jenis kelamin", summary.profile.gender],
          ["Umur", summary.profile.age],
          ["Pendidikan", summary.profile.education],
          ["Pekerjaan", summary.profile.occupation],
        ] as const
      ).flatMap(([characteristic, counts]) => counts.filter((c) => c.count > 0).map((c, i) => ({ characteristic: i === 0 ? characteristic : "", category: c.label, count: String(c.count), percent: pct(c.count) })))
    : [];
  const r = summary?.result;
  const below = summary?.standings.filter((s) => s.mutu === "C" || s.mutu === "D") ?? [];
  return {
    letterhead: letterhead(plan),
    title: "LAPORAN HASIL SURVEI KEPUASAN MASYARAKAT",
    service: caps(serviceName(plan)),
    period: summary ? `Periode ${formatTanggal(summary.period.from)} s.d. ${formatTanggal(summary.period.to)}` : `Periode ${BLANK}`,
    respondents: n === 0 ? "Belum ada responden pada periode ini." : `Jumlah responden: ${n} orang.`,
    profile,
    unsur: r
      ? r.unsur.map((u, i) => {
          const s = summary!.standings.find((x) => x.code === u.code)!;
          return { no: `${i + 1}.`, name: `${u.code} ${u.name}`, nrr: decimal(u.nrr), value: decimal(s.value), mutu: `${s.mutu} (${KINERJA[s.mutu]})` };
        })
      : UNSUR.map((u, i) => ({ no: `${i + 1}.`, name: `${u.code} ${u.name}`, nrr: BLANK, value: BLANK, mutu: BLANK })),
    ikm: r ? `IKM = (Σ NRR / 9) × 25 = ${decimal(r.ikm)}; mutu pelayanan ${r.mutu}, kinerja unit pelayanan ${r.kinerja}.` : `IKM = ${BLANK} (belum ada responden).`,
    priority: (summary?.priority ?? []).map((p) => `${p.code} ${p.name}: NRR ${decimal(p.nrr)} (${decimal(p.value)}, mutu ${p.mutu})`),
    suggestions: (summary?.suggestions ?? []).map((s) => `${formatTanggal(s.date)}: ${oneLine(s.text)}`),
    followUp:
      below.length > 0
        ? below.map((s) => `Perbaikan unsur ${s.name.toLowerCase()} (${s.code}, ${decimal(s.value)}, mutu ${s.mutu}) melalui kegiatan perbaikan dalam rencana, dievaluasi pada SKM berikutnya.`)
        : r
          ? ["Semua unsur bernilai Baik atau lebih; mutu pelayanan dipertahankan dan dievaluasi pada SKM berikutnya."]
          : [BLANK],
    placeDate: `${dots(plan.decree.place)}, ${formatTanggal(today)}`,
    position: caps(dots(signer.position)),
    name: dots(signer.name),
  };
}
