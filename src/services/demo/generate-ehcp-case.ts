import { addMonths, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { CHILD_DIAGNOSES } from './fixtures.js';
import type { Case, Client } from './demo-data.js';
import { addDays, maxDate } from './demo-calendar.js';
import type { Scenario } from './demo-scenarios.js';
import { initials, type DemoWriter } from './demo-writer.js';

export function generateEhcpCase(w: DemoWriter, sc: Extract<Scenario, { kind: 'ehcp' }>, client: Client, carers: { name: string; label: string }[]): Case {
  const t = w.today;
  const la = w.org('local_authority', (o) => o.jurisdiction === sc.jurisdiction);
  const yg = w.yearGroup(client.dob as LocalDate);
  const secondary = yg.n >= 7;
  const school = w.org(
    'school',
    (o) =>
      o.jurisdiction === sc.jurisdiction &&
      (sc.jurisdiction !== 'england' || (secondary ? /High|College|Academy|Special/.test(o.name) : !/High|College/.test(o.name))),
  );
  const senco = w.contact(school, /SENCO|ALNCo|support needs/);
  const laOfficer = w.contact(la, /officer|coordinator/i);
  const laRef = `${initials(la.name.replace(/\(.*\)/, '')).slice(0, 3)}/${sc.jurisdiction === 'england' ? 'EHC' : sc.jurisdiction === 'wales' ? 'IDP' : 'CSP'}/${w.rng.digits(5)}`;
  const diagnosis = w.rng.pick(CHILD_DIAGNOSES);
  const parent = carers[0] ? `${carers[0].name} (${carers[0].label})` : client.name;

  let opened: LocalDate;
  let plan_issued_on: LocalDate | null = null;
  let last_review_on: LocalDate | null = null;
  let next_review_meeting_on: LocalDate | null = null;
  let advice_requested_on: LocalDate | null = null;
  let transfer_year: number | null = null;
  if (sc.variant === 'advice_requested') {
    advice_requested_on = sc.forced ? w.past(2, 6) : w.past(2, 45);
    opened = advice_requested_on;
  } else {
    plan_issued_on = maxDate(w.past(400, 365 * 5), addDays(client.dob as LocalDate, 365 * 3));
    opened = addDays(plan_issued_on, -w.rng.int(40, 90));
    if (sc.variant === 'review_soon') next_review_meeting_on = w.weekday(addDays(t, w.rng.int(10, 40)));
    else if (sc.variant === 'established') next_review_meeting_on = w.weekday(addDays(t, w.rng.int(41, 330)));
    else next_review_meeting_on = w.weekday(addDays(t, w.rng.int(-20, 60)));
    last_review_on = addDays(addMonths(next_review_meeting_on, -12), w.rng.int(0, 10));
    if (last_review_on < plan_issued_on) last_review_on = null;
    if (sc.variant === 'phase_transfer_6' || sc.variant === 'phase_transfer_11') transfer_year = Number(t.slice(0, 4)) + 1;
    // Recent episodes only go back so far in the demo's year of sessions.
    opened = maxDate(opened, addDays(t, -365 * 3));
  }
  const title =
    sc.jurisdiction === 'wales'
      ? `Individual development plan (ALN) – OT advice and provision`
      : sc.jurisdiction === 'scotland'
        ? `Co-ordinated support plan – OT report and provision`
        : sc.variant === 'advice_requested'
          ? `EHC needs assessment – OT advice (${diagnosis})`
          : `EHCP section F OT provision (${diagnosis})`;
  const cs = w.addCase({
    client,
    title,
    line: 'paediatric',
    funder_kind: 'local_authority',
    funder: la,
    ...(sc.variant !== 'advice_requested' && w.rng.chance(0.5) ? { referrer: school, referrer_contact: senco } : { referrer: la, referrer_contact: laOfficer }),
    jurisdiction: sc.jurisdiction,
    status: 'open',
    clinician: sc.jurisdiction === 'wales' ? w.clinician('welsh') : w.clinician('ehcp'),
    opened_on: opened,
  });
  w.data.ehcp_plans.push({
    id: w.ids.next(),
    case_id: cs.id,
    la_org_id: la.id,
    la_reference: laRef,
    school_org_id: school.id,
    senco_contact_id: senco.id,
    plan_issued_on,
    last_review_on,
    next_review_meeting_on,
    advice_requested_on,
    draft_served_on: null,
    // Some English plans are mid-way through an amendment or a decision, so those windows show too.
    amendment_notice_on: sc.jurisdiction === 'england' && last_review_on && w.rng.chance(0.15) ? w.past(1, 12) : null,
    decision_letter_on: sc.jurisdiction === 'england' && plan_issued_on && w.rng.chance(0.1) ? w.past(5, 50) : null,
    transfer_kind: transfer_year ? (sc.variant === 'phase_transfer_11' ? 'post16' : 'secondary') : null,
    year_group: sc.jurisdiction === 'scotland' ? (yg.n <= 7 ? `P${Math.max(1, yg.n)}` : `S${yg.n - 7}`) : yg.label,
    transfer_year,
  });

  if (advice_requested_on) {
    const due = addDays(advice_requested_on, 42);
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: la,
      contact: laOfficer,
      on: advice_requested_on,
      subject: 'Request for OT advice – EHC needs assessment',
      summary: `${la.name} asks for occupational therapy advice for ${client.name} (ref ${laRef}) within six weeks.`,
      follow_up_on: due,
    });
    w.corr(cs, client, {
      dir: 'out',
      channel: 'letter',
      party: parent,
      on: addDays(advice_requested_on, 2),
      subject: 'Appointment letter – OT assessment for EHC needs assessment',
    });
    w.task(cs, {
      title: `Send OT advice to ${la.name} (EHC needs assessment)`,
      kind: 'statutory',
      hardness: 'hard',
      due_on: due,
      rule_id: 'EHCP-ADV-01',
      trigger_kind: 'advice_request_received',
      trigger_on: advice_requested_on,
      trigger_ref: laRef,
      rule_key: `EHCP-ADV-01|case:${cs.id}|req:${advice_requested_on.slice(0, 4)}`,
      reason: `The LA asked for advice on ${formatUkDate(advice_requested_on)}; advice is due within 6 weeks of the request [EHCP-ADV-01; SEND Regs 2014 reg 8(1)].`,
    });
    w.task(cs, {
      title: `Request school observation visit at ${school.name}`,
      kind: 'practice',
      hardness: 'soft',
      due_on: addDays(advice_requested_on, 7),
      done: addDays(advice_requested_on, 7) < t,
    });
    if (addDays(advice_requested_on, 10) <= t) w.session(cs, w.weekday(addDays(advice_requested_on, w.rng.int(7, 10))), 'assessment', { minutes: 120 });
    if (addDays(advice_requested_on, 14) <= t) w.session(cs, w.weekday(addDays(advice_requested_on, 12)), 'case_conference', { minutes: 60, notes: '' });
    return cs;
  }

  // An established plan: sessions in school every few weeks, and the review cycle's letters.
  w.regularSessions(cs, opened, t, w.rng.pick([14, 21, 28]), ['therapy', 'therapy', 'review']);
  w.corr(cs, client, {
    dir: 'in',
    channel: 'letter',
    org: la,
    contact: laOfficer,
    on: plan_issued_on!,
    subject: `Final EHC plan issued – ${client.name}`,
    summary: `Section F names occupational therapy provision (ref ${laRef}).`,
  });
  if (last_review_on) {
    w.corr(cs, client, {
      dir: 'out',
      channel: 'email',
      org: school,
      contact: senco,
      on: addDays(last_review_on, -21),
      subject: 'Annual review contribution – occupational therapy',
    });
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: school,
      contact: senco,
      on: addDays(last_review_on, 10),
      subject: 'Annual review meeting notes',
    });
  }
  if (next_review_meeting_on) {
    const invited = addDays(next_review_meeting_on, -w.rng.int(28, 42));
    const contributionDue = addDays(next_review_meeting_on, -21);
    w.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: school,
      contact: senco,
      on: invited,
      subject: sc.jurisdiction === 'england' ? 'Annual review invitation' : 'Review meeting invitation',
      summary: `Review meeting on ${formatUkDate(next_review_meeting_on)} at ${school.name}; written contributions requested two weeks before.`,
      follow_up_on: contributionDue,
    });
    if (invited <= t && sc.jurisdiction === 'england') {
      w.task(cs, {
        title: `Send OT contribution for annual review on ${formatUkDate(next_review_meeting_on)}`,
        kind: 'statutory',
        hardness: 'hard',
        due_on: contributionDue,
        rule_id: 'EHCP-AR-04',
        trigger_kind: 'review_meeting',
        trigger_on: next_review_meeting_on,
        trigger_ref: laRef,
        rule_key: `EHCP-AR-04|case:${cs.id}|after:${last_review_on ?? plan_issued_on ?? 'none'}`,
        reason: `Advice must be circulated at least 2 weeks before the review meeting on ${formatUkDate(next_review_meeting_on)}; the practice sends it 3 weeks before [EHCP-AR-04; SEND Regs 2014 reg 20].`,
      });
    }
  }
  if (transfer_year) {
    const y6 = sc.variant === 'phase_transfer_6';
    const deadline = `${transfer_year}-${y6 ? '02-15' : '03-31'}` as LocalDate;
    w.task(cs, {
      title: `Phase transfer: plan must be amended by ${formatUkDate(deadline)} – send OT advice on ${y6 ? 'secondary school' : 'post-16 setting'} needs`,
      kind: 'statutory',
      hardness: 'hard',
      due_on: addDays(deadline, -28),
      rule_id: y6 ? 'EHCP-PT-01' : 'EHCP-PT-02',
      trigger_kind: 'phase_transfer',
      trigger_on: deadline,
      trigger_ref: laRef,
    });
    w.corr(cs, client, {
      dir: 'in',
      channel: 'letter',
      org: la,
      contact: laOfficer,
      on: w.past(5, 40),
      subject: `Phase transfer review – ${y6 ? 'secondary school' : 'post-16'} consultation`,
    });
  }
  if (sc.jurisdiction !== 'england') {
    w.task(cs, {
      title:
        sc.jurisdiction === 'wales'
          ? 'Check IDP timescales with Llanfawr ALN team (Welsh ALN Code, not EHCP rules)'
          : 'Confirm CSP review date with Glenmorven ASN team (Scottish ASL Act timescales)',
      kind: 'practice',
      hardness: 'soft',
      due_on: w.softDue(),
    });
  }
  w.genericCorrespondence(cs, client, carers, opened);
  w.genericTasks(cs, carers, w.rng.int(0, 2));
  return cs;
}
