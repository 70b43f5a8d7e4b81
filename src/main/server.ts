/**
 * Composition root of the HTTP server (`steve serve` and `steve start`): opens the database,
 * builds the web app when asked, creates the demo practice in an empty database, listens,
 * and closes the server and the database on SIGINT/SIGTERM.
 */
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { RunningServer, ServeOptions } from '../cli/runtime.js';
import type { Config } from '../config/config.js';
import { openStore, storeTarget } from '../db/connect.js';
import { AppError } from '../domain/errors.js';
import { buildApp } from '../server/app.js';
import { DEMO_DEFAULTS, buildDemoPractice } from '../services/demo/build-demo-practice.js';
import { cliActor, type ServiceContext } from '../services/context.js';
import { backUpPractice } from '../services/practice/back-up-practice.js';
import { findPractice } from '../services/practice/get-practice.js';
import { BUILDS, buildStale } from '../../scripts/build-freshness.mjs';
import { chooseAdapters } from './adapters.js';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
export const WEB_ROOT = join(ROOT, 'dist', 'web');
const DEMO_OWNER_EMAIL = 'owner@demo.steve.test';

function version(): string {
  try {
    return (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { version?: string }).version ?? '0.0.0';
  } catch {
    return '0.0.0';
  }
}

async function buildWeb(say: (line: string) => void): Promise<void> {
  const vite = join(ROOT, 'node_modules', '.bin', 'vite');
  if (!existsSync(join(ROOT, 'vite.config.ts')) || !existsSync(join(ROOT, 'web')) || !existsSync(vite)) {
    say('Warning: the web app cannot be built here (no vite.config.ts, web/ or vite); serving the API only.');
    return;
  }
  if (!buildStale(ROOT, BUILDS.web)) return;
  say('Building the web app (vite build)…');
  const started = Date.now();
  // Vite's output goes to stderr so stdout keeps only the URL and the sign-in.
  const code = await new Promise<number>((resolve, reject) => {
    const child = spawn(vite, ['build', '--logLevel', 'warn'], { cwd: ROOT, stdio: ['ignore', 2, 2] });
    child.on('error', reject);
    child.on('exit', (c) => resolve(c ?? 1));
  });
  if (code !== 0)
    say(`Warning: the web app build failed (exit ${code}); serving the API${existsSync(join(WEB_ROOT, 'index.html')) ? ' and the previous build' : ' only'}.`);
  else say(`Built the web app in ${((Date.now() - started) / 1000).toFixed(1)} s.`);
}

const DAY_MS = 24 * 3600_000;
const BACKUP_NAME = /^steve-\d{4}-\d{2}-\d{2}\.sqlite$/;

/**
 * `steve serve --backup-daily N`: a consistent copy into the data folder's backups/ at start
 * (unless today's exists) and every 24 hours, keeping the newest N.
 */
function dailyBackups(cfg: Config, ctx: ServiceContext, keep: number, say: (line: string) => void): NodeJS.Timeout {
  const dir = join(resolve(cfg.dataDir), 'backups');
  const once = async () => {
    mkdirSync(dir, { recursive: true, mode: 0o700 });
    const file = join(dir, `steve-${ctx.clock.now().toISOString().slice(0, 10)}.sqlite`);
    if (!existsSync(file)) await backUpPractice(ctx, file);
    const old = readdirSync(dir)
      .filter((f) => BACKUP_NAME.test(f))
      .sort()
      .reverse()
      .slice(keep);
    for (const f of old) rmSync(join(dir, f));
  };
  const run = () => void once().catch((e: unknown) => say(`Warning: the daily backup failed: ${e instanceof Error ? e.message : String(e)}`));
  run();
  const timer = setInterval(run, DAY_MS);
  timer.unref();
  return timer;
}

export async function startServer(cfg: Config, opts: ServeOptions, say: (line: string) => void): Promise<RunningServer> {
  if (opts.start) await buildWeb(say);
  const store = await openStore(storeTarget(cfg));
  const { clock, mail, languageModel, auditSeal } = chooseAdapters(cfg);
  try {
    let demoSignIn: RunningServer['demoSignIn'] = null;
    if (opts.start && !(await findPractice(store.db))) {
      say('The database is empty: creating the demo practice (fictional people only)…');
      const summary = await buildDemoPractice({ db: store.db, dialect: store.dialect, clock, mail, languageModel, auditSeal, actor: cliActor }, {});
      say(`Created the demo practice "${summary.practice.name}" with ${summary.clients} clients.`);
    }
    const demoOwner = await store.db.selectFrom('users').select('email').where('email', '=', DEMO_OWNER_EMAIL).executeTakeFirst();
    if (demoOwner) demoSignIn = { email: DEMO_OWNER_EMAIL, password: DEMO_DEFAULTS.password };

    const app = await buildApp({
      db: store.db,
      dialect: store.dialect,
      clock,
      mail,
      languageModel,
      auditSeal,
      sessionHours: cfg.sessionHours,
      secureCookies: cfg.secureCookies,
      webRoot: WEB_ROOT,
      logLevel: cfg.logLevel,
      version: version(),
    });
    if (!existsSync(join(WEB_ROOT, 'index.html'))) say('Note: the web app is not built (run `npm start` or `npm run build:web`); serving the API only.');
    try {
      await app.listen({ host: cfg.host, port: cfg.port });
    } catch (e) {
      await app.close();
      if ((e as NodeJS.ErrnoException).code === 'EADDRINUSE') {
        throw new AppError('CONFLICT', `Port ${cfg.port} on ${cfg.host} is already in use (is Steve already running?). Choose another with --port.`);
      }
      throw e;
    }
    const address = app.server.address();
    const port = typeof address === 'object' && address ? address.port : cfg.port;
    const shownHost = cfg.host.includes(':') ? `[${cfg.host}]` : cfg.host;

    const backups = opts.backupDaily
      ? dailyBackups(cfg, { db: store.db, dialect: store.dialect, clock, mail, languageModel, auditSeal, actor: cliActor }, opts.backupDaily, say)
      : null;

    let closing: Promise<void> | undefined;
    let resolveClosed!: () => void;
    const closed = new Promise<void>((r) => (resolveClosed = r));
    const close = (): Promise<void> =>
      (closing ??= (async () => {
        process.off('SIGINT', onSignal);
        process.off('SIGTERM', onSignal);
        if (backups) clearInterval(backups);
        await app.close();
        await store.close();
        resolveClosed();
      })());
    const onSignal = () => {
      say('Stopping…');
      void close();
    };
    process.on('SIGINT', onSignal);
    process.on('SIGTERM', onSignal);
    return { url: `http://${shownHost}:${port}`, location: store.location, demoSignIn, closed, close };
  } catch (e) {
    await store.close();
    throw e;
  }
}
