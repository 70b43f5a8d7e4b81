import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { KNOWN_MIGRATIONS, type Dialect } from '../../src/db/connect.js';
import { EXPORT_TABLES } from '../../src/db/schema.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { addClient } from '../../src/services/clients/add-client.js';
import { listClients } from '../../src/services/clients/list-clients.js';
import { listCases } from '../../src/services/cases/list-cases.js';
import type { ServiceContext } from '../../src/services/context.js';
import { parsePracticeJson } from '../../src/services/transfer/document.js';
import { exportPractice } from '../../src/services/transfer/export-practice.js';
import { importPractice } from '../../src/services/transfer/import-practice.js';
import { DIALECTS } from '../support/stores.js';
import { SEEDED_TABLES, seedRichPractice } from './rich-practice.js';
import { as, clock, openTestDb, refusedWithoutWriting, rowCounts, seedPractice, type TestDb } from './support.js';

type Doc = { format: string; version: number; migrations: string[]; exported_at: string; tables: Record<string, Record<string, unknown>[]> };

async function exportText(ctx: ServiceContext, pageSize?: number): Promise<string> {
  const parts: string[] = [];
  await exportPractice(ctx, (lines) => void parts.push(lines), pageSize ? { pageSize } : {});
  return `${parts.join('\n')}\n`;
}

const exportDoc = async (ctx: ServiceContext, pageSize?: number): Promise<Doc> => JSON.parse(await exportText(ctx, pageSize)) as Doc;
const withoutAudit = (d: Doc) => Object.fromEntries(Object.entries(d.tables).filter(([t]) => t !== 'audit_events'));

const opened: TestDb[] = [];
async function open(dialect: Dialect): Promise<TestDb> {
  const t = await openTestDb(dialect);
  opened.push(t);
  return t;
}
afterEach(async () => {
  while (opened.length > 0) await opened.pop()!.store.close();
});

describe.each(DIALECTS)('export on %s', (dialect) => {
  it('writes the envelope, every EXPORT_TABLES table in order, password hashes, and no sign-in sessions or login attempts', async () => {
    const t = await open(dialect);
    await seedRichPractice(t.ctx);
    const doc = await exportDoc(t.ctx);
    expect(doc.format).toBe('steve-practice');
    expect(doc.version).toBe(1);
    expect(doc.migrations).toEqual(KNOWN_MIGRATIONS);
    expect(doc.exported_at).toBe(clock.now().toISOString());
    expect(Object.keys(doc.tables)).toEqual([...EXPORT_TABLES]);
    expect(doc.tables).not.toHaveProperty('auth_sessions');
    expect(doc.tables).not.toHaveProperty('login_attempts');
    // Tables added after this suite was written travel too (checked by the round trip), but hold no seeded rows here.
    for (const table of SEEDED_TABLES) expect(doc.tables[table], table).not.toHaveLength(0);
    expect(doc.tables.users!.every((u) => String(u.password_hash).startsWith('$argon2id$'))).toBe(true);
    expect(doc.tables.clients!.find((c) => c.nhs_number === '9434765919')).toMatchObject({
      name: 'Siân O’Fictional-Évans',
      notes: 'Line one\nLine "two" \\ back-slash',
      consent_school: 1,
      consent_gp: 0,
    });
  });

  it('orders rows by primary key (bytewise), case shares by case then user, and the audit trail by seq', async () => {
    const t = await open(dialect);
    await seedRichPractice(t.ctx);
    const doc = await exportDoc(t.ctx);
    const bytewise = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
    for (const table of ['users', 'clients', 'cases', 'organisations', 'tasks']) {
      const ids = doc.tables[table]!.map((r) => String(r.id));
      expect(ids, table).toEqual([...ids].sort(bytewise));
    }
    const shares = doc.tables.case_shares!.map((r) => `${r.case_id} ${r.user_id}`);
    expect(shares).toEqual([...shares].sort(bytewise));
    const params = doc.tables.rule_params!.map((r) => `${r.rule_id} ${r.name}`);
    expect(params).toEqual([...params].sort(bytewise));
    const seqs = doc.tables.audit_events!.map((r) => Number(r.seq));
    expect(seqs).toEqual(seqs.map((_, i) => i + 1));
  });

  it('pages of 2 rows give byte-for-byte the same file as pages of 1000', async () => {
    const t = await open(dialect);
    await seedRichPractice(t.ctx);
    const big = await exportText(t.ctx, 1000);
    const small = await exportText(t.ctx, 2);
    // Each export appends its own audit event; compare everything before the audit trail.
    const cut = (s: string) => s.slice(0, s.indexOf('"audit_events":['));
    expect(cut(small)).toBe(cut(big));
    expect(cut(big).length).toBeGreaterThan(1000);
  });

  it('records an export event (export, practice) in the audit trail, which the file itself includes', async () => {
    const t = await open(dialect);
    await seedPractice(t.ctx);
    const before = (await rowCounts(t.ctx.db)).audit_events;
    const doc = await exportDoc(t.ctx);
    expect((await rowCounts(t.ctx.db)).audit_events).toBe(before + 1);
    expect(doc.tables.audit_events!.at(-1)).toMatchObject({ action: 'export', entity: 'practice', seq: before + 1 });
  });

  it('only the owner may export: a clinician and an admin are refused and nothing is written', async () => {
    const t = await open(dialect);
    const s = await seedPractice(t.ctx);
    for (const u of [s.clinician, s.admin]) {
      const err = await refusedWithoutWriting(t.ctx.db, () => exportPractice(as(t.ctx, u), () => undefined));
      expect(err).toMatchObject({ code: 'FORBIDDEN' });
    }
  });
});

const PAIRS: [Dialect, Dialect][] = DIALECTS.flatMap((a) => DIALECTS.map((b) => [a, b] as [Dialect, Dialect]));

describe.each(PAIRS)('export from %s, import into %s', (from, to) => {
  it('imports every row verbatim, appends one import event onto the imported chain, and a re-export gives the same tables', async () => {
    const a = await open(from);
    await seedRichPractice(a.ctx);
    const first = await exportDoc(a.ctx);

    const b = await open(to);
    const summary = await importPractice(b.ctx, first);
    expect(summary.practice).toBe('Harbour Lane OT');
    expect(summary.tables.clients).toBe(2);
    expect(summary.tables.audit_events).toBe(first.tables.audit_events!.length);
    expect(summary.audit_chain).toEqual({ events: first.tables.audit_events!.length + 1, intact: true, broken_at: null });
    const counts = await rowCounts(b.ctx.db);
    expect(counts.auth_sessions).toBe(0);
    expect(counts.login_attempts).toBe(0);

    const imported = await b.ctx.db.selectFrom('audit_events').selectAll().orderBy('seq', 'desc').executeTakeFirstOrThrow();
    expect(imported).toMatchObject({ action: 'import', entity: 'practice', prev_hash: first.tables.audit_events!.at(-1)!.hash });

    const second = await exportDoc(b.ctx);
    expect(withoutAudit(second)).toEqual(withoutAudit(first));
    expect(JSON.stringify(withoutAudit(second))).toBe(JSON.stringify(withoutAudit(first)));
    const n = first.tables.audit_events!.length;
    expect(second.tables.audit_events!.slice(0, n)).toEqual(first.tables.audit_events);
    expect(second.tables.audit_events!.slice(n).map((e) => e.action)).toEqual(['import', 'export']);

    expect(await listClients(b.ctx)).toEqual(await listClients(a.ctx));
    expect(await listCases(b.ctx)).toEqual(await listCases(a.ctx));
    expect(await verifyAuditChain(b.ctx.db)).toMatchObject({ intact: true });
  });
});

describe.each(DIALECTS)('import refusals on %s', (dialect) => {
  // One rich export per dialect, copied for each case, keeps these many small tests quick.
  let base: Doc;
  beforeAll(async () => {
    const src = await openTestDb(dialect);
    await seedRichPractice(src.ctx);
    base = await exportDoc(src.ctx);
    await src.store.close();
  });
  const exported = async (): Promise<Doc> => structuredClone(base);

  it('a database holding a practice is refused with NOT_EMPTY naming it, and nothing is written', async () => {
    const doc = await exported();
    const target = await open(dialect);
    await seedPractice(target.ctx);
    const err = await refusedWithoutWriting(target.ctx.db, () => importPractice(target.ctx, doc));
    expect(err).toMatchObject({ code: 'NOT_EMPTY', message: expect.stringContaining('Harbour Lane OT') });
  });

  it('a database holding only one client (no practice, no users) is refused too', async () => {
    const doc = await exported();
    const target = await open(dialect);
    await addClient(target.ctx, { name: 'Lone Client', dob: '2000-01-01' });
    const err = await refusedWithoutWriting(target.ctx.db, () => importPractice(target.ctx, doc));
    expect(err).toMatchObject({ code: 'NOT_EMPTY', message: expect.stringContaining('clients') });
  });

  type Case = [label: string, mutate: (d: Doc) => unknown, code: string, message: RegExp];
  const CASES: Case[] = [
    ['a JSON array', () => [], 'VALIDATION', /not a JSON object/],
    ['format "steve-backup"', (d) => ({ ...d, format: 'steve-backup' }), 'VALIDATION', /format is "steve-backup", not "steve-practice"/],
    ['no format at all', ({ format: _f, ...rest }) => rest, 'VALIDATION', /not a Steve practice export/],
    ['version 2 (a newer Steve)', (d) => ({ ...d, version: 2 }), 'DB_TOO_NEW', /newer version of Steve.*version 2.*Upgrade/],
    ['version 0', (d) => ({ ...d, version: 0 }), 'VALIDATION', /version 0/],
    [
      'an unknown migration (a newer Steve)',
      (d) => ({ ...d, migrations: [...d.migrations, '9999-from-the-future'] }),
      'DB_TOO_NEW',
      /9999-from-the-future.*Upgrade Steve/,
    ],
    [
      'a missing migration (an older Steve)',
      (d) => ({ ...d, migrations: d.migrations.filter((m) => m !== '0008-inbox') }),
      'VALIDATION',
      /older version of Steve.*0008-inbox/,
    ],
    ['exported_at that is not an instant', (d) => ({ ...d, exported_at: 'last Tuesday' }), 'VALIDATION', /exported_at: must be an ISO 8601 instant/],
    ['an unknown top-level field', (d) => ({ ...d, comment: 'hi' }), 'VALIDATION', /unknown field comment/],
    ['an unknown table', (d) => ({ ...d, tables: { ...d.tables, invoices_2019: [] } }), 'VALIDATION', /unknown table "invoices_2019"/],
    [
      'a missing table',
      (d) => ({ ...d, tables: Object.fromEntries(Object.entries(d.tables).filter(([t]) => t !== 'contacts')) }),
      'VALIDATION',
      /no "contacts" table/,
    ],
    ['a table that is not a list', (d) => ({ ...d, tables: { ...d.tables, clients: {} } }), 'VALIDATION', /malformed: tables\.clients/],
    ['an unknown column', (d) => edit(d, 'clients', 1, (r) => ({ ...r, shoe_size: 9 })), 'VALIDATION', /Table clients, row 2 has unknown column "shoe_size"/],
    ['a missing column', (d) => edit(d, 'clients', 0, ({ dob: _d, ...r }) => r), 'VALIDATION', /Table clients, row 1 lacks column "dob"/],
    ['text in an integer column', (d) => edit(d, 'clients', 0, (r) => ({ ...r, consent_gp: '1' })), 'VALIDATION', /column "consent_gp" must be a whole number/],
    [
      'null in a NOT NULL column',
      (d) => edit(d, 'users', 0, (r) => ({ ...r, password_hash: null })),
      'VALIDATION',
      /Table users, row 1: column "password_hash" must be text/,
    ],
    ['a row that is not an object', (d) => ({ ...d, tables: { ...d.tables, tasks: ['not a row'] } }), 'VALIDATION', /Table tasks, row 1 is not an object/],
    [
      'two practices',
      (d) => ({ ...d, tables: { ...d.tables, practice: [...d.tables.practice!, { ...d.tables.practice![0]!, id: 'zzz' }] } }),
      'VALIDATION',
      /2 practices/,
    ],
    [
      'a case whose client is not in the file',
      (d) => edit(d, 'cases', 0, (r) => ({ ...r, client_id: 'no-such-client' })),
      'VALIDATION',
      /Table cases could not be imported.*nothing was imported/,
    ],
    [
      'a duplicate client id',
      (d) => ({ ...d, tables: { ...d.tables, clients: [...d.tables.clients!, d.tables.clients![0]!] } }),
      'VALIDATION',
      /Table clients could not be imported/,
    ],
  ];

  it.each(CASES)('a file with %s is refused and nothing is written', async (_label, mutate, code, message) => {
    const bad = mutate(await exported());
    const target = await open(dialect);
    const err = await refusedWithoutWriting(target.ctx.db, () => importPractice(target.ctx, bad));
    expect(err).toMatchObject({ code, message: expect.stringMatching(message) });
  });

  it('a file from the release before strict migration order (old names, no 0010) imports', async () => {
    const doc = await exported();
    const FORMER: Record<string, string> = {
      '0005-money': '0004-money',
      '0006-referrals': '0005-referrals',
      '0007-documents': '0006-documents',
      '0008-inbox': '0007-inbox',
      '0009-briefing-index': '0008-briefing-index',
    };
    const former = { ...doc, migrations: doc.migrations.filter((m) => m !== '0010-converge-edited-migrations').map((m) => FORMER[m] ?? m) };
    expect(former.migrations).toContain('0004-money');
    const target = await open(dialect);
    const summary = await importPractice(target.ctx, former);
    expect(summary.tables.clients).toBe(doc.tables.clients!.length);
  });

  it('text that is not JSON is refused with the file name', () => {
    expect(() => parsePracticeJson('{"format":"steve-practice",', 'x.json')).toThrow(/x\.json is not a Steve practice export: it is not valid JSON/);
  });
});

function edit(d: Doc, table: string, index: number, f: (r: Record<string, unknown>) => Record<string, unknown>): Doc {
  const rows = [...d.tables[table]!];
  rows[index] = f(rows[index]!);
  return { ...d, tables: { ...d.tables, [table]: rows } };
}

describe.each(DIALECTS)('a 50,000-client practice on %s', (dialect) => {
  it('exports in pages and imports in chunks under the bound-parameter limit (50,000 clients round-trip)', async () => {
    const a = await open(dialect);
    await seedPractice(a.ctx);
    const N = 50_000;
    const rows = Array.from({ length: N }, (_, i) => ({
      id: `c-${String(i).padStart(6, '0')}`,
      name: `Client ${i} Fictional`,
      dob: '2000-01-01',
      nhs_number: null,
      postcode: `EX${i % 10} 1AA`,
      created_at: '2026-11-27T09:00:00.000Z',
      updated_at: '2026-11-27T09:00:00.000Z',
    }));
    for (let i = 0; i < N; i += 2000)
      await a.ctx.db
        .insertInto('clients')
        .values(rows.slice(i, i + 2000))
        .execute();

    let chunks = 0;
    let largest = 0;
    const parts: string[] = [];
    await exportPractice(a.ctx, (lines) => {
      chunks++;
      largest = Math.max(largest, lines.length);
      parts.push(lines);
    });
    // Streamed: many writes, none holding more than one page of rows.
    expect(chunks).toBeGreaterThan(50);
    expect(largest).toBeLessThan(400_000);
    const doc = JSON.parse(parts.join('\n')) as Doc;
    expect(doc.tables.clients).toHaveLength(N);

    const b = await open(dialect);
    const summary = await importPractice(b.ctx, doc);
    expect(summary.tables.clients).toBe(N);
    expect((await rowCounts(b.ctx.db)).clients).toBe(N);
    expect((await listClients(b.ctx, { q: 'Client 49999 ' })).map((c) => c.id)).toEqual(['c-049999']);
  }, 180_000);
});
