/**
 * The demo practice's referral network: a referral source for each GP
 * practice, school, solicitor, insurer, case manager, local authority, employer and NHS team
 * the demo knows, plus self/parent; two years of referrals behind the demo's cases (accepted),
 * with others waitlisted, declined or still pending; a few busy sources gone quiet, so the
 * dormant list has something to say. Built from the rows already written, with its own seeded
 * stream and the demo's id maker, so the same seed and day give the same network.
 */
import { addDays, type LocalDate } from '../../domain/calendar/local-date.js';
import { ackKey, acknowledgementDue, DEFAULT_CONSENT_PARTY, REF_RULES, workingDaysBetween, type SourceKind } from '../../domain/referrals/referrals.js';
import type { Db } from '../context.js';
import { inBatches } from '../../db/batches.js';
import { practiceCalendar } from '../referrals/common.js';
import { syncReportBacks } from '../referrals/sync-report-backs.js';
import { bulkInsert } from './bulk-insert.js';
import { Rng } from './prng.js';

const SOURCE_KIND_OF_ORG: Record<string, SourceKind> = {
  gp_practice: 'gp',
  school: 'school',
  solicitor: 'solicitor',
  insurer: 'insurer',
  case_management: 'case_manager',
  local_authority: 'local_authority',
  employer: 'employer',
  nhs_trust: 'cmht',
};

const EXPECTS: Record<SourceKind, string> = {
  gp: 'A short letter after the assessment and at discharge.',
  paediatrician: 'A copy of the assessment report within four weeks.',
  school: 'A summary for the SENCO after the assessment and each review.',
  case_manager: 'Monthly updates and the report within 10 working days of each visit.',
  solicitor: 'Acknowledgement within 2 working days, then the report by the agreed date.',
  insurer: 'Progress report before re-authorisation; invoices within 6 months of treatment.',
  cmht: 'Update to the care coordinator after the assessment and at discharge.',
  employer: 'Workplace report with recommendations (consent scope agreed first).',
  local_authority: 'Advice within the statutory six weeks.',
  self_parent: 'Reports sent home directly.',
  other: '',
};

export interface DemoReferralCounts {
  referral_sources: number;
  referrals: number;
  tasks: number;
}

const HISTORY_DAYS = 730;

export async function addDemoReferrals(trx: Db, opts: { seed: number; today: LocalDate; newId: () => string }): Promise<DemoReferralCounts> {
  const rng = new Rng((opts.seed ^ 0x7e1e_44a1) >>> 0);
  const today = opts.today;
  const stamp = (d: string) => `${d}T09:00:00.000Z`;
  const calendar = await practiceCalendar(trx);

  // ---- sources: one per referring organisation (capped per kind), plus self / parent ----
  const orgs = await trx.selectFrom('organisations').select(['id', 'name', 'kind']).orderBy('kind').orderBy('name').orderBy('id').execute();
  const perKind = new Map<string, number>();
  const sources: { id: string; name: string; kind: SourceKind; organisation_id: string | null }[] = [];
  for (const o of orgs) {
    const kind = SOURCE_KIND_OF_ORG[o.kind];
    if (!kind || (perKind.get(kind) ?? 0) >= 8) continue;
    perKind.set(kind, (perKind.get(kind) ?? 0) + 1);
    sources.push({ id: opts.newId(), name: o.name, kind, organisation_id: o.id });
  }
  sources.push({ id: opts.newId(), name: 'Self / parent referral', kind: 'self_parent', organisation_id: null });
  const byOrg = new Map(sources.filter((s) => s.organisation_id).map((s) => [s.organisation_id!, s]));
  const byKind = new Map<SourceKind, typeof sources>();
  for (const s of sources) (byKind.get(s.kind) ?? byKind.set(s.kind, []).get(s.kind)!).push(s);
  await bulkInsert(
    trx,
    'referral_sources',
    sources.map((s) => ({
      id: s.id,
      name: s.name,
      kind: s.kind,
      organisation_id: s.organisation_id,
      contact_id: null,
      consent_party: DEFAULT_CONSENT_PARTY[s.kind],
      ack_working_days: s.kind === 'solicitor' || s.kind === 'case_manager' ? 1 : 2,
      report_back_working_days: s.kind === 'case_manager' ? 5 : 10,
      expects: EXPECTS[s.kind],
      notes: '',
      created_at: stamp(addDays(today, -HISTORY_DAYS - 30)),
    })),
  );

  // A few busy sources have gone quiet: one GP, one school and one solicitor, silent for 4–7 months.
  const quietSince = new Map<string, LocalDate>();
  for (const kind of ['gp', 'school', 'solicitor'] as const) {
    const list = byKind.get(kind) ?? [];
    if (list.length >= 2) quietSince.set(list[0]!.id, addDays(today, -rng.int(120, 210)));
  }
  const sourceFor = (preferred: (typeof sources)[number] | undefined, kind: SourceKind, on: string) => {
    const pool = (byKind.get(kind) ?? []).filter((s) => !quietSince.has(s.id) || on < quietSince.get(s.id)!);
    const pick =
      preferred && (!quietSince.has(preferred.id) || on < quietSince.get(preferred.id)!)
        ? preferred
        : pool.length
          ? rng.pick(pool)
          : byKind.get('self_parent')![0]!;
    return pick;
  };

  // ---- referrals behind the cases of the last two years ----
  const from = addDays(today, -HISTORY_DAYS);
  const cases = await trx
    .selectFrom('cases')
    .select(['id', 'client_id', 'service_line', 'funder_kind', 'funder_org_id', 'referrer_org_id', 'opened_on'])
    .where('opened_on', '>=', from)
    .orderBy('id')
    .execute();
  const FUNDER_SOURCE: Record<string, SourceKind> = {
    insurer: 'insurer',
    solicitor: 'solicitor',
    local_authority: 'local_authority',
    employer: 'employer',
    case_manager: 'case_manager',
    nhs: 'cmht',
  };
  const rows: Record<string, unknown>[] = [];
  const tasks: Record<string, unknown>[] = [];
  const seen = new Set<string>();
  const add = (r: {
    source: (typeof sources)[number];
    client_id: string;
    received: LocalDate;
    service_line: string;
    funding: string;
    funder_org_id: string | null;
    status: string;
    outcome_on: string | null;
    case_id: string | null;
    decline_reason: string | null;
    waiting?: boolean;
  }) => {
    const key = `${r.source.id}|${r.client_id}|${r.received}|${r.service_line}`;
    if (seen.has(key) || r.received > today) return;
    seen.add(key);
    const id = opts.newId();
    const ackDays = r.source.kind === 'solicitor' || r.source.kind === 'case_manager' ? 1 : 2;
    const due = acknowledgementDue(r.received, ackDays, calendar);
    const pendingLong = r.status === 'pending' && addDays(r.received, 10) >= today;
    // Most referrals were acknowledged on time, some a few days late; the newest are still waiting.
    const acknowledged = r.waiting || (pendingLong && rng.chance(0.6)) ? null : rng.chance(0.85) ? due : addDays(due, rng.int(1, 6));
    const ackOn = acknowledged !== null && acknowledged <= today ? acknowledged : null;
    rows.push({
      id,
      source_id: r.source.id,
      client_id: r.client_id,
      received_on: r.received,
      service_line: r.service_line,
      service_detail: '',
      urgency: rng.weighted([
        ['routine', 8],
        ['soon', 2],
        ['urgent', 1],
      ] as const),
      funding: r.funding,
      funder_org_id: r.funder_org_id,
      reason: '',
      status: r.status,
      outcome_on: r.outcome_on,
      decline_reason: r.decline_reason,
      case_id: r.case_id,
      ack_due_on: due,
      acknowledged_on: ackOn,
      // Due is N working days after receipt by definition, so only a late acknowledgement needs counting.
      ack_days: ackOn === null ? null : ackOn === due ? ackDays : ackDays + workingDaysBetween(due, ackOn, calendar),
      created_by: null,
      created_at: stamp(r.received),
    });
    if (ackOn === null && r.status !== 'declined') {
      tasks.push({
        id: opts.newId(),
        title: `Acknowledge referral from ${r.source.name}`,
        kind: 'acknowledgement',
        hardness: 'soft',
        due_on: due,
        status: 'open',
        rule_id: REF_RULES.ack,
        trigger_kind: 'referral_received',
        trigger_on: r.received,
        trigger_ref: id,
        snoozed_until: null,
        assignee_id: null,
        client_id: r.client_id,
        case_id: null,
        notes: '',
        completed_on: null,
        created_at: stamp(r.received),
        rule_key: ackKey(id),
        reason: `${r.source.name} referred on ${r.received}; referrals are acknowledged within ${ackDays} working days of receipt.`,
      });
    }
  };

  for (const c of cases) {
    const received = addDays(c.opened_on as LocalDate, -rng.int(3, 21));
    if (received < from) continue;
    const viaReferrer = c.referrer_org_id ? byOrg.get(c.referrer_org_id) : undefined;
    const viaFunder = c.funder_org_id ? byOrg.get(c.funder_org_id) : undefined;
    const kind: SourceKind =
      viaReferrer?.kind ??
      viaFunder?.kind ??
      FUNDER_SOURCE[c.funder_kind] ??
      rng.weighted([
        ['gp', 5],
        ['school', 3],
        ['self_parent', 3],
        ['paediatrician', 1],
      ] as const);
    add({
      source: sourceFor(viaReferrer ?? viaFunder, byKind.has(kind) ? kind : 'self_parent', received),
      client_id: c.client_id,
      received,
      service_line: c.service_line,
      funding: c.funder_kind,
      funder_org_id: c.funder_org_id,
      status: 'accepted',
      outcome_on: c.opened_on,
      case_id: c.id,
      decline_reason: null,
    });
    // About one referral in five does not become a case: declined, on the waiting list, or not yet decided.
    if (rng.chance(0.22)) {
      const when = addDays(today, -rng.int(0, HISTORY_DAYS));
      const status =
        when >= addDays(today, -14)
          ? 'pending'
          : rng.weighted([
              ['declined', 3],
              ['waitlisted', 2],
            ] as const);
      const declineReasons = [
        'Outside our catchment area',
        'Needs are better met by the NHS service',
        'Service not offered by the practice',
        'Funding not agreed',
      ];
      add({
        source: sourceFor(
          undefined,
          rng.weighted([
            ['gp', 4],
            ['school', 3],
            ['self_parent', 2],
            ['case_manager', 1],
            ['solicitor', 1],
          ] as const),
          when,
        ),
        client_id: c.client_id,
        received: when,
        service_line: rng.pick(['paediatric', 'adult_neuro', 'mental_health', 'housing', 'workplace', 'other'] as const),
        funding: 'self_pay',
        funder_org_id: null,
        status,
        outcome_on: status === 'pending' ? null : addDays(when, rng.int(2, 10)) > today ? today : addDays(when, rng.int(2, 10)),
        case_id: null,
        decline_reason: status === 'declined' ? rng.pick(declineReasons) : null,
      });
    }
  }
  // Whatever the demo's size, a few new referrals wait for acknowledgement, one of them overdue, so Today shows them.
  for (const [i, [kind, ago, line]] of (
    [
      ['gp', 6, 'other'],
      ['school', 2, 'housing'],
      ['solicitor', 1, 'workplace'],
    ] as const
  ).entries()) {
    const c = cases[i];
    if (!c) break;
    const received = addDays(today, -ago);
    add({
      source: sourceFor(undefined, kind, received),
      client_id: c.client_id,
      received,
      service_line: line,
      funding: 'self_pay',
      funder_org_id: null,
      status: 'pending',
      outcome_on: null,
      case_id: null,
      decline_reason: null,
      waiting: true,
    });
  }
  await bulkInsert(trx, 'referrals', rows);
  await bulkInsert(trx, 'tasks', tasks);

  // Report-backs for every referred case, through the same planner a real practice uses (so a later
  // `steve deadlines sync` finds nothing owed that the demo forgot); those due more than three weeks
  // ago were sent (most on the day, a tenth caught up later).
  const clock = { now: () => new Date(stamp(today)), today: () => today };
  const made = await syncReportBacks(trx, { clock }, undefined, { newId: opts.newId });
  const cutoff = addDays(today, -21);
  const old = await trx
    .selectFrom('tasks')
    .select(['id', 'due_on'])
    .where('rule_id', '=', REF_RULES.reportBack)
    .where('status', '=', 'open')
    .where('due_on', '<', cutoff)
    .orderBy('id')
    .execute();
  const late = old.filter(() => rng.chance(0.1));
  const lateIds = new Set(late.map((t) => t.id));
  for (const ids of inBatches(old.filter((t) => !lateIds.has(t.id)).map((t) => t.id))) {
    await trx
      .updateTable('tasks')
      .set((eb) => ({ status: 'done', completed_on: eb.ref('due_on') }))
      .where('id', 'in', ids)
      .execute();
  }
  for (const ids of inBatches([...lateIds])) await trx.updateTable('tasks').set({ status: 'done', completed_on: cutoff }).where('id', 'in', ids).execute();

  return { referral_sources: sources.length, referrals: rows.length, tasks: tasks.length + made.created };
}
