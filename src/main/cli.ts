/**
 * Composition root of the `steve` command: the only place that wires config, the
 * database and the adapters (src/main/adapters.ts) together for the CLI.
 */
import { runCli } from '../cli/run.js';
import type { CliRuntime, GlobalOptions } from '../cli/runtime.js';
import { loadConfig } from '../config/config.js';
import { openStore, storeTarget } from '../db/connect.js';
import { cliActor } from '../services/context.js';
import { chooseAdapters, localAdapters } from './adapters.js';

export function nodeRuntime(): CliRuntime {
  return {
    async open(opts: GlobalOptions) {
      const cfg = loadConfig({ data: opts.data, db: opts.db }, process.env);
      const store = await openStore(storeTarget(cfg));
      const { clock, mail, languageModel } = chooseAdapters(cfg);
      return {
        ctx: { db: store.db, dialect: store.dialect, clock, mail, languageModel, actor: cliActor },
        location: store.location,
        close: () => store.close(),
      };
    },
    async serve(opts, say) {
      const cfg = loadConfig({ data: opts.data, db: opts.db, port: opts.port, host: opts.host }, process.env);
      // The web server's dependencies load only for `serve` and `start`.
      const { startServer } = await import('./server.js');
      return startServer(cfg, opts, say);
    },
    // Commands that need no database (triage, check) still read files and the date.
    files: localAdapters.files,
    clock: localAdapters.clock,
    readStdin: async () => {
      const chunks: Buffer[] = [];
      for await (const chunk of process.stdin) chunks.push(typeof chunk === 'string' ? Buffer.from(chunk) : chunk);
      return Buffer.concat(chunks).toString('utf8');
    },
    out: (t) => process.stdout.write(`${t}\n`),
    err: (t) => process.stderr.write(`${t}\n`),
    stdinIsTTY: Boolean(process.stdin.isTTY),
    stderrIsTTY: Boolean(process.stderr.isTTY),
    env: process.env,
  };
}

// `steve export | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await runCli(process.argv.slice(2), nodeRuntime());
process.exitCode = code;
