import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { cliHarness, OWNER_INIT, type CliHarness } from '../support/cli.js';
import { DIALECTS } from '../support/stores.js';
import { rowCounts } from '../services/support.js';

const INIT = ['init', ...OWNER_INIT];

describe.each(DIALECTS)('steve CLI in-process on %s', (dialect) => {
  let cli: CliHarness;
  let dir: string;
  const extra: CliHarness[] = [];
  beforeEach(async () => {
    cli = await cliHarness(dialect);
    dir = mkdtempSync(join(tmpdir(), 'steve-cli-'));
  });
  afterEach(async () => {
    await cli.close();
    while (extra.length > 0) await extra.pop()!.close();
    rmSync(dir, { recursive: true, force: true });
  });

  async function initPractice(): Promise<void> {
    const r = await cli.run(...INIT);
    expect(r).toEqual({ code: 0, out: 'Set up Harbour Lane OT. Sign in as olive@harbour-lane.test.', err: [] });
  }

  /** Runs a command that must be refused: exactly one stderr line, exit code 2, no stdout, no rows changed. */
  async function refused(...argv: string[]): Promise<string> {
    const before = await rowCounts(cli.store.db);
    const r = await cli.run(...argv);
    expect(r.code, r.err.join('\n')).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).not.toContain('\n');
    expect(r.out).toBe('');
    expect(await rowCounts(cli.store.db)).toEqual(before);
    return r.err[0]!;
  }

  it('init, clients add, clients list --json gives objects with id, name and dob; text output shows dd/mm/yyyy', async () => {
    await initPractice();
    const added = await cli.run('clients', 'add', '--name', 'Amara Fictional', '--dob', '2016-05-12', '--nhs-number', '943 476 5919', '--consent', 'school,gp');
    expect(added.code).toBe(0);
    expect(added.out).toMatch(/^Added Amara Fictional \([0-9a-f-]{36}\)\.$/);
    const list = await cli.json<Record<string, unknown>[]>('clients', 'list');
    expect(list).toEqual([expect.objectContaining({ id: expect.any(String), name: 'Amara Fictional', dob: '2016-05-12', nhs_number: '9434765919' })]);
    const text = await cli.run('clients', 'list');
    expect(text.out).toContain('12/05/2016');
    expect(text.out).not.toContain('2016-05-12');
    const shown = await cli.run('clients', 'show', String(list[0]!.id));
    expect(shown.out).toContain('943 476 5919');
    expect(shown.out).toContain('Consent to share: SCHOOL, GP');
  });

  it('cases open, then cases list --json gives objects with id, client_id, service_line and details', async () => {
    await initPractice();
    const client = await cli.json<{ id: string }>('clients', 'add', '--name', 'Amara Fictional', '--dob', '2016-05-12');
    const opened = await cli.run('cases', 'open', '--client', client.id, '--service-line', 'paediatric', '--opened', '2026-11-01');
    expect(opened.out).toMatch(/^Opened a paediatric case for Amara Fictional/);
    const cases = await cli.json<Record<string, unknown>[]>('cases', 'list');
    expect(cases).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        client_id: client.id,
        service_line: 'paediatric',
        details: [],
        opened_on: '2026-11-01',
        status: 'open',
      }),
    ]);
    const shown = await cli.run('cases', 'show', String(cases[0]!.id));
    expect(shown.out).toContain('01/11/2026');
  });

  it('tasks add, list and done; done again on the same task is refused', async () => {
    await initPractice();
    const task = await cli.json<{ id: string; due_on: string }>('tasks', 'add', '--title', 'Chase school report', '--due', '2026-12-01', '--hard');
    expect(task.due_on).toBe('2026-12-01');
    expect((await cli.json<{ id: string }[]>('tasks', 'list')).map((t) => t.id)).toEqual([task.id]);
    expect(await refused('tasks', 'done', task.id)).toMatch(/^steve: This is a statutory or court deadline: confirm in one line how it was met/);
    expect((await cli.run('tasks', 'done', task.id, '--confirm', 'Report sent to the school', '--note', 'By email')).out).toBe(
      'Task "Chase school report" is done.',
    );
    expect(await refused('tasks', 'done', task.id)).toBe('steve: Task "Chase school report" is already done.');
  });

  it('tasks snooze, reopen (undo) and history with --json', async () => {
    await initPractice();
    const task = await cli.json<{ id: string }>('tasks', 'add', '--title', 'Ring the SENCO', '--due', '2026-12-01');
    expect(await refused('tasks', 'snooze', task.id, '--until', '2026-12-03', '--reason', ' ')).toBe('steve: Reason is required: say why it can wait.');
    const snoozed = await cli.json<{ snoozed_until: string; status: string }>(
      'tasks',
      'snooze',
      task.id,
      '--until',
      '2026-12-03',
      '--reason',
      'SENCO on a course',
    );
    expect(snoozed).toMatchObject({ snoozed_until: '2026-12-03', status: 'open' });
    expect(await cli.json('tasks', 'reopen', task.id)).toMatchObject({ snoozed_until: null, status: 'open' });
    expect(await cli.json('tasks', 'done', task.id, '--note', 'Spoke to her')).toMatchObject({ status: 'done' });
    expect((await cli.run('tasks', 'reopen', task.id)).out).toBe('Task "Ring the SENCO" is open again, due 01/12/2026.');
    const history = await cli.json<{ events: { action: string; until: string | null; note: string }[] }>('tasks', 'history', task.id);
    expect(history.events.map((e) => [e.action, e.until, e.note])).toEqual([
      ['snoozed', '2026-12-03', 'SENCO on a course'],
      ['unsnoozed', null, ''],
      ['done', null, 'Spoke to her'],
      ['reopened', null, ''],
    ]);
    expect((await cli.run('tasks', 'history', task.id)).out).toContain('snoozed until 03/12/2026 (SENCO on a course)');
  });

  it('orgs add and add-contact, then orgs list --json counts the contact', async () => {
    await initPractice();
    const org = await cli.json<{ id: string }>('orgs', 'add', '--name', 'Exampleshire County Council', '--kind', 'local_authority');
    await cli.run('orgs', 'add-contact', org.id, '--name', 'Sam Caseworker', '--role', 'EHC coordinator');
    expect(await cli.json('orgs', 'list')).toEqual([expect.objectContaining({ id: org.id, kind: 'local_authority', contacts: 1 })]);
  });

  describe('bad arguments: one stderr line, exit code 2, nothing written', () => {
    beforeEach(initPractice);

    it('clients show with an unknown client id', async () => {
      expect(await refused('clients', 'show', 'no-such-client')).toBe('steve: No client with id no-such-client.');
    });

    it('clients add with NHS number 943 476 5918 (fails modulus 11)', async () => {
      expect(await refused('clients', 'add', '--name', 'Amara Fictional', '--dob', '2016-05-12', '--nhs-number', '943 476 5918')).toBe(
        'steve: NHS number fails the modulus 11 check: check the digits.',
      );
    });

    it('clients add with date of birth 2027-02-30', async () => {
      expect(await refused('clients', 'add', '--name', 'Amara Fictional', '--dob', '2027-02-30')).toBe('steve: Date of birth is not a real calendar date.');
    });

    it('clients add with a date of birth tomorrow (2026-11-28)', async () => {
      expect(await refused('clients', 'add', '--name', 'Amara Fictional', '--dob', '2026-11-28')).toMatch(/in the future/);
    });

    it('an unknown option', async () => {
      expect(await refused('clients', 'list', '--colour', 'red')).toMatch(/unknown option '--colour'/);
    });

    it('a missing required option', async () => {
      expect(await refused('clients', 'add', '--name', 'Amara Fictional')).toMatch(/required option '--dob <date>' not specified/);
    });

    it('an unknown command', async () => {
      expect(await refused('patients', 'list')).toMatch(/unknown command 'patients'/);
    });

    it('a --limit that is not a whole number', async () => {
      expect(await refused('clients', 'list', '--limit', 'ten')).toMatch(/--limit must be a whole number, not "ten"/);
    });

    it('tasks done on an unknown id', async () => {
      expect(await refused('tasks', 'done', 'no-such-task')).toBe('steve: No task with id no-such-task.');
    });

    it('import into a database that already holds a practice', async () => {
      const file = join(dir, 'practice.json');
      const r = await cli.run('export', '--out', file);
      expect(r.code).toBe(0);
      expect(await refused('import', file)).toMatch(
        /^steve: Import needs an empty database, but this one already holds the practice "Harbour Lane OT"\. Nothing was imported/,
      );
    });

    it('import of a file that does not exist, or is not JSON', async () => {
      expect(await refused('import', join(dir, 'missing.json'))).toMatch(/Cannot read .*missing\.json: no such file\./);
      writeFileSync(join(dir, 'broken.json'), '{"format": "steve-practice", ');
      expect(await refused('import', join(dir, 'broken.json'))).toMatch(/broken\.json is not a Steve practice export: it is not valid JSON/);
    });
  });

  it('export to stdout is the whole practice as JSON; --out writes the same tables to a file and says what it wrote', async () => {
    await initPractice();
    await cli.run('clients', 'add', '--name', 'Amara Fictional', '--dob', '2016-05-12');
    const stdout = await cli.run('export');
    expect(stdout.code).toBe(0);
    const doc = JSON.parse(stdout.out) as { format: string; tables: Record<string, unknown[]> };
    expect(doc.format).toBe('steve-practice');
    expect(doc.tables.clients).toHaveLength(1);
    const file = join(dir, 'out.json');
    const r = await cli.run('export', '--out', file);
    expect(r.out).toBe(`Exported 1 users, 1 clients, 0 cases, 0 tasks, 4 audit events to ${file}.`);
    const fromFile = JSON.parse(readFileSync(file, 'utf8')) as typeof doc;
    expect(fromFile.tables.clients).toEqual(doc.tables.clients);
  });

  it('export --out into a folder that does not exist is refused with one line and leaves no file', async () => {
    await initPractice();
    const target = join(dir, 'no-such-folder', 'x.json');
    const r = await cli.run('export', '--out', target);
    expect(r.code).toBe(2);
    expect(r.err).toHaveLength(1);
    expect(r.err[0]).toMatch(/Cannot write .*x\.json/);
    expect(existsSync(target)).toBe(false);
    expect(existsSync(`${target}.partial`)).toBe(false);
  });

  it.each(DIALECTS)('export, then import into a fresh %s database: clients list --json is the same on both', async (toDialect) => {
    await initPractice();
    await cli.run('clients', 'add', '--name', 'Amara Fictional', '--dob', '2016-05-12', '--nhs-number', '9434765919');
    await cli.run('clients', 'add', '--name', 'Ben Sample', '--dob', '1980-02-29');
    const file = join(dir, 'move.json');
    expect((await cli.run('export', '--out', file)).code).toBe(0);
    const target = await cliHarness(toDialect);
    extra.push(target);
    const imported = await target.run('import', file);
    expect(imported).toMatchObject({ code: 0, err: [] });
    expect(imported.out).toMatch(
      /^Imported "Harbour Lane OT": 1 users, 2 clients, 0 cases, 0 tasks, \d+ audit events \(exported 2026-11-27T09:00:00\.000Z\)\.$/,
    );
    expect(await target.json('clients', 'list')).toEqual(await cli.json('clients', 'list'));
  });

  it('export --help says password hashes are in the file and sign-in sessions are not', async () => {
    const r = await cli.run('export', '--help');
    expect(r.code).toBe(0);
    expect(r.out).toContain('password hashes');
    expect(r.out).toContain('Sign-in sessions and login attempts');
  });
});
