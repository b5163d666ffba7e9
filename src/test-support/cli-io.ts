// A CliIo that records what a command prints, for in-process CLI tests.
import { readFile, writeFile } from "node:fs/promises";
import type { CliIo } from "../cli/io.js";

export function captureIo(env: Record<string, string | undefined> = {}): { io: CliIo; out: () => string; err: () => string } {
  let out = "";
  let err = "";
  return {
    io: {
      out: (s) => void (out += s),
      err: (s) => void (err += s),
      readFile: (p) => readFile(p),
      writeFile: (p, d) => writeFile(p, d),
      env,
    },
    out: () => out,
    err: () => err,
  };
}
