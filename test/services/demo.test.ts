/**
 * The demo practice: deterministic for a seed and a day, covering every
 * service line, organisation kind and statutory scenario the product shows, written whole
 * or not at all, and refused on a database that already holds a practice.
 */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { sql } from 'kysely';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fixedClock } from '../../src/adapters/system-clock.js';
import { EXPORT_TABLES } from '../../src/db/schema.js';
import { addDays } from '../../src/domain/calendar/local-date.js';
import { isAppError } from '../../src/domain/errors.js';
import { isValidNhsNumber } from '../../src/domain/people/nhs-number.js';
import { INSURERS, ORGANISATION_KINDS, SERVICE_LINES } from '../../src/domain/vocabulary.js';
import { verifyAuditChain } from '../../src/services/audit/verify-audit-chain.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { buildDemoPractice, type DemoSummary } from '../../src/services/demo/build-demo-practice.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { verifyPassword } from '../../src/services/users/password.js';
import { DIALECTS, freshStore } from '../support/stores.js';
import type { Store } from '../../src/db/connect.js';

const TODAY = '2026-11-27';
const day = (n: number) => addDays(TODAY as never, n) as string;

async function open(dialect: (typeof DIALECTS)[number], today = TODAY): Promise<{ store: Store; ctx: ServiceContext }> {
  const store = await freshStore(dialect);
  return {
    store,
    ctx: { db: store.db, dialect: store.dialect, clock: fixedClock(today), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor },
  };
}

/**
 * Every table's rows in a stable order. Two values are drawn fresh on purpose and left out:
 * the audit event's id (appendAudit's own) and the password hash's salt (a salt is never reused).
 */
async function dump(ctx: ServiceContext): Promise<Record<string, unknown[]>> {
  const out: Record<string, unknown[]> = {};
  for (const t of EXPORT_TABLES) {
    // Sorted in memory by the whole row, so tables without an id column compare as well.
    const { rows } = await sql<Record<string, unknown>>`select * from ${sql.table(t)}`.execute(ctx.db);
    const kept = rows.map((r) => {
      const { id: _id, password_hash: _h, ...rest } = r;
      return t === 'audit_events' ? rest : t === 'users' ? { id: r.id, ...rest } : r;
    });
    out[t] = kept.map((r) => JSON.stringify(r, Object.keys(r).sort())).sort();
  }
  return out;
}

describe.each(DIALECTS)('demo practice on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;
  let summary: DemoSummary;
  const stores: Store[] = [];

  beforeEach(async () => {
    ({ store, ctx } = await open(dialect));
    summary = await buildDemoPractice(ctx, { seed: 7, today: TODAY });
  });
  afterEach(async () => {
    await store.close();
    while (stores.length > 0) await stores.pop()!.close();
  });

  it('the same seed and day give identical rows, ids included, in every table; another seed differs', async () => {
    const again = await open(dialect);
    stores.push(again.store);
    await buildDemoPractice(again.ctx, { seed: 7, today: TODAY });
    const a = await dump(ctx);
    const b = await dump(again.ctx);
    for (const t of EXPORT_TABLES) expect(b[t], t).toEqual(a[t]);
    expect(a.sessions!.length).toBeGreaterThan(0);

    const other = await open(dialect);
    stores.push(other.store);
    await buildDemoPractice(other.ctx, { seed: 8, today: TODAY });
    const c = await dump(other.ctx);
    expect(c.clients).not.toEqual(a.clients);
    const ids = async (x: ServiceContext) => (await x.db.selectFrom('clients').select('id').orderBy('id').execute()).map((r) => r.id);
    expect(await ids(other.ctx)).not.toEqual(await ids(ctx));
    expect(await ids(again.ctx)).toEqual(await ids(ctx));
  });

  it('dates follow `today`: the same seed a week later moves every scenario with it', async () => {
    const later = await open(dialect, day(7));
    stores.push(later.store);
    await buildDemoPractice(later.ctx, { seed: 7 });
    const first = await ctx.db
      .selectFrom('ehcp_plans')
      .select('advice_requested_on')
      .where('advice_requested_on', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    const moved = await later.ctx.db
      .selectFrom('ehcp_plans')
      .select('advice_requested_on')
      .where('advice_requested_on', 'is not', null)
      .orderBy('id')
      .executeTakeFirstOrThrow();
    expect(moved.advice_requested_on).toBe(addDays(first.advice_requested_on as never, 7));
  });

  it('has at least 60 clients, every service line and organisation kind, 200+ correspondence entries and the summary counts match the tables', async () => {
    const count = async (t: (typeof EXPORT_TABLES)[number]) =>
      Number((await sql<{ n: number }>`select count(*) as n from ${sql.table(t)}`.execute(ctx.db)).rows[0]!.n);
    expect(await count('clients')).toBeGreaterThanOrEqual(60);
    expect(await count('correspondence')).toBeGreaterThanOrEqual(200);
    for (const [t, n] of Object.entries(summary.counts)) expect(await count(t as (typeof EXPORT_TABLES)[number]), t).toBe(n);
    const lines = (await ctx.db.selectFrom('cases').select('service_line').distinct().execute()).map((r) => r.service_line);
    expect(lines.sort()).toEqual([...SERVICE_LINES].sort());
    const kinds = (await ctx.db.selectFrom('organisations').select('kind').distinct().execute()).map((r) => r.kind);
    expect(kinds.sort()).toEqual([...ORGANISATION_KINDS].sort());
    // Every organisation has people to write to.
    const bare = await ctx.db
      .selectFrom('organisations')
      .select('name')
      .where((eb) => eb.not(eb.exists(eb.selectFrom('contacts').select('contacts.id').whereRef('contacts.organisation_id', '=', 'organisations.id'))))
      .execute();
    expect(bare).toEqual([]);
    const sencos = await ctx.db.selectFrom('contacts').select('id').where('role', '=', 'SENCO').execute();
    expect(sencos.length).toBeGreaterThan(0);
  });

  it('every NHS number passes modulus 11 and is unique; children have carers with parental responsibility', async () => {
    const clients = await ctx.db.selectFrom('clients').select(['id', 'nhs_number', 'dob']).execute();
    const numbers = clients.map((c) => c.nhs_number).filter((n): n is string => n !== null);
    expect(numbers.length).toBeGreaterThan(50);
    for (const n of numbers) expect(isValidNhsNumber(n), n).toBe(true);
    expect(new Set(numbers).size).toBe(numbers.length);
    const children = clients.filter((c) => c.dob > day(-18 * 365));
    expect(children.length).toBeGreaterThan(10);
    const withPr = await ctx.db.selectFrom('client_contacts').select('client_id').where('parental_responsibility', '=', 1).distinct().execute();
    expect(withPr.length).toBeGreaterThan(children.length / 2);
  });

  it('EHCP children sit at each point of the statutory calendar relative to today, plus Welsh and Scottish cases', async () => {
    const plans = await ctx.db
      .selectFrom('ehcp_plans')
      .innerJoin('cases', 'cases.id', 'ehcp_plans.case_id')
      .selectAll('ehcp_plans')
      .select('cases.jurisdiction')
      .execute();
    expect(plans.some((p) => p.advice_requested_on !== null && p.advice_requested_on >= day(-7) && p.advice_requested_on < TODAY)).toBe(true);
    expect(plans.some((p) => p.next_review_meeting_on !== null && p.next_review_meeting_on >= day(10) && p.next_review_meeting_on <= day(40))).toBe(true);
    expect(plans.some((p) => p.year_group === 'Year 6' && p.transfer_year === 2027)).toBe(true);
    expect(plans.some((p) => p.year_group === 'Year 11' && p.transfer_year === 2027)).toBe(true);
    expect(plans.some((p) => p.jurisdiction === 'wales')).toBe(true);
    expect(plans.some((p) => p.jurisdiction === 'scotland')).toBe(true);
    for (const p of plans.filter((x) => x.jurisdiction === 'england')) {
      expect(p.la_org_id).not.toBeNull();
      expect(p.la_reference).not.toBe('');
      expect(p.school_org_id).not.toBeNull();
      expect(p.senco_contact_id).not.toBeNull();
      expect(p.year_group).not.toBe('');
    }
  });

  it('all five insurers have authorisations, some with one session left and some ending within 30 days', async () => {
    const auths = await ctx.db
      .selectFrom('authorisations')
      .innerJoin('organisations', 'organisations.id', 'authorisations.insurer_org_id')
      .select(['authorisations.id', 'organisations.name', 'sessions_authorised', 'valid_until'])
      .execute();
    expect([...new Set(auths.map((a) => a.name))].sort()).toEqual([...INSURERS].sort());
    const used = await ctx.db
      .selectFrom('sessions')
      .select(['authorisation_id', (eb) => eb.fn.countAll<number>().as('n')])
      .where('authorisation_id', 'is not', null)
      .where('attendance', '=', 'attended')
      .groupBy('authorisation_id')
      .execute();
    const usedBy = new Map(used.map((u) => [u.authorisation_id, Number(u.n)]));
    expect(auths.some((a) => usedBy.get(a.id) === a.sessions_authorised - 1 && a.valid_until > TODAY)).toBe(true);
    expect(auths.some((a) => a.valid_until >= TODAY && a.valid_until <= day(30))).toBe(true);
    for (const a of auths) expect(usedBy.get(a.id) ?? 0, 'never more sessions than authorised').toBeLessThanOrEqual(a.sessions_authorised);
    // Sessions against an authorisation fall in its validity window and never after today.
    const outside = await ctx.db
      .selectFrom('sessions')
      .innerJoin('authorisations', 'authorisations.id', 'sessions.authorisation_id')
      .select('sessions.id')
      .where((eb) =>
        eb.or([eb('sessions.on_date', '<', eb.ref('authorisations.valid_from')), eb('sessions.on_date', '>', eb.ref('authorisations.valid_until'))]),
      )
      .execute();
    expect(outside).toEqual([]);
  });

  it('medico-legal instructions cover every stage from instructed to settled; housing and workplace cases carry their details', async () => {
    const stages = (await ctx.db.selectFrom('medico_legal_instructions').select('stage').distinct().execute()).map((r) => r.stage);
    for (const s of ['instructed', 'assessed', 'report_drafted', 'served', 'questions', 'joint_statement', 'settled']) expect(stages).toContain(s);
    expect((await ctx.db.selectFrom('housing_adaptations').select('id').execute()).length).toBeGreaterThanOrEqual(2);
    expect((await ctx.db.selectFrom('workplace_assessments').select('id').execute()).length).toBeGreaterThanOrEqual(2);
  });

  it('a year of sessions with DNAs and late cancellations, none in the future', async () => {
    const s = await ctx.db.selectFrom('sessions').select(['on_date', 'attendance', 'kind', 'duration_minutes']).execute();
    expect(s.length).toBeGreaterThan(300);
    expect(s.every((x) => x.on_date <= TODAY && x.duration_minutes > 0)).toBe(true);
    expect(s.some((x) => x.on_date < day(-300))).toBe(true);
    expect(new Set(s.map((x) => x.attendance))).toEqual(new Set(['attended', 'dna', 'late_cancellation', 'cancelled']));
    for (const k of ['assessment', 'therapy', 'report_writing', 'travel'])
      expect(
        s.some((x) => x.kind === k),
        k,
      ).toBe(true);
  });

  it('tasks are overdue, due today, upcoming and done, hard and soft, with rule ids and triggers on the statutory ones', async () => {
    const tasks = await ctx.db.selectFrom('tasks').selectAll().execute();
    const open = tasks.filter((t) => t.status === 'open');
    expect(open.some((t) => t.due_on < TODAY)).toBe(true);
    expect(open.some((t) => t.due_on === TODAY)).toBe(true);
    expect(open.filter((t) => t.due_on > TODAY).length).toBeGreaterThan(open.length / 2);
    expect(tasks.some((t) => t.status === 'done' && t.completed_on !== null && t.completed_on <= TODAY)).toBe(true);
    expect(new Set(tasks.map((t) => t.hardness))).toEqual(new Set(['hard', 'soft']));
    const ruled = tasks.filter((t) => t.rule_id !== null);
    for (const id of ['EHCP-ADV-01', 'EHCP-AR-04', 'ML-Q-02'])
      expect(
        ruled.some((t) => t.rule_id === id),
        id,
      ).toBe(true);
    const adv = ruled.find((t) => t.rule_id === 'EHCP-ADV-01')!;
    expect(adv.trigger_on).not.toBeNull();
    expect(adv.due_on).toBe(addDays(adv.trigger_on as never, 42));
    expect(adv.hardness).toBe('hard');
  });

  it('a few cases are shared with a second clinician, never with their own', async () => {
    const shares = await ctx.db
      .selectFrom('case_shares')
      .innerJoin('cases', 'cases.id', 'case_shares.case_id')
      .select(['case_shares.user_id', 'cases.clinician_id'])
      .execute();
    expect(shares.length).toBeGreaterThanOrEqual(3);
    for (const s of shares) expect(s.user_id).not.toBe(s.clinician_id);
  });

  it('records one audit event for the whole build and the chain verifies', async () => {
    const events = await ctx.db.selectFrom('audit_events').selectAll().execute();
    expect(events.map((e) => [e.action, e.entity, e.entity_id])).toEqual([['create', 'practice', summary.practice.id]]);
    expect((await verifyAuditChain(ctx.db)).intact).toBe(true);
  });

  it('all five demo users sign in with the demo password, and with --password when given', async () => {
    const users = await ctx.db.selectFrom('users').select(['email', 'password_hash', 'role', 'hcpc_number']).orderBy('email').execute();
    expect(users.map((u) => u.email).sort()).toEqual(['admin', 'clinician1', 'clinician2', 'clinician3', 'owner'].map((k) => `${k}@demo.steve.test`));
    for (const u of users) expect(await verifyPassword(u.password_hash, 'demo-password'), u.email).toBe(true);
    expect(await verifyPassword(users[0]!.password_hash, 'wrong-password')).toBe(false);
    for (const u of users.filter((x) => x.role !== 'admin')) expect(u.hcpc_number).toMatch(/^OT\d{5}$/);

    const custom = await open(dialect);
    stores.push(custom.store);
    await buildDemoPractice(custom.ctx, { seed: 7, today: TODAY, clients: 5, password: 'another-secret' });
    const hash = (await custom.ctx.db.selectFrom('users').select('password_hash').where('email', '=', 'owner@demo.steve.test').executeTakeFirstOrThrow())
      .password_hash;
    expect(await verifyPassword(hash, 'another-secret')).toBe(true);
  });

  it('refuses with NOT_EMPTY on a database that holds a practice, and writes nothing', async () => {
    const before = await dump(ctx);
    const err = await buildDemoPractice(ctx, { seed: 7, today: TODAY }).catch((e: unknown) => e);
    expect(isAppError(err) && err.code).toBe('NOT_EMPTY');
    expect((err as Error).message).toContain('Meadowbank Occupational Therapy');
    expect(await dump(ctx)).toEqual(before);

    const mine = await open(dialect);
    stores.push(mine.store);
    await initPractice(mine.ctx, { practice: 'Fernhill OT', owner_name: 'Ada Test', owner_email: 'ada@fernhill.test', owner_password: 'long-enough-pw' });
    const refused = await buildDemoPractice(mine.ctx, { today: TODAY }).catch((e: unknown) => e);
    expect(isAppError(refused) && refused.code).toBe('NOT_EMPTY');
    expect(await mine.ctx.db.selectFrom('clients').select('id').execute()).toEqual([]);
  });

  it('--clients scales the practice roughly in proportion, with organisations bounded', async () => {
    const big = await open(dialect);
    stores.push(big.store);
    const r = await buildDemoPractice(big.ctx, { seed: 7, today: TODAY, clients: 240 });
    expect(r.counts.clients).toBe(240);
    const ratio = (k: keyof DemoSummary['counts']) => r.counts[k] / summary.counts[k];
    for (const k of ['cases', 'sessions', 'correspondence', 'tasks'] as const) {
      expect(ratio(k), k).toBeGreaterThan(2.5);
      expect(ratio(k), k).toBeLessThan(6);
    }
    expect(r.counts.organisations).toBeLessThanOrEqual(400);
  });

  it('rejects a nonsense size or day with a clear message and writes nothing', async () => {
    const fresh = await open(dialect);
    stores.push(fresh.store);
    await expect(buildDemoPractice(fresh.ctx, { clients: 0 })).rejects.toThrow(/number of clients/);
    await expect(buildDemoPractice(fresh.ctx, { today: '2026-02-30' })).rejects.toThrow(/not a real calendar date/);
    expect(await fresh.ctx.db.selectFrom('practice').select('id').execute()).toEqual([]);
  });
});
