// A CliIo that records what a command prints, for in-process CLI tests.
import { readFile, writeFile } from "node:fs/promises";
import type { CliIo } from "../cli/io.js";

/** `stdin`: what standard input holds (lines are handed out one per `readLine`); none by default. */
export function captureIo(env: Record<string, string | undefined> = {}, stdin = ""): { io: CliIo; out: () => string; err: () => string } {
  let out = "";
  const lines = stdin === "" ? [] : stdin.replace(/\n$/, "").split("\n");
  let err = "";
  return {
    io: {
      out: (s) => void (out += s),
      err: (s) => void (err += s),
      readFile: (p) => readFile(p),
      writeFile: (p, d) => writeFile(p, d),
      env,
      readLine: async () => lines.shift(),
    },
    out: () => out,
    err: () => err,
  };
}
