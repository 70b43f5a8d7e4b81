/**
 * Commands that read or write files do so through the runtime's Files port: run here over an
 * in-memory store, any command still touching the disk directly would find nothing or write
 * where this test cannot see.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryFiles, type MemoryFiles } from '../../src/adapters/memory-files.js';
import { cliHarness, OWNER_INIT, type CliHarness } from '../support/cli.js';
import { DIALECTS } from '../support/stores.js';

const INIT = ['init', ...OWNER_INIT];

const LETTER = [
  'From: SENCo, Fictional Primary School',
  'Date: 20 November 2026',
  '',
  'Re: Amara Fictional, born 12/05/2016',
  '',
  'Please could you send your report before the annual review meeting on 15 January 2027.',
].join('\n');

const text = (files: MemoryFiles, path: string) => new TextDecoder().decode(files.snapshot().get(path));

describe.each(DIALECTS)('CLI files through the Files port on %s', (dialect) => {
  let files: MemoryFiles;
  let cli: CliHarness;
  const extra: CliHarness[] = [];
  beforeEach(async () => {
    files = memoryFiles({ '/in/provision.txt': 'OT input as required.\n', '/post/letter.txt': LETTER, '/post/notes.docx': 'ignored: not a kind triage reads' });
    files.makeFolder('/out');
    cli = await cliHarness(dialect, '2026-11-27', { files, stdin: 'Weekly sessions as needed.\n' });
    expect((await cli.run(...INIT)).code).toBe(0);
  });
  afterEach(async () => {
    await cli.close();
    while (extra.length > 0) await extra.pop()!.close();
  });

  it('check provision reads a named file, and standard input for "-"', async () => {
    const fromFile = await cli.json<{ findings: { line: number }[] }>('check', 'provision', '/in/provision.txt');
    expect(fromFile.findings.map((f) => f.line)).toContain(1);
    const fromStdin = await cli.json<{ findings: { line: number }[] }>('check', 'provision', '-');
    expect(fromStdin.findings.map((f) => f.line)).toContain(1);
    expect(await cli.run('check', 'provision', '/in/missing.txt')).toEqual({ code: 2, out: '', err: ['steve: Cannot read /in/missing.txt: no such file.'] });
  });

  it('triage reads the letters in a folder and says which named paths it could not read', async () => {
    const results = await cli.json<{ file: string; error?: string; received?: string }[]>('triage', '/post', '/post/gone.eml');
    expect(results).toEqual([
      { file: 'gone.eml', error: 'cannot read the file: not found' },
      expect.objectContaining({ file: 'letter.txt', received: '2026-11-20' }),
    ]);
  });

  it('triage --practice reads the practice from a file: its staff are never the client; a bad file is a clear error', async () => {
    const letter = [
      'Date: 20 November 2026',
      '',
      'Dear Wren Halloway,',
      '',
      'Re: Wren Halloway (DOB 01/02/2015)',
      '',
      'Please call me about the annual review of the EHC plan at school.',
      '',
    ].join('\n');
    files.makeFolder('/post2');
    await files.write('/post2/staff.txt', letter);
    await files.write('/in/practice.json', JSON.stringify({ names: ['Harbour Lane OT'], staff: ['Wren Halloway'], email_domains: ['harbour-lane.test'] }));
    const [without] = await cli.json<{ client: { name: string } | null }[]>('triage', '/post2/staff.txt');
    expect(without!.client?.name).toBe('Wren Halloway');
    const [withPractice] = await cli.json<{ client: { name: string } | null }[]>('triage', '--practice', '/in/practice.json', '/post2/staff.txt');
    expect(withPractice!.client).toBeNull();

    await files.write('/in/bad.json', JSON.stringify({ names: [], staff: ['Wren Halloway'] }));
    expect(await cli.run('triage', '--practice', '/in/bad.json', '/post2/staff.txt')).toMatchObject({
      code: 2,
      err: [expect.stringMatching(/^steve: Names must name the practice/)],
    });
    await files.write('/in/notjson.json', '{ names: ');
    expect(await cli.run('triage', '--practice', '/in/notjson.json', '/post2/staff.txt')).toMatchObject({
      code: 2,
      err: ['steve: The practice file /in/notjson.json is not JSON.'],
    });
  });

  it('inbox import reads through the port too', async () => {
    const r = await cli.run('inbox', 'import', '/post/letter.txt');
    expect(r).toMatchObject({ code: 0, err: [] });
    expect(r.out).toMatch(/^letter\.txt: /);
  });

  it('ics, invoices export and draft --out write their files there', async () => {
    expect((await cli.run('ics', '--out', '/out/deadlines.ics')).code).toBe(0);
    expect(text(files, '/out/deadlines.ics')).toMatch(/^BEGIN:VCALENDAR\r\n/);

    const xero = await cli.run('invoices', 'export', '--format', 'xero', '--out', '/out/xero.csv');
    expect(xero).toEqual({ code: 0, out: 'Wrote 0 rows to /out/xero.csv.', err: [] });
    expect(text(files, '/out/xero.csv')).toMatch(/^ContactName,/);

    const draft = await cli.run('draft', 'marketing-letter', '--audience', 'SENCOs of fictional schools', '--out', '/out/letter.docx');
    expect(draft.code, draft.err.join()).toBe(0);
    expect(draft.out).toMatch(/Written to \/out\/letter\.docx\.$/);
    expect([...files.snapshot().get('/out/letter.docx')!.slice(0, 2)]).toEqual([0x50, 0x4b]);
  });

  it('export --out and import move a practice through the port; a missing folder leaves nothing', async () => {
    await cli.run('clients', 'add', '--name', 'Amara Fictional', '--dob', '2016-05-12');
    const exported = await cli.run('export', '--out', '/out/practice.json');
    expect(exported.out).toMatch(/^Exported 1 users, 1 clients, .* to \/out\/practice\.json\.$/);
    expect(JSON.parse(text(files, '/out/practice.json'))).toMatchObject({ format: 'steve-practice' });

    const target = await cliHarness(dialect, '2026-11-27', { files });
    extra.push(target);
    expect((await target.run('import', '/out/practice.json')).code).toBe(0);
    expect(await target.json('clients', 'list')).toEqual(await cli.json('clients', 'list'));

    const before = [...files.snapshot().keys()];
    expect(await cli.run('export', '--out', '/nowhere/practice.json')).toEqual({
      code: 2,
      out: '',
      err: ['steve: Cannot write /nowhere/practice.json: no such folder.'],
    });
    expect([...files.snapshot().keys()]).toEqual(before);
  });
});
