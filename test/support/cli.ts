/**
 * Runs the `steve` CLI in-process (runCli with a test runtime) over a fresh store, capturing
 * stdout and stderr per call. The store stays open across calls, so a test can run several
 * commands against the same practice; `--data`/`--db` are ignored here.
 */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { localDiskFiles } from '../../src/adapters/local-disk-files.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import { runCli } from '../../src/cli/run.js';
import type { CliRuntime } from '../../src/cli/runtime.js';
import type { Dialect, Store } from '../../src/db/connect.js';
import type { Files } from '../../src/ports/files.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { freshStore } from './stores.js';

/** What `steve init` is given to set up the test practice and its owner. */
export const OWNER_INIT = [
  '--practice',
  'Harbour Lane OT',
  '--owner-name',
  'Olive Owner',
  '--owner-email',
  'olive@harbour-lane.test',
  '--owner-password',
  'owner-password-1',
] as const;

export interface CliResult {
  code: number;
  out: string;
  /** Each call to err() is one entry, so "exactly one stderr line" can be checked. */
  err: string[];
}

export interface CliHarness {
  store: Store;
  ctx: ServiceContext;
  run(...argv: string[]): Promise<CliResult>;
  /** Runs and parses stdout as JSON (adds --json); fails loudly on a non-zero exit. */
  json<T = unknown>(...argv: string[]): Promise<T>;
  close(): Promise<void>;
}

export interface CliHarnessOptions {
  /** Where commands read and write files: the real disk unless a test passes memoryFiles(). */
  files?: Files;
  /** What a command reading "-" gets. */
  stdin?: string;
}

export async function cliHarness(dialect: Dialect, today = '2026-11-27', options: CliHarnessOptions = {}): Promise<CliHarness> {
  const store = await freshStore(dialect);
  const clock = fixedClock(today);
  const ctx: ServiceContext = {
    db: store.db,
    dialect: store.dialect,
    clock,
    mail: disabledMail,
    languageModel: disabledLanguageModel,
    actor: cliActor,
  };
  const run = async (...argv: string[]): Promise<CliResult> => {
    const out: string[] = [];
    const err: string[] = [];
    const rt: CliRuntime = {
      open: async () => ({ ctx, location: store.location, close: async () => undefined }),
      files: options.files ?? localDiskFiles,
      clock,
      readStdin: async () => options.stdin ?? '',
      out: (t) => void out.push(t),
      err: (t) => void err.push(t),
      stdinIsTTY: false,
      stderrIsTTY: false,
      env: {},
    };
    const code = await runCli(argv, rt);
    return { code, out: out.join('\n'), err };
  };
  return {
    store,
    ctx,
    run,
    async json<T>(...argv: string[]): Promise<T> {
      const r = await run(...argv, '--json');
      if (r.code !== 0) throw new Error(`steve ${argv.join(' ')} exited ${r.code}: ${r.err.join(' | ')}`);
      return JSON.parse(r.out) as T;
    },
    close: () => store.close(),
  };
}
