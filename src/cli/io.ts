import { readFile, writeFile } from "node:fs/promises";
import { createInterface } from "node:readline";

/** What a command may touch of the outside world; tests pass their own. */
export type CliIo = {
  out: (s: string) => void;
  err: (s: string) => void;
  readFile: (path: string) => Promise<Buffer>;
  writeFile: (path: string, data: Uint8Array | string) => Promise<void>;
  env: Record<string, string | undefined>;
  /** One line from standard input (without its line break), or undefined at end of input. */
  readLine: () => Promise<string | undefined>;
};

// `rencana validate x | head` closes the pipe early: that is the reader's choice, not an error.
for (const stream of [process.stdout, process.stderr]) {
  stream.on("error", (e: NodeJS.ErrnoException) => {
    if (e.code === "EPIPE") process.exit(process.exitCode ?? 0);
    throw e;
  });
}

export const processIo: CliIo = {
  out: (s) => process.stdout.write(s),
  err: (s) => process.stderr.write(s),
  readFile: (p) => readFile(p),
  writeFile: (p, d) => writeFile(p, d),
  env: process.env,
  readLine: () =>
    new Promise((resolve) => {
      const lines = createInterface({ input: process.stdin, terminal: false });
      let answered = false;
      lines.once("line", (line) => {
        answered = true;
        lines.close();
        resolve(line);
      });
      lines.once("close", () => {
        if (!answered) resolve(undefined);
      });
    }),
};

export type CommandRegistrar = (program: import("commander").Command, io: CliIo, setExit: (code: number) => void) => void;
