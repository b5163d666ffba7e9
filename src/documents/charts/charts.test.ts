import { describe, expect, it } from "vitest";
import { XMLParser, XMLValidator } from "fast-xml-parser";
import { GANTT_COLORS, ganttPages, ganttSvg, type GanttInput } from "./gantt-svg.js";
import { ATTITUDE_COLORS, stakeholderGridSvg } from "./stakeholder-grid-svg.js";
import { outlineTexts, svgToPng } from "./rasterize.js";

const HOSTILE = `<script>alert("x")</script> & 'kutip' \u0000\u0007\u001b ]]> <![CDATA[ x ]]>`;

function input(rows: GanttInput["rows"]): GanttInput {
  return {
    rows,
    from: "2027-01-04",
    to: "2027-02-26",
    nonWorkingDays: [
      { date: "2027-01-09" },
      { date: "2027-01-10" },
      { date: "2027-01-16" },
      { date: "2027-01-17" },
      { date: "2027-02-06", holidayName: "Tahun Baru Imlek" },
    ],
  };
}

const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: "" });

function textsOf(svg: string): string[] {
  const doc = parser.parse(svg) as { svg: { text?: unknown } };
  const texts = doc.svg.text;
  const list = Array.isArray(texts) ? texts : texts === undefined ? [] : [texts];
  return list.map((t) => (typeof t === "object" && t !== null ? String((t as Record<string, unknown>)["#text"] ?? "") : String(t)));
}

describe("ganttSvg", () => {
  it("draws critical bars in the critical colour and others in the normal colour", () => {
    const pic = ganttSvg(
      input([
        { id: "a", label: "Kritis", start: "2027-01-04", finish: "2027-01-08", critical: true, milestone: false },
        { id: "b", label: "Biasa", start: "2027-01-11", finish: "2027-01-12", critical: false, milestone: false },
        { id: "m", label: "Tonggak", start: "2027-01-13", finish: "2027-01-13", critical: true, milestone: true },
      ]),
    );
    expect(XMLValidator.validate(pic.svg)).toBe(true);
    const bars = [...pic.svg.matchAll(/<rect x="([\d.]+)" y="[\d.]+" width="([\d.]+)" height="[\d.]+" fill="(#[0-9a-f]+)" rx="1"\/>/g)];
    expect(bars.map((b) => b[3])).toEqual([GANTT_COLORS.critical, GANTT_COLORS.bar]);
    // The 5-day bar is 2.5 times as long as the 2-day bar.
    expect(Number(bars[0]![2]) / Number(bars[1]![2])).toBeCloseTo(2.5, 2);
    expect(pic.svg).toContain(`<path d="M`);
  });

  it("shades weekend runs and holidays separately", () => {
    const pic = ganttSvg(input([]));
    const shading = (color: string) => {
      const m = new RegExp(`<path d="([^"]*)" fill="${color}"/>`).exec(pic.svg);
      return m ? m[1]!.split("M").length - 1 : 0;
    };
    // two weekend runs (9–10 and 16–17 January), one holiday
    expect(shading(GANTT_COLORS.weekend)).toBe(2);
    expect(shading(GANTT_COLORS.holiday)).toBe(1);
  });

  it("keeps hostile labels literal and the SVG valid", () => {
    const pic = ganttSvg(input([{ id: "x", label: HOSTILE, start: "2027-01-04", finish: "2027-01-05", critical: false, milestone: false }]));
    expect(XMLValidator.validate(pic.svg)).toBe(true);
    const texts = textsOf(pic.svg);
    expect(texts.some((t) => t.startsWith(`<script>alert("x")</script> & 'kutip' \u2400\u2407\u241b`))).toBe(true);
  });

  it("cuts long plans into pages and shortens 10,000-character labels", () => {
    const rows = Array.from({ length: 95 }, (_, i) => ({
      id: `a${i}`,
      label: "x".repeat(10_000),
      start: "2027-01-04",
      finish: "2027-01-05",
      critical: false,
      milestone: false,
    }));
    const pages = ganttPages(input(rows), 40);
    expect(pages).toHaveLength(3);
    for (const p of pages) {
      expect(XMLValidator.validate(p.svg)).toBe(true);
      expect(p.svg.length).toBeLessThan(40_000);
    }
  });
});

describe("stakeholderGridSvg", () => {
  it("places points by power and interest, numbered, coloured by attitude", () => {
    const pic = stakeholderGridSvg([
      { id: "s1", name: "Bupati", power: 5, interest: 5, attitude: "supportive" },
      { id: "s2", name: "Camat", power: 1, interest: 1, attitude: "opposed" },
    ]);
    expect(XMLValidator.validate(pic.svg)).toBe(true);
    const circles = [...pic.svg.matchAll(/<circle cx="([\d.]+)" cy="([\d.]+)" r="6.5" fill="(#[0-9a-f]+)"\/>/g)];
    expect(circles).toHaveLength(2);
    const [bupati, camat] = circles;
    // Higher interest is further right, higher power is higher up (smaller y).
    expect(Number(bupati![1])).toBeGreaterThan(Number(camat![1]));
    expect(Number(bupati![2])).toBeLessThan(Number(camat![2]));
    expect(bupati![3]).toBe(ATTITUDE_COLORS.supportive);
    expect(camat![3]).toBe(ATTITUDE_COLORS.opposed);
  });

  it("keeps hostile names literal", () => {
    const pic = stakeholderGridSvg([{ id: "s", name: HOSTILE, power: 3, interest: 3 }]);
    expect(XMLValidator.validate(pic.svg)).toBe(true);
    expect(textsOf(pic.svg).some((t) => t.includes(`<script>alert("x")</script>`))).toBe(true);
  });
});

describe("svgToPng", () => {
  it("rasterises a chart to a PNG of the scaled size", () => {
    const pic = ganttSvg(input([{ id: "a", label: "A", start: "2027-01-04", finish: "2027-01-08", critical: true, milestone: false }]));
    const png = svgToPng(pic, 2);
    expect([...png.png.slice(0, 8)]).toEqual([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);
    expect(png.pixelWidth).toBe(Math.round(pic.width * 2));
    expect(png.pixelHeight).toBe(Math.round(pic.height * 2));
  });
});

describe("outlineTexts", () => {
  it("turns every label into glyph outlines that draw ink where the text was", () => {
    const withLabel = ganttSvg(input([{ id: "a", label: HOSTILE, start: "2027-01-04", finish: "2027-01-08", critical: false, milestone: false }]));
    const outlined = outlineTexts(withLabel.svg);
    expect(XMLValidator.validate(outlined)).toBe(true);
    expect(outlined).not.toContain("<text");
    expect(outlined.split("<path").length).toBeGreaterThan(withLabel.svg.split("<text").length);
    const blank = ganttSvg(input([{ id: "a", label: "", start: "2027-01-04", finish: "2027-01-08", critical: false, milestone: false }]));
    expect(Buffer.from(svgToPng(withLabel, 1).png).equals(Buffer.from(svgToPng(blank, 1).png))).toBe(false);
  });
});
