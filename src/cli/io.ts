import { readFile, writeFile } from "node:fs/promises";

/** What a command may touch of the outside world; tests pass their own. */
export type CliIo = {
  out: (s: string) => void;
  err: (s: string) => void;
  readFile: (path: string) => Promise<Buffer>;
  writeFile: (path: string, data: Uint8Array | string) => Promise<void>;
  env: Record<string, string | undefined>;
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
};

export type CommandRegistrar = (program: import("commander").Command, io: CliIo, setExit: (code: number) => void) => void;
