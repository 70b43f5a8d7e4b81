import { ADULT_NEURO_CONDITIONS, CHILD_DIAGNOSES, MENTAL_HEALTH_REASONS } from './fixtures.js';
import type { Case, Client } from './demo-data.js';
import { addDays, minDate } from './demo-calendar.js';
import type { Scenario } from './demo-scenarios.js';
import type { DemoWriter } from './demo-writer.js';

export function generateOtherCase(
  w: DemoWriter,
  sc: Extract<Scenario, { kind: 'self_pay' | 'case_managed' | 'nhs_mental_health' | 'other' }>,
  client: Client,
  carers: { name: string; label: string }[],
): Case {
  const t = w.today;
  const opened = w.past(10, 420);
  if (sc.kind === 'case_managed') {
    const cm = w.org('case_management');
    const manager = w.contact(cm);
    const cs = w.addCase({
      client,
      title: `Neuro-rehabilitation after ${w.rng.pick(ADULT_NEURO_CONDITIONS)} (case-managed)`,
      line: 'adult_neuro',
      funder_kind: 'case_manager',
      funder: cm,
      referrer: cm,
      referrer_contact: manager,
      jurisdiction: 'england',
      status: 'open',
      clinician: w.clinician('adult_neuro'),
      opened_on: opened,
    });
    w.session(cs, w.weekday(addDays(opened, 5)), 'assessment', { minutes: 120 });
    w.regularSessions(cs, addDays(opened, 12), t, 7, ['therapy', 'therapy', 'therapy', 'review', 'case_conference']);
    w.corr(cs, client, { dir: 'in', channel: 'email', org: cm, contact: manager, on: opened, subject: 'Referral: OT for community rehabilitation' });
    w.corr(cs, client, { dir: 'out', channel: 'email', org: cm, contact: manager, on: w.past(20, 35), subject: 'Monthly update to case manager' });
    w.task(cs, {
      title: `Monthly update to ${manager.name} (${cm.name})`,
      kind: 'report_back',
      hardness: 'soft',
      due_on: addDays(t, w.rng.int(-3, 10)),
      rule_id: 'ML-CM-01',
      trigger_kind: 'monthly_report',
    });
    w.genericCorrespondence(cs, client, carers, opened);
    w.genericTasks(cs, carers, w.rng.int(0, 2));
    return cs;
  }
  if (sc.kind === 'nhs_mental_health') {
    const trust = (w.orgs.get('nhs_trust') ?? [])[0]!;
    const cc = w.contact(trust, /CMHT/);
    const cs = w.addCase({
      client,
      title: `Community OT – ${w.rng.pick(MENTAL_HEALTH_REASONS)} (NHS subcontract)`,
      line: 'mental_health',
      funder_kind: 'nhs',
      funder: trust,
      referrer: trust,
      referrer_contact: cc,
      jurisdiction: 'england',
      status: w.rng.chance(0.15) ? 'on_hold' : 'open',
      clinician: w.clinician('mental_health'),
      opened_on: opened,
    });
    w.session(cs, w.weekday(addDays(opened, 7)), 'assessment');
    w.regularSessions(cs, addDays(opened, 14), t, 14, ['therapy', 'therapy', 'review']);
    w.corr(cs, client, { dir: 'in', channel: 'letter', org: trust, contact: cc, on: opened, subject: 'Referral from community mental health team' });
    w.corr(cs, client, { dir: 'out', channel: 'letter', org: trust, contact: cc, on: w.past(5, 60), subject: 'OT progress summary for CPA review' });
    w.genericCorrespondence(cs, client, carers, opened);
    w.genericTasks(cs, carers, w.rng.int(1, 2));
    return cs;
  }
  if (sc.kind === 'other') {
    const org = w.org('other', (o) => /Wheelchair|Carers/.test(o.name));
    const cs = w.addCase({
      client,
      title: w.rng.pick(['Wheelchair and seating review', 'Falls prevention and equipment review', 'Fatigue management course', 'Return to driving advice']),
      line: 'other',
      funder_kind: w.rng.pick(['self_pay', 'other'] as const),
      funder: null,
      referrer: org,
      referrer_contact: w.contact(org),
      jurisdiction: 'england',
      status: w.rng.pick(['open', 'referred']),
      clinician: w.clinician('other'),
      opened_on: opened,
    });
    w.session(cs, w.weekday(addDays(opened, 6)), 'assessment');
    w.corr(cs, client, { dir: 'in', channel: 'letter', org, contact: w.contact(org), on: opened, subject: 'Referral for occupational therapy' });
    w.genericCorrespondence(cs, client, carers, opened);
    w.genericTasks(cs, carers, 1);
    return cs;
  }
  const line = sc.line;
  const gp = w.org('gp_practice', (o) => o.jurisdiction === 'england');
  const fromSchool = line === 'paediatric' && w.rng.chance(0.4);
  const referrer = fromSchool ? w.org('school', (o) => o.jurisdiction === 'england') : gp;
  const refContact = w.contact(referrer, fromSchool ? /SENCO/ : /GP/);
  const title =
    line === 'paediatric'
      ? `Handwriting and fine motor skills – ${w.rng.pick(CHILD_DIAGNOSES)}`
      : line === 'adult_neuro'
        ? `Private neuro-rehabilitation after ${w.rng.pick(ADULT_NEURO_CONDITIONS)}`
        : `OT for ${w.rng.pick(MENTAL_HEALTH_REASONS)}`;
  const cs = w.addCase({
    client,
    title,
    line,
    funder_kind: 'self_pay',
    funder: null,
    referrer,
    referrer_contact: refContact,
    jurisdiction: 'england',
    status: w.rng.weighted([
      ['open', 8],
      ['on_hold', 1],
      ['referred', 1],
    ] as const),
    clinician: w.clinician(line),
    opened_on: opened,
  });
  if (cs.status !== 'referred') {
    w.session(cs, w.weekday(addDays(opened, 7)), 'assessment');
    w.regularSessions(cs, addDays(opened, 14), cs.status === 'on_hold' ? addDays(opened, 90) : t, w.rng.pick([7, 14]), ['therapy', 'therapy', 'review']);
  } else {
    w.task(cs, {
      title: `Acknowledge referral from ${referrer.name}`,
      kind: 'acknowledgement',
      hardness: 'soft',
      due_on: addDays(opened, 5) < t ? t : addDays(opened, 5),
    });
  }
  w.corr(cs, client, {
    dir: 'in',
    channel: 'letter',
    org: referrer,
    contact: refContact,
    on: opened,
    subject: `Referral for occupational therapy – ${client.name}`,
  });
  w.corr(cs, client, {
    dir: 'out',
    channel: 'letter',
    org: referrer,
    contact: refContact,
    on: minDate(addDays(opened, 21), t),
    subject: 'Assessment summary for referrer',
  });
  w.genericCorrespondence(cs, client, carers, opened);
  w.genericTasks(cs, carers, w.rng.int(0, 2));
  return cs;
}
