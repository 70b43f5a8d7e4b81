/**
 * Composition root of the `steve` command: the only place that wires config, the
 * database and the clock together for the CLI.
 */
import { systemClock } from '../adapters/system-clock.js';
import { runCli } from '../cli/run.js';
import type { CliRuntime, GlobalOptions } from '../cli/runtime.js';
import { loadConfig } from '../config/config.js';
import { openStore, storeTarget } from '../db/connect.js';
import { cliActor } from '../services/context.js';

export function nodeRuntime(): CliRuntime {
  return {
    async open(opts: GlobalOptions) {
      const cfg = loadConfig({ data: opts.data, db: opts.db }, process.env);
      const store = await openStore(storeTarget(cfg));
      return {
        ctx: { db: store.db, dialect: store.dialect, clock: systemClock, actor: cliActor },
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
