import { addMonths, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { ADULT_NEURO_CONDITIONS, CHILD_DIAGNOSES, INSURER_DETAILS, MENTAL_HEALTH_REASONS } from './fixtures.js';
import type { Case, Client } from './demo-data.js';
import { addDays, maxDate, minDate } from './demo-calendar.js';
import type { Scenario } from './demo-scenarios.js';
import type { DemoWriter } from './demo-writer.js';

export function generateInsuredCase(
  w: DemoWriter,
  sc: Extract<Scenario, { kind: 'insured' }>,
  client: Client,
  carers: { name: string; label: string }[],
): Case {
  const t = w.today;
  const info = INSURER_DETAILS[sc.insurer]!;
  const insurer = (w.orgs.get('insurer') ?? []).find((o) => o.name === info.name)!;
  const handler = w.contact(insurer, /handler|assessor|manager|officer/i);
  const referrer = w.rng.chance(0.6) ? w.org('gp_practice', (o) => o.jurisdiction === 'england') : w.org('nhs_trust');
  const referrerContact = w.contact(referrer, /GP|Consultant|coordinator/);
  const reason =
    sc.line === 'paediatric'
      ? `Sensory and motor OT – ${w.rng.pick(CHILD_DIAGNOSES)}`
      : sc.line === 'adult_neuro'
        ? `Community neuro-rehabilitation after ${w.rng.pick(ADULT_NEURO_CONDITIONS)}`
        : `OT for ${w.rng.pick(MENTAL_HEALTH_REASONS)}`;

  const authorised = w.rng.pick([6, 8, 10, 12]);
  let delivered: number;
  let validFrom: LocalDate;
  let validUntil: LocalDate;
  if (sc.variant === 'nearly_used') {
    delivered = authorised - 1;
    validFrom = addDays(t, -(delivered * 7 + w.rng.int(5, 12)));
    validUntil = maxDate(addMonths(validFrom, 6), addDays(t, 45));
  } else if (sc.variant === 'expiring') {
    validUntil = addDays(t, w.rng.int(5, 28));
    validFrom = addMonths(validUntil, -6);
    delivered = w.rng.int(2, authorised - 3);
  } else {
    validFrom = w.past(10, 150);
    // Far enough back that the one-session-per-nine-days pace below has reached two from the end.
    if (sc.variant === 'two_left') validFrom = minDate(validFrom, addDays(t, -((authorised - 2) * 9 + 1)));
    validUntil = maxDate(addMonths(validFrom, w.rng.pick([6, 12])), addDays(t, 31));
    delivered = Math.min(authorised - 2, Math.max(1, Math.floor((Date.parse(t) - Date.parse(validFrom)) / (86_400_000 * 9))));
  }
  const hadEarlier = sc.variant !== 'expiring' && w.rng.chance(0.3);
  const opened = hadEarlier ? addDays(validFrom, -w.rng.int(100, 160)) : addDays(validFrom, -w.rng.int(3, 14));
  const cs = w.addCase({
    client,
    title: reason,
    line: sc.line,
    funder_kind: 'insurer',
    funder: insurer,
    referrer,
    referrer_contact: referrerContact,
    jurisdiction: 'england',
    status: 'open',
    clinician: w.clinician(sc.line),
    opened_on: opened,
  });
  const membership = `${w.rng.letters(2)}${w.rng.digits(7)}`;
  const addAuth = (from: LocalDate, until: LocalDate, sessions: number, used: number): { id: string; code: string } => {
    const id = w.ids.next();
    const code = info.code(w.rng.digits(info.digits));
    w.data.authorisations.push({
      id,
      case_id: cs.id,
      insurer_org_id: insurer.id,
      membership_number: membership,
      authorisation_code: code,
      sessions_authorised: sessions,
      valid_from: from,
      valid_until: until,
      per_session_limit_pence: info.perSession,
      total_limit_pence: info.perSession * sessions,
      excess_pence: w.rng.pick([0, 0, 5_000, 10_000]),
    });
    // Delivered sessions on the authorisation: attended ones only, spread from its start to today.
    const last = minDate(until, t);
    const span = Math.max(used, Math.floor((Date.parse(last) - Date.parse(from)) / 86_400_000));
    const step = Math.max(1, Math.min(14, Math.floor(span / Math.max(1, used))));
    let on = addDays(from, 1);
    for (let i = 0; i < used; i++) {
      const d = minDate(w.weekday(on), last);
      w.session(cs, d, i === 0 ? 'assessment' : w.rng.chance(0.15) ? 'review' : 'therapy', { authorisation: id, billable: 1 });
      if (w.rng.chance(0.08))
        w.session(cs, minDate(addDays(d, 3), t), 'therapy', {
          attendance: w.rng.pick(['dna', 'late_cancellation']),
          billable: 1,
          notes: 'Charged to client, not the insurer',
        });
      on = addDays(on, step);
    }
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: insurer,
      contact: handler,
      on: addDays(from, -w.rng.int(1, 3)),
      subject: `Authorisation confirmed – ${sessions} sessions`,
      summary: `${info.name} authorisation ${code} for ${sessions} sessions, valid ${formatUkDate(from)} to ${formatUkDate(until)}.`,
    });
    return { id, code };
  };
  if (hadEarlier) {
    const prevFrom = addDays(opened, 3);
    const prevUntil = addDays(validFrom, -1);
    const prevSessions = w.rng.pick([4, 6]);
    addAuth(prevFrom, prevUntil, prevSessions, prevSessions);
  }
  const current = addAuth(validFrom, validUntil, authorised, delivered);

  w.corr(cs, client, {
    dir: 'in',
    channel: 'letter',
    org: referrer,
    contact: referrerContact,
    on: addDays(opened, -w.rng.int(3, 10)),
    subject: `Referral for occupational therapy – ${client.name}`,
  });
  w.corr(cs, client, {
    dir: 'out',
    channel: 'email',
    org: insurer,
    contact: handler,
    on: addDays(validFrom, w.rng.int(8, 14)),
    subject: 'Initial assessment report and treatment plan',
  });
  w.corr(cs, client, {
    dir: 'out',
    channel: 'letter',
    org: referrer,
    contact: referrerContact,
    on: addDays(validFrom, w.rng.int(9, 16)),
    subject: 'Assessment summary for referrer',
  });
  if (sc.variant === 'nearly_used') {
    w.task(cs, {
      title: `One session left on ${info.name} authorisation ${current.code}: send progress report and request further sessions`,
      kind: 'contractual',
      hardness: 'soft',
      due_on: addDays(t, w.rng.int(0, 4)),
      rule_id: 'INS-GEN-02',
      trigger_kind: 'authorisation',
      trigger_on: validFrom,
      trigger_ref: current.code,
    });
  }
  if (sc.variant === 'expiring') {
    w.task(cs, {
      title: `${info.name} authorisation ${current.code} ends ${formatUkDate(validUntil)}: request an extension or plan discharge`,
      kind: 'contractual',
      hardness: 'soft',
      due_on: addDays(validUntil, -7),
      rule_id: 'INS-GEN-02',
      trigger_kind: 'authorisation',
      trigger_on: validUntil,
      trigger_ref: current.code,
    });
    w.corr(cs, client, {
      dir: 'in',
      channel: 'phone',
      party: carers[0] ? `${carers[0].name} (${carers[0].label})` : client.name,
      on: w.past(1, 10),
      subject: 'Query about sessions left before the authorisation ends',
    });
  }
  if (info.name === 'Bupa' || info.name === 'AXA Health') {
    const treated = addDays(validFrom, 1);
    w.task(cs, {
      title: `Invoice ${info.name} for treatment from ${formatUkDate(treated)} (six-month limit)`,
      kind: 'contractual',
      hardness: 'hard',
      due_on: addMonths(treated, 6),
      rule_id: info.name === 'Bupa' ? 'INS-BUPA-01' : 'INS-AXA-01',
      trigger_kind: 'treatment',
      trigger_on: treated,
      trigger_ref: current.code,
      done: addMonths(treated, 6) < t,
    });
  }
  w.genericCorrespondence(cs, client, carers, validFrom);
  w.genericTasks(cs, carers, w.rng.int(0, 2));
  return cs;
}
