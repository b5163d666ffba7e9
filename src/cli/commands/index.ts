// One line per command: its name and how to load its module (which exports `register`).
// Modules load lazily: `rencana validate` should not pay for the server, the document
// writers and the database drivers.
import type { CommandRegistrar } from "../io.js";

type CommandModule = { register: CommandRegistrar };

export const commands: Record<string, () => Promise<CommandModule>> = {
  validate: () => import("./validate.js"),
  serve: () => import("./serve.js"),
  migrate: () => import("./migrate.js"),
  import: () => import("./import.js"),
  export: () => import("./export.js"),
  backup: () => import("./backup.js"),
  schedule: () => import("./schedule.js"),
  progress: () => import("./progress.js"),
  render: () => import("./render.js"),
  user: () => import("./user.js"),
  organization: () => import("./organization.js"),
  ikm: () => import("./ikm.js"),
};
