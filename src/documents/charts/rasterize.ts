// SVG → PNG for DOCX (Word cannot be relied on to show SVG). resvg ships as a prebuilt binary
// inside its npm package; we hand it only the chart font's files instead of scanning every
// system font, which would cost more than the drawing.
import { Resvg } from "@resvg/resvg-js";
import { CHART_FONT, resolvePdfFontFiles } from "../pdf-fonts.js";
import type { SvgPicture } from "./gantt-svg.js";

export interface PngPicture {
  png: Uint8Array;
  /** pixel size of the PNG */
  pixelWidth: number;
  pixelHeight: number;
}

let fontFiles: string[] | undefined;

/** Renders `picture` at `scale` pixels per SVG unit (2 ≈ 144 dpi when 1 unit = 1 pt). */
export function svgToPng(picture: SvgPicture, scale = 2): PngPicture {
  fontFiles ??= [...new Set(Object.values(resolvePdfFontFiles(CHART_FONT)))];
  const resvg = new Resvg(picture.svg, {
    fitTo: { mode: "zoom", value: scale },
    background: "#ffffff",
    font: { loadSystemFonts: false, fontFiles, defaultFontFamily: CHART_FONT, sansSerifFamily: CHART_FONT },
    logLevel: "off",
  });
  const image = resvg.render();
  return { png: new Uint8Array(image.asPng()), pixelWidth: image.width, pixelHeight: image.height };
}
