import { formatUkDate } from '../../domain/calendar/local-date.js';
import { ACCIDENTS } from './fixtures.js';
import type { Case, Client } from './demo-data.js';
import { addDays, minDate } from './demo-calendar.js';
import { atLeast, type MlStage } from './demo-scenarios.js';
import { initials, type DemoWriter } from './demo-writer.js';

export function generateMedicoLegalCase(w: DemoWriter, stage: MlStage, client: Client, carers: { name: string; label: string }[]): Case {
  const t = w.today;
  const firm = w.org('solicitor');
  const solicitor = w.contact(firm, /Partner|Associate/);
  const instructedBy = w.rng.weighted([
    ['claimant', 7],
    ['defendant', 2],
    ['single_joint', 1],
  ] as const);
  const reportType = w.rng.weighted([
    ['care_and_needs', 7],
    ['immediate_needs', 2],
    ['condition_and_prognosis', 1],
  ] as const);
  const accident = w.rng.pick(ACCIDENTS);
  const ageDays: Record<MlStage, [number, number]> = {
    instructed: [3, 14],
    records_received: [15, 30],
    assessed: [30, 50],
    report_drafted: [55, 68],
    served: [80, 100],
    questions: [95, 120],
    addendum: [130, 200],
    joint_statement: [200, 320],
    trial_window: [300, 420],
    settled: [350, 500],
    closed: [500, 700],
  };
  const instructedOn = w.past(...ageDays[stage]);
  const reportDue = addDays(instructedOn, 70);
  const served = atLeast(stage, 'served') ? addDays(instructedOn, w.rng.int(60, 70)) : null;
  const servedClamped = served ? minDate(served, w.past(21, 27)) : null;
  const questionsOn =
    stage === 'questions' ? w.past(2, 10) : atLeast(stage, 'addendum') && w.rng.chance(0.5) && servedClamped ? addDays(servedClamped, 25) : null;
  const trialFrom = stage === 'trial_window' ? w.weekday(addDays(t, w.rng.int(60, 200))) : null;
  const cs = w.addCase({
    client,
    title: `${reportType === 'immediate_needs' ? 'Immediate needs assessment (Rehabilitation Code)' : reportType === 'care_and_needs' ? 'Care and needs report' : 'Condition and prognosis report'} – ${accident}`,
    line: 'medico_legal',
    funder_kind: 'solicitor',
    funder: firm,
    referrer: firm,
    referrer_contact: solicitor,
    jurisdiction: 'england',
    status: stage === 'settled' ? 'discharged' : stage === 'closed' ? 'closed' : 'open',
    clinician: w.clinician('medico_legal'),
    opened_on: instructedOn,
    closed_on: stage === 'closed' ? w.past(10, 90) : null,
  });
  const claimRef = `${initials(firm.name).slice(0, 2)}/${w.rng.digits(5)}/${initials(client.name)}`;
  const courtNo = atLeast(stage, 'served') && w.rng.chance(0.6) ? `${w.rng.letters(1)}${w.rng.digits(2)}MB${w.rng.digits(3)}` : '';
  w.data.medico_legal_instructions.push({
    id: w.ids.next(),
    case_id: cs.id,
    solicitor_org_id: firm.id,
    solicitor_contact_id: solicitor.id,
    instructed_by: instructedBy,
    claim_reference: claimRef,
    court_claim_number: courtNo,
    accident_date: addDays(instructedOn, -w.rng.int(120, 1400)),
    report_type: reportType,
    fee_basis:
      stage === 'settled' || stage === 'closed'
        ? 'deferred'
        : w.rng.weighted([
            ['fixed', 4],
            ['hourly', 3],
            ['deferred', 2],
          ] as const),
    stage,
    instructed_on: instructedOn,
    report_due_on: reportDue,
    report_served_on: servedClamped,
    questions_received_on: questionsOn,
    trial_window_from: trialFrom,
    trial_window_to: trialFrom ? addDays(trialFrom, 14) : null,
  });

  w.corr(cs, client, {
    dir: 'in',
    channel: 'letter',
    org: firm,
    contact: solicitor,
    on: instructedOn,
    subject: `Letter of instruction – ${reportType.replace(/_/g, ' ')} report`,
    summary: `Instructed by the ${instructedBy.replace('_', ' ')}${instructedBy === 'single_joint' ? ' parties' : ''}; claim ref ${claimRef}; report due ${formatUkDate(reportDue)}.`,
  });
  w.task(cs, {
    title: 'Acknowledge instructions and confirm no conflict of interest',
    kind: 'acknowledgement',
    hardness: 'soft',
    due_on: addDays(instructedOn, 3),
    done: true,
  });
  if (stage === 'instructed' || stage === 'records_received') {
    w.task(cs, { title: `Arrange home assessment with ${client.name}`, kind: 'practice', hardness: 'soft', due_on: addDays(t, w.rng.int(0, 10)) });
  }
  if (atLeast(stage, 'records_received'))
    w.corr(cs, client, {
      dir: 'in',
      channel: 'portal',
      org: firm,
      contact: w.contact(firm, /Paralegal/),
      on: addDays(instructedOn, w.rng.int(10, 16)),
      subject: 'Medical records and witness statements received',
    });
  if (atLeast(stage, 'assessed')) {
    const visit = w.weekday(addDays(instructedOn, w.rng.int(20, 28)));
    w.session(cs, visit, 'travel', { minutes: w.rng.pick([60, 90]) });
    w.session(cs, visit, 'assessment', { minutes: 180 });
    w.corr(cs, client, { dir: 'out', channel: 'letter', party: client.name, on: addDays(visit, -10), subject: 'Appointment for home assessment visit' });
  }
  if (!served && atLeast(stage, 'records_received')) {
    w.task(cs, {
      title: `Serve ${reportType.replace(/_/g, ' ')} report (statement of truth, PD35 3.3) to ${firm.name}`,
      kind: 'court',
      hardness: 'hard',
      due_on: reportDue,
      rule_id: 'ML-PD-04',
      trigger_kind: 'instruction',
      trigger_on: instructedOn,
      trigger_ref: claimRef,
    });
  }
  if (stage === 'instructed') {
    w.task(cs, {
      title: `Serve report to ${firm.name}`,
      kind: 'court',
      hardness: 'hard',
      due_on: reportDue,
      trigger_kind: 'instruction',
      trigger_on: instructedOn,
      trigger_ref: claimRef,
    });
  }
  if (atLeast(stage, 'report_drafted')) {
    w.session(cs, minDate(addDays(instructedOn, 45), t), 'report_writing', { minutes: w.rng.pick([300, 360, 420]) });
  }
  if (servedClamped) {
    w.corr(cs, client, {
      dir: 'out',
      channel: 'email',
      org: firm,
      contact: solicitor,
      on: servedClamped,
      subject: 'Expert report served',
      summary: `Signed report with statement of truth; invoice to follow (${claimRef}).`,
    });
    if (stage === 'served') {
      w.task(cs, {
        title: 'Watch for CPR 35.6 written questions (28 days from service)',
        kind: 'court',
        hardness: 'soft',
        due_on: addDays(servedClamped, 28),
        rule_id: 'ML-Q-01',
        trigger_kind: 'report_served',
        trigger_on: servedClamped,
        trigger_ref: claimRef,
      });
    }
  }
  if (stage === 'questions') {
    const received = questionsOn!;
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: firm,
      contact: solicitor,
      on: received,
      subject: 'CPR 35.6 questions from the defendant\u2019s solicitors',
      follow_up_on: addDays(received, 28),
    });
    w.task(cs, {
      title: 'Answer CPR 35.6 questions (answers form part of the report)',
      kind: 'court',
      hardness: 'hard',
      due_on: addDays(received, 28),
      rule_id: 'ML-Q-02',
      trigger_kind: 'questions_received',
      trigger_on: received,
      trigger_ref: claimRef,
    });
  }
  if (stage === 'addendum')
    w.task(cs, {
      title: 'Addendum report on updated records',
      kind: 'court',
      hardness: 'hard',
      due_on: addDays(t, w.rng.int(5, 30)),
      trigger_ref: claimRef,
    });
  if (stage === 'joint_statement') {
    const discussion = w.weekday(addDays(t, w.rng.int(5, 25)));
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: firm,
      contact: solicitor,
      on: w.past(5, 20),
      subject: 'Directions order – experts\u2019 discussion and joint statement',
    });
    w.task(cs, {
      title: `Experts\u2019 discussion on ${formatUkDate(discussion)}; joint statement to follow`,
      kind: 'court',
      hardness: 'hard',
      due_on: discussion,
      trigger_kind: 'court_order',
      trigger_ref: claimRef,
    });
    w.session(cs, w.past(1, 20), 'phone_call', { minutes: 30 });
  }
  if (stage === 'trial_window')
    w.task(cs, {
      title: 'Confirm availability for trial window',
      kind: 'court',
      hardness: 'hard',
      due_on: addDays(t, w.rng.int(3, 20)),
      trigger_ref: claimRef,
    });
  if (stage === 'settled' || stage === 'closed') {
    const settled = w.past(5, 40);
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: firm,
      contact: solicitor,
      on: settled,
      subject: 'Notice of settlement',
      summary: 'Claim settled; deferred fees now payable.',
    });
    w.task(cs, {
      title: `Invoice deferred fee to ${firm.name} on settlement`,
      kind: 'practice',
      hardness: 'soft',
      due_on: addDays(settled, 14),
      done: stage === 'closed',
    });
  }
  w.genericCorrespondence(cs, client, carers, instructedOn);
  return cs;
}
