/**
 * Composition root of the `steve` command: the only place that wires config, the
 * database and the adapters (src/main/adapters.ts) together for the CLI.
 */
import { runCli } from '../cli/run.js';
import type { CliRuntime, GlobalOptions } from '../cli/runtime.js';
import { loadConfig } from '../config/config.js';
import { existsSync, mkdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { AUDIT_KEY_FILE } from '../adapters/file-audit-seal.js';
import { copySqliteInto } from '../db/backup.js';
import { openStore, storeTarget } from '../db/connect.js';
import { AppError } from '../domain/errors.js';
import { checkAuditTrail } from '../services/audit/check-audit-trail.js';
import { checkpointAudit } from '../services/audit/checkpoint-audit.js';
import { cliActor } from '../services/context.js';
import { chooseAdapters, localAdapters } from './adapters.js';

export function nodeRuntime(): CliRuntime {
  return {
    async open(opts: GlobalOptions) {
      const cfg = loadConfig({ data: opts.data, db: opts.db }, process.env);
      const store = await openStore(storeTarget(cfg));
      const { clock, mail, languageModel, auditSeal } = chooseAdapters(cfg);
      const ctx = { db: store.db, dialect: store.dialect, clock, mail, languageModel, auditSeal, actor: cliActor };
      return {
        ctx,
        location: store.location,
        close: async () => {
          try {
            await checkpointAudit(ctx);
          } finally {
            await store.close();
          }
        },
      };
    },
    async restore(opts, file) {
      const cfg = loadConfig({ data: opts.data, db: opts.db }, process.env);
      const target = storeTarget(cfg);
      if (target.kind !== 'sqlite')
        throw new AppError('VALIDATION', 'This practice is on PostgreSQL: restore a pg_dump backup with pg_restore (README, "Your data").');
      if (!existsSync(file)) throw new AppError('NOT_FOUND', `No backup at ${file}.`);
      if (existsSync(target.file)) throw new AppError('NOT_EMPTY', `${target.file} already exists: restore into an empty data folder (--data).`);
      mkdirSync(resolve(target.file, '..'), { recursive: true, mode: 0o700 });
      // Opened without migrating, so a wrong key or a file that is not a backup is refused before anything is written.
      const from = await openStore({ kind: 'sqlite', file, key: cfg.dbKey }, { migrate: false });
      try {
        await copySqliteInto(from.db, target.file);
      } finally {
        await from.close();
      }
      const store = await openStore(target);
      try {
        const { clock, mail, languageModel, auditSeal } = chooseAdapters(cfg);
        // A new key would make the restored events look forged: check only with the practice's own key.
        const haveKey = Boolean(cfg.auditKey) || existsSync(join(resolve(cfg.dataDir), AUDIT_KEY_FILE));
        const lines = [`Restored ${file} into ${store.location}.`];
        let audit_intact: boolean | null = null;
        if (haveKey) {
          const report = await checkAuditTrail({ db: store.db, dialect: store.dialect, clock, mail, languageModel, actor: cliActor, auditSeal });
          audit_intact = report.intact || report.problem?.includes('checkpoint') === true;
          lines.push(audit_intact ? `The audit trail verifies with the practice's key (${report.events} events).` : `Warning: ${report.problem}`);
        } else {
          lines.push(
            `To check the audit trail, copy audit.key from the original data folder into ${resolve(cfg.dataDir)} (or set STEVE_AUDIT_KEY), then run steve audit verify.`,
          );
        }
        return { location: store.location, audit_intact, lines };
      } finally {
        await store.close();
      }
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

// Health records: whatever Steve writes (database, backups, exports, keys) is for this user alone.
process.umask(0o077);

// `steve export | head` closes the pipe early: that is the reader's choice, not an error.
process.stdout.on('error', (e: NodeJS.ErrnoException) => {
  if (e.code === 'EPIPE') process.exit(0);
  throw e;
});

const code = await runCli(process.argv.slice(2), nodeRuntime());
process.exitCode = code;
