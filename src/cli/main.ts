// Entry of the `rencana` command line. Each command lives in ./commands/<name>.ts and
// registers itself on the program; `run` returns the exit code instead of exiting, so
// tests can call it in-process.
import { Command, CommanderError } from "commander";
import { commands } from "./commands/index.js";
import type { CliIo } from "./io.js";
import { processIo } from "./io.js";

export async function run(argv: string[], io: CliIo = processIo): Promise<number> {
  const program = new Command("rencana")
    .description("Rencana Layanan — perencanaan kegiatan pelayanan publik")
    .exitOverride()
    .configureOutput({ writeOut: (s) => io.out(s), writeErr: (s) => io.err(s) });
  let exitCode = 0;
  const setExit = (code: number) => {
    exitCode = code;
  };
  // Load only the command asked for; help and unknown commands need them all to list them.
  const asked = argv.find((a) => !a.startsWith("-"));
  const load = asked && Object.hasOwn(commands, asked) ? [commands[asked]!] : Object.values(commands);
  for (const mod of await Promise.all(load.map((l) => l()))) mod.register(program, io, setExit);
  try {
    await program.parseAsync(argv, { from: "user" });
  } catch (e) {
    if (e instanceof CommanderError) return e.exitCode === 0 ? 0 : 2;
    io.err(`rencana: ${(e as Error).message}\n`);
    return 1;
  }
  return exitCode;
}

const isMain = process.argv[1] && import.meta.url === new URL(`file://${process.argv[1]}`).href;
if (isMain) {
  process.exitCode = await run(process.argv.slice(2));
}
