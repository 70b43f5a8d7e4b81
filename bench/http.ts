/**
 * HTTP benchmark: on the 50,000-client demo (SQLite), signed in, 20 concurrent
 * connections on loopback against client search, client detail (rotating ids, each read
 * audited) and the Today list. Prints p50/p95/p99 and req/s, and writes the "## HTTP"
 * section of bench/RESULTS.md.
 *
 *   npx tsx bench/http.ts            (STEVE_BENCH_DATA=dir to choose where the demo lives;
 *                                     STEVE_BENCH_SECONDS=n per scenario, default 10)
 */
import { disabledLanguageModel } from '../src/adapters/disabled-language-model.js';
import { disabledMail } from '../src/adapters/disabled-mail.js';
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { cpus, loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { systemClock } from '../src/adapters/system-clock.js';
import { openStore, storeTarget } from '../src/db/connect.js';
import { cliActor } from '../src/services/context.js';
import { buildDemoPractice } from '../src/services/demo/build-demo-practice.js';

const ROOT = fileURLToPath(new URL('../', import.meta.url));
const CLIENTS = 50_000;
const CONNECTIONS = 20;
const SECONDS = Number(process.env.STEVE_BENCH_SECONDS ?? 10);
const TARGET_P95_MS = 50;
const DATA = process.env.STEVE_BENCH_DATA ?? join(tmpdir(), `steve-bench-${CLIENTS}`);
const SIGN_IN = { email: 'owner@demo.steve.test', password: 'demo-password' };

interface AutocannonResult {
  requests: { average: number };
  non2xx: number;
  errors: number;
  timeouts: number;
}
interface AutocannonInstance extends Promise<AutocannonResult> {
  on(event: 'response', fn: (client: unknown, status: number, bytes: number, ms: number) => void): void;
}
type Autocannon = (opts: Record<string, unknown>) => AutocannonInstance;
const autocannon = createRequire(import.meta.url)('autocannon') as Autocannon;

async function ensureDemo(): Promise<string> {
  const target = storeTarget({ dataDir: DATA });
  const store = await openStore(target);
  const clients = Number(
    (
      await store.db
        .selectFrom('clients')
        .select((eb) => eb.fn.countAll<number>().as('n'))
        .executeTakeFirst()
    )?.n ?? 0,
  );
  await store.close();
  if (clients >= CLIENTS) {
    console.log(`Reusing the ${clients}-client demo in ${DATA}`);
    return DATA;
  }
  if (clients > 0) throw new Error(`${DATA} holds ${clients} clients, not the ${CLIENTS}-client demo: remove it or set STEVE_BENCH_DATA.`);
  console.log(`Building the ${CLIENTS}-client demo in ${DATA}…`);
  const started = Date.now();
  const cli = spawnSync(join(ROOT, 'bin', 'steve.js'), ['demo', '--clients', String(CLIENTS), '--data', DATA], {
    stdio: ['ignore', 'ignore', 'pipe'],
    encoding: 'utf8',
  });
  if (cli.status !== 0) {
    // `steve demo` may not be registered in this build yet: the service is the same one it calls.
    const s = await openStore(target);
    await buildDemoPractice(
      { db: s.db, dialect: s.dialect, clock: systemClock, mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor },
      { clients: CLIENTS },
    );
    await s.close();
  }
  console.log(`Built in ${((Date.now() - started) / 1000).toFixed(1)} s`);
  return DATA;
}

async function startServer(dir: string): Promise<{ url: string; stop: () => Promise<void> }> {
  const child = spawn(process.execPath, [join(ROOT, 'bin', 'steve.js'), 'serve', '--data', dir, '--port', '0', '--host', '127.0.0.1'], {
    cwd: ROOT,
    stdio: ['ignore', 'pipe', 'inherit'],
    env: { ...process.env, STEVE_LOG_LEVEL: 'warn' },
  });
  const url = await new Promise<string>((resolve, reject) => {
    let out = '';
    child.stdout.on('data', (d: Buffer) => {
      out += d.toString();
      const m = /running at (http:\/\/\S+)/.exec(out);
      if (m) resolve(m[1]!);
    });
    child.on('exit', (code) => reject(new Error(`server exited with ${code}: ${out}`)));
  });
  return {
    url,
    stop: () =>
      new Promise<void>((resolve) => {
        child.on('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

function percentile(sorted: number[], p: number): number {
  if (sorted.length === 0) return NaN;
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)]!;
}

interface Row {
  name: string;
  path: string;
  p50: number;
  p95: number;
  p99: number;
  rps: number;
  requests: number;
  failures: number;
}

async function scenario(name: string, base: string, cookie: string, paths: string[]): Promise<Row> {
  let i = 0;
  const times: number[] = [];
  let failures = 0;
  const instance = autocannon({
    url: base,
    connections: CONNECTIONS,
    duration: SECONDS,
    headers: { cookie },
    requests: [{ method: 'GET', setupRequest: (req: Record<string, unknown>) => ({ ...req, path: paths[i++ % paths.length] }) }],
  });
  instance.on('response', (_c, status, _b, ms) => {
    times.push(ms);
    if (status !== 200) failures++;
  });
  const result = await instance;
  times.sort((a, b) => a - b);
  return {
    name,
    path: paths[0]!.replace(/[0-9a-f-]{36}/, ':id').replace(/q=[^&]+/, 'q=…'),
    p50: percentile(times, 50),
    p95: percentile(times, 95),
    p99: percentile(times, 99),
    rps: result.requests.average,
    requests: times.length,
    failures: failures + result.errors + result.timeouts,
  };
}

async function main(): Promise<void> {
  const dir = await ensureDemo();
  loadBefore = loadavg()
    .map((n) => n.toFixed(1))
    .join(' / ');
  const server = await startServer(dir);
  try {
    const login = await fetch(`${server.url}/api/auth/login`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(SIGN_IN),
    });
    if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${await login.text()}`);
    const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0]!;
    const page = (await (await fetch(`${server.url}/api/clients?limit=1000&offset=20000`, { headers: { cookie } })).json()) as {
      clients: { id: string; name: string }[];
    };
    const ids = page.clients.map((c) => c.id);
    // Search terms a receptionist types: the first letters of real surnames in the demo.
    const terms = [...new Set(page.clients.map((c) => c.name.split(' ').at(-1)!.slice(0, 4).toLowerCase()))].slice(0, 50);
    console.log(`Signed in; ${ids.length} client ids and ${terms.length} search terms; ${CONNECTIONS} connections, ${SECONDS} s each`);

    const rows: Row[] = [];
    rows.push(
      await scenario(
        'Client search',
        server.url,
        cookie,
        terms.map((q) => `/api/clients?q=${encodeURIComponent(q)}&limit=50`),
      ),
    );
    rows.push(
      await scenario(
        'Client detail (audited read)',
        server.url,
        cookie,
        ids.map((id) => `/api/clients/${id}`),
      ),
    );
    rows.push(await scenario('Today (briefing)', server.url, cookie, ['/api/briefing']));
    report(rows);
  } finally {
    await server.stop();
  }
}

let loadBefore = '';

function report(rows: Row[]): void {
  const ms = (n: number) => n.toFixed(1);
  const table = [
    '| scenario | request | p50 ms | p95 ms | p99 ms | req/s | requests | non-200 | p95 < 50 ms |',
    '|---|---|---:|---:|---:|---:|---:|---:|---|',
    ...rows.map(
      (r) =>
        `| ${r.name} | \`GET ${r.path}\` | ${ms(r.p50)} | ${ms(r.p95)} | ${ms(r.p99)} | ${Math.round(r.rps)} | ${r.requests} | ${r.failures} | ${r.p95 < TARGET_P95_MS ? 'yes' : '**no**'} |`,
    ),
  ].join('\n');
  console.log(table);
  const section = [
    '## HTTP',
    '',
    `Command: \`npx tsx bench/http.ts\` — ${CLIENTS.toLocaleString('en-GB')}-client demo on SQLite, \`steve serve\` on loopback, signed in as the owner,`,
    `autocannon with ${CONNECTIONS} concurrent connections for ${SECONDS} s per scenario. Every client detail read appends an audit event.`,
    `Machine: ${cpus().length} × ${cpus()[0]?.model.trim() ?? 'unknown CPU'}, Node ${process.versions.node}; autocannon shares these cores with the server.`,
    `Run ${new Date().toISOString().slice(0, 16).replace('T', ' ')} UTC; load average before the run ${loadBefore} (other work on the machine inflates every figure).`,
    '',
    table,
    '',
  ].join('\n');
  const file = join(ROOT, 'bench', 'RESULTS.md');
  const current = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const without = current.replace(/\n## HTTP\n[\s\S]*?(?=\n## |\s*$)/, '');
  writeFileSync(file, `${without.trimEnd()}\n\n${section}`);
  console.log(`Wrote the HTTP section of ${file}`);
}

await main();
