/**
 * What the CLI needs from the composition root (src/main/cli.ts): a way to open the
 * practice's database as a service context, and the process's streams. Commands stay
 * thin: parse flags, call one service, print.
 */
import type { Command } from 'commander';
import { AppError } from '../domain/errors.js';
import type { Clock } from '../ports/clock.js';
import type { Files } from '../ports/files.js';
import type { ServiceContext } from '../services/context.js';

export interface GlobalOptions {
  data?: string;
  db?: string;
  json?: boolean;
}

export interface OpenedContext {
  ctx: ServiceContext;
  location: string;
  close(): Promise<void>;
}

export interface ServeOptions extends GlobalOptions {
  port?: number;
  host?: string;
  /** `steve start`: build the web app when it is missing or stale, and create the demo practice in an empty database. */
  start?: boolean;
  /** Back up once a day into the data folder's backups/, keeping this many. */
  backupDaily?: number;
}

export interface RunningServer {
  url: string;
  location: string;
  /** The demo sign-in to print, when the practice is the demo one. */
  demoSignIn: { email: string; password: string } | null;
  /** Resolves once the server has closed (on SIGINT/SIGTERM, or close()). */
  closed: Promise<void>;
  close(): Promise<void>;
}

export interface CliRuntime {
  open(opts: GlobalOptions): Promise<OpenedContext>;
  /** Starts the HTTP server; `say` prints progress lines (building, creating the demo). */
  serve?(opts: ServeOptions, say: (line: string) => void): Promise<RunningServer>;
  /** Copies a backup into the data folder, which must hold no practice yet. */
  restore?(opts: GlobalOptions, file: string): Promise<{ location: string; audit_intact: boolean | null; lines: string[] }>;
  /** Every file a command reads or writes goes through this port, never node:fs. */
  readonly files: Files;
  /** For commands that need the date but no database (the context has its own). */
  readonly clock: Clock;
  /** All of standard input, for a file named "-". */
  readStdin(): Promise<string>;
  out(text: string): void;
  err(text: string): void;
  readonly stdinIsTTY: boolean;
  readonly stderrIsTTY: boolean;
  readonly env: Record<string, string | undefined>;
}

export function globals(cmd: Command): GlobalOptions {
  return cmd.optsWithGlobals() as GlobalOptions;
}

/** Opens the database, runs the command, prints JSON or text, and always closes. */
export async function withContext<T>(rt: CliRuntime, cmd: Command, run: (ctx: ServiceContext) => Promise<T>, text: (result: T) => string): Promise<void> {
  const g = globals(cmd);
  const opened = await rt.open(g);
  try {
    const result = await run(opened.ctx);
    rt.out(g.json ? JSON.stringify(result, null, 2) : text(result));
  } finally {
    await opened.close();
  }
}

/** Commander hands options over as strings; numbers are checked here with a clear message. */
export function intOption(name: string) {
  return (value: string): number => {
    if (!/^\d+$/.test(value)) throw new AppError('VALIDATION', `--${name} must be a whole number, not "${value}".`);
    return Number(value);
  };
}
