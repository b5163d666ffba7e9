import fc from "fast-check";
import { describe, expect, it } from "vitest";
import {
  bulanRomawi,
  formatAngka,
  formatNip,
  formatRupiah,
  formatTanggal,
  formatTanggalHari,
  formatRentangTanggal,
  hurufPoin,
  ordinalDiktum,
  romawi,
  terbilang,
  terbilangJudul,
  terbilangRupiah,
} from "./indonesian.js";

describe("formatTanggal", () => {
  it("writes day, Indonesian month name and year", () => {
    expect(formatTanggal("2027-01-06")).toBe("6 Januari 2027");
    expect(formatTanggal("2025-12-31")).toBe("31 Desember 2025");
    expect(formatTanggal("2024-02-29")).toBe("29 Februari 2024");
  });
  it("leaves anything that is not a real date as written, trimmed", () => {
    expect(formatTanggal(" 2027-02-30 ")).toBe("2027-02-30");
    expect(formatTanggal("besok")).toBe("besok");
  });
  it("writes a span of days briefly", () => {
    expect(formatRentangTanggal("2027-01-04", "2027-01-06")).toBe("4–6 Januari 2027");
    expect(formatRentangTanggal("2027-01-28", "2027-02-10")).toBe("28 Januari – 10 Februari 2027");
    expect(formatRentangTanggal("2026-12-30", "2027-01-02")).toBe("30 Desember 2026 – 2 Januari 2027");
    expect(formatRentangTanggal("2027-01-06", "2027-01-06")).toBe("6 Januari 2027");
  });
  it("names the weekday", () => {
    expect(formatTanggalHari("2027-01-06")).toBe("Rabu, 6 Januari 2027");
  });
});

describe("formatRupiah / formatAngka", () => {
  it("groups thousands with dots and no space after Rp", () => {
    expect(formatRupiah(1250000)).toBe("Rp1.250.000");
    expect(formatRupiah(0)).toBe("Rp0");
    expect(formatRupiah(999)).toBe("Rp999");
    expect(formatRupiah(1000)).toBe("Rp1.000");
    expect(formatRupiah(-1250000)).toBe("-Rp1.250.000");
    expect(formatRupiah(1234.6)).toBe("Rp1.235");
  });
  it("writes decimals after a comma", () => {
    expect(formatAngka(1234567.891, 2)).toBe("1.234.567,89");
    expect(formatAngka(-0.2)).toBe("0");
  });
  it("round-trips any integer", () => {
    fc.assert(
      fc.property(fc.integer({ min: -1e12, max: 1e12 }), (n) => {
        const s = formatRupiah(n);
        const back = Number(s.replace("Rp", "").replaceAll(".", ""));
        expect(back).toBe(n === 0 ? 0 : n);
      }),
    );
  });
});

// An independent reader of Indonesian number words, so terbilang is checked against arithmetic
// rather than against a list of expected strings.
function parseTerbilang(words: string): number {
  const unit: Record<string, number> = { satu: 1, dua: 2, tiga: 3, empat: 4, lima: 5, enam: 6, tujuh: 7, delapan: 8, sembilan: 9 };
  const scale: Record<string, number> = { ribu: 1e3, juta: 1e6, miliar: 1e9, triliun: 1e12, kuadriliun: 1e15 };
  const tokens = words.split(" ");
  let negative = false;
  if (tokens[0] === "minus") {
    negative = true;
    tokens.shift();
  }
  if (tokens.join(" ") === "nol") return 0;
  let total = 0;
  let group = 0;
  let current = 0;
  for (const t of tokens) {
    if (t in unit) current += unit[t]!;
    else if (t === "sepuluh") current += 10;
    else if (t === "sebelas") current += 11;
    else if (t === "seratus") group += 100;
    else if (t === "seribu") total += 1000;
    else if (t === "belas") current += 10;
    else if (t === "puluh") current *= 10;
    else if (t === "ratus") {
      group += current * 100;
      current = 0;
    } else if (t in scale) {
      total += (group + current) * scale[t]!;
      group = 0;
      current = 0;
    } else throw new Error(`unknown word ${t} in "${words}"`);
    // "dua puluh satu": puluh multiplies only the digit before it, so move finished tens into group.
    if (t === "puluh") {
      group += current;
      current = 0;
    }
  }
  const value = total + group + current;
  return negative ? -value : value;
}

describe("terbilang", () => {
  it("uses se- forms and belas/puluh/ratus correctly", () => {
    expect(terbilang(0)).toBe("nol");
    expect(terbilang(1)).toBe("satu");
    expect(terbilang(10)).toBe("sepuluh");
    expect(terbilang(11)).toBe("sebelas");
    expect(terbilang(12)).toBe("dua belas");
    expect(terbilang(19)).toBe("sembilan belas");
    expect(terbilang(20)).toBe("dua puluh");
    expect(terbilang(21)).toBe("dua puluh satu");
    expect(terbilang(100)).toBe("seratus");
    expect(terbilang(111)).toBe("seratus sebelas");
    expect(terbilang(250)).toBe("dua ratus lima puluh");
    expect(terbilang(1000)).toBe("seribu");
    expect(terbilang(1001)).toBe("seribu satu");
    expect(terbilang(1100)).toBe("seribu seratus");
    expect(terbilang(2000)).toBe("dua ribu");
    expect(terbilang(11000)).toBe("sebelas ribu");
    expect(terbilang(100000)).toBe("seratus ribu");
    expect(terbilang(1000000)).toBe("satu juta");
    expect(terbilang(1001000)).toBe("satu juta seribu");
    expect(terbilang(1_000_000_000)).toBe("satu miliar");
    expect(terbilang(10 ** 15)).toBe("satu kuadriliun");
    expect(terbilang(-5)).toBe("minus lima");
  });
  it("writes Rupiah amounts", () => {
    expect(terbilangRupiah(1250000)).toBe("satu juta dua ratus lima puluh ribu rupiah");
    expect(terbilangJudul(1250000)).toBe("Satu Juta Dua Ratus Lima Puluh Ribu");
  });
  it("reads back to the same number for any integer up to 10^15", () => {
    fc.assert(
      fc.property(fc.integer({ min: -(10 ** 15), max: 10 ** 15 }), (n) => {
        const words = terbilang(n);
        expect(words).not.toMatch(/satu (ratus|puluh|belas)|(^|minus |juta |miliar |triliun )satu ribu|  |^ | $/);
        expect(parseTerbilang(words)).toBe(n);
      }),
      { numRuns: 2000 },
    );
  });
  it("refuses numbers beyond 10^15", () => {
    expect(() => terbilang(10 ** 15 + 1)).toThrow(RangeError);
    expect(() => terbilang(Number.NaN)).toThrow(RangeError);
  });
});

describe("formatNip", () => {
  it("groups an 18-digit NIP", () => {
    expect(formatNip("197003121995031002")).toBe("19700312 199503 1 002");
    expect(formatNip(" 19700312 199503 1 002 ")).toBe("19700312 199503 1 002");
  });
  it("leaves anything else as written, trimmed", () => {
    expect(formatNip(" 12345 ")).toBe("12345");
    expect(formatNip("1970031219950310021")).toBe("1970031219950310021");
    expect(formatNip("-")).toBe("-");
  });
});

describe("ordinalDiktum", () => {
  it("numbers dictums in words", () => {
    const first = Array.from({ length: 12 }, (_, i) => ordinalDiktum(i + 1));
    expect(first).toEqual([
      "KESATU",
      "KEDUA",
      "KETIGA",
      "KEEMPAT",
      "KELIMA",
      "KEENAM",
      "KETUJUH",
      "KEDELAPAN",
      "KESEMBILAN",
      "KESEPULUH",
      "KESEBELAS",
      "KEDUA BELAS",
    ]);
    expect(ordinalDiktum(21)).toBe("KEDUA PULUH SATU");
    expect(ordinalDiktum(100)).toBe("KESERATUS");
  });
  it("is unique for any count", () => {
    const seen = new Set(Array.from({ length: 500 }, (_, i) => ordinalDiktum(i + 1)));
    expect(seen.size).toBe(500);
    expect(() => ordinalDiktum(0)).toThrow(RangeError);
  });
});

describe("hurufPoin", () => {
  it("letters points a. … z., aa., ab.", () => {
    expect(hurufPoin(0)).toBe("a.");
    expect(hurufPoin(2)).toBe("c.");
    expect(hurufPoin(25)).toBe("z.");
    expect(hurufPoin(26)).toBe("aa.");
    expect(hurufPoin(27)).toBe("ab.");
    expect(hurufPoin(51)).toBe("az.");
    expect(hurufPoin(52)).toBe("ba.");
    expect(hurufPoin(26 + 26 * 26)).toBe("aaa.");
  });
  it("is unique", () => {
    const seen = new Set(Array.from({ length: 2000 }, (_, i) => hurufPoin(i)));
    expect(seen.size).toBe(2000);
  });
});

describe("romawi", () => {
  it("writes roman numerals", () => {
    expect([1, 4, 9, 11, 12, 14, 40, 1994].map(romawi)).toEqual(["I", "IV", "IX", "XI", "XII", "XIV", "XL", "MCMXCIV"]);
    expect(bulanRomawi("2027-11-03")).toBe("XI");
  });
});
