// Geometry shared by the change-action plan's DOCX and PDF (landscape pages).
import type { PageSetup } from "../../domain/decree/model.js";

export const AKSI_MARGINS_MM = { top: 20, bottom: 20, left: 25, right: 20 } as const;

/** Text width of a landscape page: the paper's long side less the side margins. */
export function aksiTextWidthMm(page: PageSetup): number {
  return page.heightMm - AKSI_MARGINS_MM.left - AKSI_MARGINS_MM.right;
}

/** No · Tahapan · Kegiatan · Output/bukti · Waktu · Penanggung jawab · Sumber daya */
export const MILESTONE_WIDTHS = [0.04, 0.17, 0.18, 0.18, 0.12, 0.13, 0.18] as const;
/** No · Pemangku kepentingan · Internal/Eksternal · Pengaruh · Kepentingan · Kelompok · Strategi */
export const STAKEHOLDER_WIDTHS = [0.04, 0.3, 0.12, 0.1, 0.1, 0.14, 0.2] as const;
/** No · Jabatan dalam Tim · Nama/NIP · Jabatan · Uraian tugas */
export const TEAM_WIDTHS = [0.04, 0.13, 0.24, 0.2, 0.39] as const;
