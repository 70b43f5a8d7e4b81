/**
 * Intake: records a referral from a known source for a client matched by
 * name and date of birth (or created), and sets the acknowledgement task due N working days
 * after receipt. A date in the future, an unknown source or a repeat of the same referral is
 * refused with one clear message, and nothing is written.
 */
import { parseInput } from '../../contract/common.js';
import { addReferralInput, type AddReferralInput } from '../../contract/referrals.js';
import { newId } from '../../db/ids.js';
import { formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { AppError, invalid } from '../../domain/errors.js';
import { ackKey, acknowledgementDue, REF_RULES } from '../../domain/referrals/referrals.js';
import { SERVICE_LINE_LABELS } from '../../domain/vocabulary.js';
import { assertClientVisible } from '../access.js';
import { appendAudit } from '../audit/append-audit.js';
import { nowIso, type Db, type ServiceContext } from '../context.js';
import { addClientIn, clientsNamed } from '../clients/add-client.js';
import { ensureRuleTask } from '../tasks/write-rule-tasks.js';
import { practiceCalendar } from './common.js';
import { getReferral } from './list-referrals.js';

/** The existing client with this name and date of birth, if exactly one. */
async function matchClient(db: Db, name: string, dob: string): Promise<string | null> {
  const hits = await clientsNamed(db, name, dob);
  if (hits.length > 1) {
    throw new AppError(
      'CONFLICT',
      `${hits.length} clients are called ${name} and born ${formatUkDate(dob)}: give the client id instead (${hits.join(', ')}).`,
      {
        field: 'client',
      },
    );
  }
  return hits[0] ?? null;
}

export async function addReferral(ctx: ServiceContext, input: AddReferralInput) {
  const data = parseInput(addReferralInput, input);
  const today = ctx.clock.today();
  if (data.received_on > today)
    throw invalid(`Date received ${formatUkDate(data.received_on)} is in the future: record a referral on or after the day it arrives.`, 'received_on');
  if (data.client && data.client.dob > today) throw invalid(`Date of birth ${formatUkDate(data.client.dob)} is in the future.`, 'client.dob');

  const id = newId();
  await ctx.db.transaction().execute(async (trx) => {
    const source = await trx.selectFrom('referral_sources').selectAll().where('id', '=', data.source_id).executeTakeFirst();
    if (!source) throw invalid(`No referral source with id ${data.source_id}: add the source first.`, 'source_id');
    if (data.funder_org_id) {
      const f = await trx.selectFrom('organisations').select('id').where('id', '=', data.funder_org_id).executeTakeFirst();
      if (!f) throw invalid(`No organisation with id ${data.funder_org_id}.`, 'funder_org_id');
    }

    let clientId: string;
    let clientCreated = false;
    if (data.client_id) {
      await assertClientVisible(trx, ctx.actor, data.client_id).catch(() => {
        throw invalid(`No client with id ${data.client_id}.`, 'client_id');
      });
      clientId = data.client_id;
    } else {
      const c = data.client!;
      const matched = await matchClient(trx, c.name, c.dob);
      if (matched) clientId = matched;
      else {
        // A clinician who takes the referral takes the client on, as anywhere a client is added.
        clientId = (await addClientIn(trx, ctx, c, { source: 'from referral intake' })).id;
        clientCreated = true;
      }
    }

    const repeat = await trx
      .selectFrom('referrals')
      .select('id')
      .where('source_id', '=', source.id)
      .where('client_id', '=', clientId)
      .where('received_on', '=', data.received_on)
      .where('service_line', '=', data.service_line)
      .executeTakeFirst();
    if (repeat) {
      throw new AppError(
        'CONFLICT',
        `This referral is already recorded: ${source.name}, ${SERVICE_LINE_LABELS[data.service_line]}, received ${formatUkDate(data.received_on)} (referral ${repeat.id}). Nothing was written.`,
      );
    }

    const calendar = await practiceCalendar(trx);
    const ackDays = Number(source.ack_working_days);
    const due = acknowledgementDue(data.received_on as LocalDate, ackDays, calendar);
    const client = await trx.selectFrom('clients').select(['name', 'lead_clinician_id']).where('id', '=', clientId).executeTakeFirstOrThrow();
    await trx
      .insertInto('referrals')
      .values({
        id,
        source_id: source.id,
        client_id: clientId,
        received_on: data.received_on,
        service_line: data.service_line,
        service_detail: data.service_detail ?? '',
        urgency: data.urgency ?? 'routine',
        funding: data.funding ?? 'self_pay',
        funder_org_id: data.funder_org_id ?? null,
        reason: data.reason ?? '',
        status: 'pending',
        outcome_on: null,
        decline_reason: null,
        case_id: null,
        ack_due_on: due,
        acknowledged_on: null,
        ack_days: null,
        created_by: ctx.actor.kind === 'user' ? ctx.actor.id : null,
        created_at: nowIso(ctx),
      })
      .execute();
    const urgent = data.urgency === 'urgent' ? 'urgent ' : '';
    await ensureRuleTask(trx, ctx, {
      rule_key: ackKey(id),
      rule_id: REF_RULES.ack,
      title: `Acknowledge ${urgent}referral from ${source.name}`,
      due_on: due,
      hardness: 'soft',
      kind: 'acknowledgement',
      trigger_kind: 'referral_received',
      trigger_on: data.received_on as LocalDate,
      trigger_ref: id,
      reason: `${source.name} referred ${client.name} on ${formatUkDate(data.received_on)}; referrals are acknowledged within ${ackDays} working day${ackDays === 1 ? '' : 's'} of receipt${source.expects ? ` (they expect: ${source.expects})` : ''}.`,
      case_id: null,
      client_id: clientId,
      assignee_id: client.lead_clinician_id ?? (ctx.actor.kind === 'user' ? ctx.actor.id : null),
    });
    await appendAudit(trx, ctx, {
      action: 'create',
      entity: 'referral',
      entity_id: id,
      client_id: clientId,
      detail: clientCreated ? 'client=new' : 'client=matched',
    });
  });
  return getReferral(ctx, id);
}
