/**
 * The real `steve` executable (bin/steve.js through tsx), spawned as a user would run it
 * after `npm ci`, against a temporary --data folder: proves `npx steve` works end to end.
 */
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { OWNER_INIT } from '../support/cli.js';
import { DIALECTS, postgresTestUrl } from '../support/stores.js';

const root = join(import.meta.dirname, '..', '..');
const run = promisify(execFile);

interface Ran {
  code: number;
  stdout: string;
  stderr: string;
}

async function steve(...args: string[]): Promise<Ran> {
  // The child must not pick up a developer's own STEVE_* settings.
  const env = Object.fromEntries(Object.entries(process.env).filter(([k]) => !k.startsWith('STEVE_')));
  try {
    const r = await run(process.execPath, [join(root, 'bin', 'steve.js'), ...args], { cwd: root, env, timeout: 60_000 });
    return { code: 0, stdout: r.stdout, stderr: r.stderr };
  } catch (e) {
    const err = e as { code?: number; stdout?: string; stderr?: string };
    return { code: typeof err.code === 'number' ? err.code : -1, stdout: err.stdout ?? '', stderr: err.stderr ?? '' };
  }
}

async function ok(...args: string[]): Promise<string> {
  const r = await steve(...args);
  if (r.code !== 0) throw new Error(`steve ${args.join(' ')} exited ${r.code}: ${r.stderr}`);
  return r.stdout;
}

describe('bin/steve.js as a child process', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(join(tmpdir(), 'steve-bin-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('init, clients add, clients list --json (id, name, dob), cases open, cases list --json (id, client_id, service_line, details)', async () => {
    const data = join(dir, 'a');
    expect(await ok('init', '--data', data, ...OWNER_INIT)).toBe('Set up Harbour Lane OT. Sign in as olive@harbour-lane.test.\n');
    await ok('clients', 'add', '--data', data, '--name', 'Amara Fictional', '--dob', '2016-05-12', '--nhs-number', '943 476 5919');
    const clients = JSON.parse(await ok('clients', 'list', '--data', data, '--json')) as Record<string, unknown>[];
    expect(clients).toEqual([expect.objectContaining({ id: expect.any(String), name: 'Amara Fictional', dob: '2016-05-12' })]);
    await ok('cases', 'open', '--data', data, '--client', String(clients[0]!.id), '--service-line', 'paediatric');
    const cases = JSON.parse(await ok('cases', 'list', '--data', data, '--json')) as Record<string, unknown>[];
    expect(cases).toEqual([expect.objectContaining({ id: expect.any(String), client_id: clients[0]!.id, service_line: 'paediatric', details: [] })]);

    const bad = await steve('clients', 'add', '--data', data, '--name', 'Bad Date', '--dob', '2027-02-30');
    expect(bad).toEqual({ code: 2, stdout: '', stderr: 'steve: Date of birth is not a real calendar date.\n' });
  }, 120_000);

  it.each(DIALECTS)(
    'steve export --data A --out x.json, then steve import x.json into an empty %s database: clients list --json is the same on both',
    async (dialect) => {
      const source = join(dir, `src-${dialect}`);
      await ok('init', '--data', source, ...OWNER_INIT);
      await ok('clients', 'add', '--data', source, '--name', 'Amara Fictional', '--dob', '2016-05-12', '--nhs-number', '9434765919');
      await ok('clients', 'add', '--data', source, '--name', 'Ben Sample', '--dob', '1980-02-29');
      const file = join(dir, `move-${dialect}.json`);
      expect(await ok('export', '--data', source, '--out', file)).toMatch(/^Exported 1 users, 2 clients, 0 cases, 0 tasks, 4 audit events to /);

      let target: string[];
      let cleanup = async () => undefined as void;
      if (dialect === 'postgres') {
        // A throwaway schema, reached by a URL whose search_path points at it.
        const url = postgresTestUrl()!;
        const schema = `bin_${randomBytes(5).toString('hex')}`;
        const admin = new pg.Client({ connectionString: url });
        await admin.connect();
        await admin.query(`create schema ${schema}`);
        cleanup = async () => {
          await admin.query(`drop schema if exists ${schema} cascade`);
          await admin.end();
        };
        target = ['--db', `${url}${url.includes('?') ? '&' : '?'}options=${encodeURIComponent(`-c search_path=${schema}`)}`];
      } else {
        target = ['--data', join(dir, 'dst-sqlite')];
      }
      try {
        expect(await ok('import', file, ...target)).toMatch(/^Imported "Harbour Lane OT": 1 users, 2 clients/);
        expect(JSON.parse(await ok('clients', 'list', ...target, '--json'))).toEqual(JSON.parse(await ok('clients', 'list', '--data', source, '--json')));
        const again = await steve('import', file, ...target);
        expect(again.code).toBe(2);
        expect(again.stdout).toBe('');
        expect(again.stderr.trimEnd().split('\n')).toEqual([expect.stringMatching(/^steve: Import needs an empty database/)]);
      } finally {
        await cleanup();
      }
    },
    180_000,
  );
});
