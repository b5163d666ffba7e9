import type { HolidayEntry } from "./types.js";

// SKB Menteri Agama, Menteri Ketenagakerjaan, MenPANRB No. 1017/2024, 2/2024, 2/2024
// (14 Oct 2024): 17 libur nasional and 10 cuti bersama; amended by SKB No. 933/2025,
// 1/2025, 3/2025 (7 Aug 2025), which added cuti bersama 18 Aug for the 80th Independence Day.
const SKB = "SKB Menag, Menaker, MenPANRB No. 1017/2024, 2/2024, 2/2024";
const SKB_AMENDMENT = "SKB Menag, Menaker, MenPANRB No. 933/2025, 1/2025, 3/2025 (perubahan)";
const LN = (date: string, name: string): HolidayEntry => ({ date, name, type: "libur-nasional", source: `Keppres 8/2024; ${SKB}` });
const CB = (date: string, name: string, source = SKB): HolidayEntry => ({ date, name, type: "cuti-bersama", source });

export const HOLIDAYS_2025: readonly HolidayEntry[] = [
  LN("2025-01-01", "Tahun Baru 2025 Masehi"),
  LN("2025-01-27", "Isra Mikraj Nabi Muhammad SAW"),
  CB("2025-01-28", "Cuti bersama Tahun Baru Imlek 2576 Kongzili"),
  LN("2025-01-29", "Tahun Baru Imlek 2576 Kongzili"),
  CB("2025-03-28", "Cuti bersama Hari Suci Nyepi"),
  LN("2025-03-29", "Hari Suci Nyepi (Tahun Baru Saka 1947)"),
  LN("2025-03-31", "Idulfitri 1446 Hijriah"),
  LN("2025-04-01", "Idulfitri 1446 Hijriah (hari kedua)"),
  CB("2025-04-02", "Cuti bersama Idulfitri 1446 Hijriah"),
  CB("2025-04-03", "Cuti bersama Idulfitri 1446 Hijriah"),
  CB("2025-04-04", "Cuti bersama Idulfitri 1446 Hijriah"),
  CB("2025-04-07", "Cuti bersama Idulfitri 1446 Hijriah"),
  LN("2025-04-18", "Wafat Yesus Kristus"),
  LN("2025-04-20", "Kebangkitan Yesus Kristus (Paskah)"),
  LN("2025-05-01", "Hari Buruh Internasional"),
  LN("2025-05-12", "Hari Raya Waisak 2569 BE"),
  CB("2025-05-13", "Cuti bersama Hari Raya Waisak"),
  LN("2025-05-29", "Kenaikan Yesus Kristus"),
  CB("2025-05-30", "Cuti bersama Kenaikan Yesus Kristus"),
  LN("2025-06-01", "Hari Lahir Pancasila"),
  LN("2025-06-06", "Iduladha 1446 Hijriah"),
  CB("2025-06-09", "Cuti bersama Iduladha 1446 Hijriah"),
  LN("2025-06-27", "1 Muharam Tahun Baru Islam 1447 Hijriah"),
  LN("2025-08-17", "Proklamasi Kemerdekaan"),
  CB("2025-08-18", "Cuti bersama HUT ke-80 Kemerdekaan RI", SKB_AMENDMENT),
  LN("2025-09-05", "Maulid Nabi Muhammad SAW"),
  LN("2025-12-25", "Kelahiran Yesus Kristus"),
  CB("2025-12-26", "Cuti bersama Kelahiran Yesus Kristus"),
];
