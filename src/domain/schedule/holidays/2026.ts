import type { HolidayEntry } from "./types.js";

// SKB Menteri Agama, Menteri Ketenagakerjaan, MenPANRB No. 1497/2025, 2/2025, 5/2025
// (19 Sep 2025): 17 libur nasional and 8 cuti bersama.
const SKB = "SKB Menag, Menaker, MenPANRB No. 1497/2025, 2/2025, 5/2025";
const LN = (date: string, name: string): HolidayEntry => ({ date, name, type: "libur-nasional", source: `Keppres 8/2024; ${SKB}` });
const CB = (date: string, name: string): HolidayEntry => ({ date, name, type: "cuti-bersama", source: SKB });

export const HOLIDAYS_2026: readonly HolidayEntry[] = [
  LN("2026-01-01", "Tahun Baru 2026 Masehi"),
  LN("2026-01-16", "Isra Mikraj Nabi Muhammad SAW"),
  CB("2026-02-16", "Cuti bersama Tahun Baru Imlek 2577 Kongzili"),
  LN("2026-02-17", "Tahun Baru Imlek 2577 Kongzili"),
  CB("2026-03-18", "Cuti bersama Hari Suci Nyepi"),
  LN("2026-03-19", "Hari Suci Nyepi (Tahun Baru Saka 1948)"),
  CB("2026-03-20", "Cuti bersama Idulfitri 1447 Hijriah"),
  LN("2026-03-21", "Idulfitri 1447 Hijriah"),
  LN("2026-03-22", "Idulfitri 1447 Hijriah (hari kedua)"),
  CB("2026-03-23", "Cuti bersama Idulfitri 1447 Hijriah"),
  CB("2026-03-24", "Cuti bersama Idulfitri 1447 Hijriah"),
  LN("2026-04-03", "Wafat Yesus Kristus"),
  LN("2026-04-05", "Kebangkitan Yesus Kristus (Paskah)"),
  LN("2026-05-01", "Hari Buruh Internasional"),
  LN("2026-05-14", "Kenaikan Yesus Kristus"),
  CB("2026-05-15", "Cuti bersama Kenaikan Yesus Kristus"),
  LN("2026-05-27", "Iduladha 1447 Hijriah"),
  CB("2026-05-28", "Cuti bersama Iduladha 1447 Hijriah"),
  LN("2026-05-31", "Hari Raya Waisak 2570 BE"),
  LN("2026-06-01", "Hari Lahir Pancasila"),
  LN("2026-06-16", "1 Muharam Tahun Baru Islam 1448 Hijriah"),
  LN("2026-08-17", "Proklamasi Kemerdekaan"),
  LN("2026-08-25", "Maulid Nabi Muhammad SAW"),
  CB("2026-12-24", "Cuti bersama Kelahiran Yesus Kristus"),
  LN("2026-12-25", "Kelahiran Yesus Kristus"),
];
