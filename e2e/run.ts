/**
 * End-to-end tests in real headless Chromium (`npm run e2e`): builds the web app when it is
 * stale, makes a demo practice in a fresh temporary folder, serves it with `steve serve`,
 * runs every spec, prints `e2e: N passed, N failed` and always cleans up.
 * `E2E_ONLY=<regex>` runs the specs whose names match; `E2E_DEMO_URL` / `E2E_EMPTY_URL` use
 * servers that are already running (a demo practice, an empty one) instead of starting them.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type BrowserContext } from 'playwright-core';
import { BUILDS, buildStale } from '../scripts/build-freshness.mjs';
import { registeredSpecs, runSpecs, type Outcome } from './harness.js';
import { ROOT, startServer, steve, type RunningServer } from './server.js';
import './specs/roles.spec.js';
import './specs/client-flow.spec.js';
import './specs/setup.spec.js';
import './specs/tablet.spec.js';
import './specs/today.spec.js';
import './specs/clients-duplicate.spec.js';
import './specs/organisations-settings.spec.js';
import './specs/totp.spec.js';
import './specs/inbox.spec.js';
import './specs/inbox-correct.spec.js';
import './specs/documents.spec.js';
import './specs/ehcp.spec.js';
import './specs/money.spec.js';
import './specs/client-money.spec.js';
import './specs/referrals.spec.js';

const CHROMIUM = process.env.STEVE_CHROMIUM ?? '/usr/bin/chromium';

/** Builds dist/web unless it is newer than everything it is built from. */
function buildWebIfNeeded(): void {
  if (!buildStale(ROOT, BUILDS.web)) {
    console.log('e2e: web app is up to date');
    return;
  }
  console.log('e2e: building the web app');
  const r = spawnSync(process.execPath, [join(ROOT, 'node_modules', 'vite', 'bin', 'vite.js'), 'build', '--logLevel', 'warn'], { cwd: ROOT, stdio: 'inherit' });
  if (r.status !== 0) throw new Error('vite build failed');
}

async function main(): Promise<number> {
  const temps: string[] = [];
  const servers: RunningServer[] = [];
  let context: BrowserContext | null = null;
  let outcomes: Outcome[] = [];
  let setupFailure: string | null = null;
  const cleanup = async () => {
    await context?.close().catch(() => {});
    context = null;
    for (const s of servers.splice(0)) await s.stop().catch(() => {});
    for (const t of temps.splice(0)) rmSync(t, { recursive: true, force: true });
  };
  const onSignal = () => {
    void cleanup().finally(() => process.exit(130));
  };
  const startDemoServer = async () => {
    const demoDir = mkdtempSync(join(tmpdir(), 'steve-e2e-demo-'));
    temps.push(demoDir);
    const started = Date.now();
    steve(['demo', '--data', demoDir]);
    console.log(`e2e: demo practice made in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    const server = await startServer(demoDir);
    servers.push(server);
    return server;
  };
  const startEmptyServer = async () => {
    const emptyDir = mkdtempSync(join(tmpdir(), 'steve-e2e-empty-'));
    temps.push(emptyDir);
    const server = await startServer(emptyDir);
    servers.push(server);
    return server;
  };
  process.once('SIGINT', onSignal);
  process.once('SIGTERM', onSignal);

  try {
    if (!existsSync(CHROMIUM)) throw new Error(`No Chromium at ${CHROMIUM}: apt-get install -y chromium fonts-liberation`);
    buildWebIfNeeded();
    const demo = process.env.E2E_DEMO_URL ? { url: process.env.E2E_DEMO_URL, pid: 0 } : await startDemoServer();
    const empty = process.env.E2E_EMPTY_URL ? { url: process.env.E2E_EMPTY_URL, pid: 0 } : await startEmptyServer();
    console.log(`e2e: serving the demo at ${demo.url} (pid ${demo.pid}) and an empty practice at ${empty.url} (pid ${empty.pid})`);

    const profile = mkdtempSync(join(tmpdir(), 'steve-chromium-'));
    temps.push(profile);
    context = await chromium.launchPersistentContext(profile, {
      executablePath: CHROMIUM,
      headless: true,
      locale: 'en-GB',
      timezoneId: 'Europe/London',
      viewport: { width: 1280, height: 800 },
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-quic',
        '--no-first-run',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
      ],
    });
    const only = process.env.E2E_ONLY ? new RegExp(process.env.E2E_ONLY, 'i') : undefined;
    console.log(`e2e: running ${registeredSpecs().filter((s) => !only || only.test(s.name)).length} specs in Chromium`);
    outcomes = await runSpecs({ demoUrl: demo.url, emptyUrl: empty.url, context, screenshotsDir: join(ROOT, 'e2e', 'screenshots') }, only);
    const failed = outcomes.filter((o) => !o.ok);
    if (failed.length) {
      for (const s of servers) {
        const tail = s.log().split('\n').slice(-30).join('\n').trim();
        if (tail) console.log(`--- server ${s.url} log (last lines) ---\n${tail}`);
      }
    }
  } catch (e) {
    setupFailure = e instanceof Error ? e.message : String(e);
    console.error(`e2e: could not run: ${setupFailure}`);
  } finally {
    await cleanup();
  }
  const passed = outcomes.filter((o) => o.ok).length;
  const failed = outcomes.length - passed + (setupFailure ? 1 : 0);
  console.log(`e2e: ${passed} passed, ${failed} failed`);
  return failed === 0 && passed > 0 ? 0 : 1;
}

process.exitCode = await main();
