/**
 * Every way a client comes in (the clients service, an accepted inbox proposal, referral
 * intake) goes through addClient, so the same rules hold: who becomes lead clinician, the
 * duplicate check and the audit event.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { acceptProposal, importInbox, listInbox } from '../../src/services/inbox/inbox.js';
import { addReferral } from '../../src/services/referrals/add-referral.js';
import { addReferralSource } from '../../src/services/referrals/add-referral-source.js';
import { DIALECTS } from '../support/stores.js';
import { as, openTestDb, seedPractice, type Seeded, type TestDb } from './support.js';

const referralLetter = (name: string, dob: string) =>
  Buffer.from(
    `THE WILLOWS CLINIC\n\n24 November 2026\n\nDear Therapist\n\nRe: ${name}   DOB: ${dob}\n\nI would be grateful if you would see this child for an occupational therapy assessment. This is a new referral.\n\nYours sincerely\n\nDr P Rowe\n`,
  );

describe.each(DIALECTS)('one way to add a client, on %s', (dialect) => {
  let t: TestDb;
  let s: Seeded;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    s = await seedPractice(t.ctx);
  });
  afterEach(async () => t.store.close());

  const clientNamed = (name: string) => t.store.db.selectFrom('clients').selectAll().where('name', '=', name).executeTakeFirstOrThrow();
  const audit = (clientId: string) =>
    t.store.db.selectFrom('audit_events').select(['action', 'entity', 'detail']).where('entity_id', '=', clientId).where('entity', '=', 'client').execute();

  async function acceptNewClient(ctx: ServiceContext, name: string, dob: string) {
    await importInbox(ctx, [{ name: `${name}.txt`, bytes: referralLetter(name, dob) }]);
    const proposal = (await listInbox(ctx)).flatMap((i) => i.proposals).find((p) => p.kind === 'new_client' && p.title.includes(name))!;
    expect(proposal).toBeDefined();
    return acceptProposal(ctx, proposal.id);
  }

  it.each([
    ['admin', null],
    ['clinician', 'clinician'],
  ] as const)('an inbox referral accepted by the %s: lead clinician is %s', async (who, lead) => {
    const ctx = as(t.ctx, s[who]);
    await acceptNewClient(ctx, 'Milo Newman', '03.05.2019');
    const client = await clientNamed('Milo Newman');
    expect(client).toMatchObject({ dob: '2019-05-03', lead_clinician_id: lead ? s[lead].id : null });
    expect(await audit(client.id)).toEqual([{ action: 'create', entity: 'client', detail: 'from inbox referral' }]);
  });

  it('a new-client proposal for a client added since the letter came is refused, and the proposal stays pending', async () => {
    const admin = as(t.ctx, s.admin);
    await importInbox(admin, [{ name: 'ref.txt', bytes: referralLetter('Milo Newman', '03.05.2019') }]);
    const proposal = (await listInbox(admin)).flatMap((i) => i.proposals).find((p) => p.kind === 'new_client')!;
    await addClient(t.ctx, { name: 'Milo Newman', dob: '2019-05-03' });
    await expect(acceptProposal(admin, proposal.id)).rejects.toMatchObject({ code: 'CONFLICT' });
    expect(await t.store.db.selectFrom('clients').select('id').where('name', '=', 'Milo Newman').execute()).toHaveLength(1);
    expect((await listInbox(t.ctx)).flatMap((i) => i.proposals).find((p) => p.kind === 'new_client')).toMatchObject({ status: 'pending' });
  });

  it.each([
    ['admin', null],
    ['clinician', 'clinician'],
    ['owner', 'owner'],
  ] as const)('referral intake by the %s adds the client through the clients service (lead: %s)', async (who, lead) => {
    const source = await addReferralSource(t.ctx, { name: 'Millbrook Surgery', kind: 'gp' });
    const ctx = as(t.ctx, s[who]);
    await addReferral(ctx, { source_id: source.id, received_on: '2026-11-24', client: { name: 'Iris Intake', dob: '2018-02-01' }, service_line: 'paediatric' });
    const client = await clientNamed('Iris Intake');
    expect(client.lead_clinician_id).toBe(lead ? s[lead].id : null);
    expect(await audit(client.id)).toEqual([{ action: 'create', entity: 'client', detail: 'from referral intake' }]);
  });

  it('referral intake refuses a new client the clients service would refuse, writing nothing', async () => {
    const source = await addReferralSource(t.ctx, { name: 'Millbrook Surgery', kind: 'gp' });
    const before = await t.store.db.selectFrom('clients').select('id').execute();
    await expect(
      addReferral(t.ctx, {
        source_id: source.id,
        received_on: '2026-11-24',
        client: { name: 'Iris Intake', dob: '2018-02-01', email: 'not an email' },
        service_line: 'paediatric',
      }),
    ).rejects.toMatchObject({ code: 'VALIDATION' });
    expect(await t.store.db.selectFrom('clients').select('id').execute()).toHaveLength(before.length);
  });

  it('the clients service asks before a second client with the same name (any spacing or case) and date of birth, and adds them once told it is a different person', async () => {
    const first = await addClient(t.ctx, { name: 'Ada Testchild', dob: '2016-04-02' });
    await expect(addClient(t.ctx, { name: '  ada   TESTCHILD ', dob: '2016-04-02' })).rejects.toMatchObject({
      code: 'CONFLICT',
      field: 'name',
      message: 'A client called ada   TESTCHILD, born 02/04/2016, already exists. Open their record, or confirm this is a different person.',
    });
    expect((await addClient(t.ctx, { name: 'Ada Testchild', dob: '2016-04-03' })).id).not.toBe(first.id);
    const twin = await addClient(t.ctx, { name: 'Ada Testchild', dob: '2016-04-02', different_person: true });
    expect(twin.id).not.toBe(first.id);
    const audit = await t.store.db
      .selectFrom('audit_events')
      .select('detail')
      .where('entity_id', '=', twin.id)
      .where('action', '=', 'create')
      .executeTakeFirstOrThrow();
    expect(audit.detail).toContain('confirmed a different person');
  });

  it('an NHS number already held is refused even for a confirmed different person, naming who holds it without an internal id', async () => {
    const first = await addClient(t.ctx, { name: 'Ada Testchild', dob: '2016-04-02', nhs_number: '9434765919' });
    const err = await addClient(t.ctx, { name: 'Bea Other', dob: '2012-01-01', nhs_number: '9434765919', different_person: true }).catch((e: unknown) => e);
    expect(err).toMatchObject({
      code: 'CONFLICT',
      field: 'nhs_number',
      message: 'Ada Testchild, born 02/04/2016, already has NHS number 943 476 5919: open their record instead.',
    });
    expect(String((err as Error).message)).not.toContain(first.id);
  });
});
