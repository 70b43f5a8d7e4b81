import { addMonths, type LocalDate } from '../../domain/calendar/local-date.js';
import { addDays, minDate } from './demo-calendar.js';
import type { DemoWriter } from './demo-writer.js';

/**
 * The practice's compliance register (COMP-* rules). The renewal tasks themselves are the
 * deadline engine's to plan from these rows; the demo adds only the practice's own chores.
 */
export function generatePracticeTasks(w: DemoWriter): void {
  const t = w.today;
  const owner = w.staff[0]!.id;
  const admin = w.users[4]!.id;
  const item = (rule_id: string, title: string, user_id: string | null, reference: string, last_done_on: LocalDate) =>
    w.data.compliance_items.push({
      id: w.ids.next(),
      rule_id,
      title,
      user_id,
      reference,
      last_done_on,
      notes: '',
      created_at: w.stamp(minDate(last_done_on, t), 15),
    });
  // OTs renew in the August–October window of odd years (COMP-HCPC-01): each renewed in the latest window.
  const [ty] = t.split('-').map(Number) as [number];
  let windowYear = ty % 2 === 1 ? ty : ty - 1;
  if (`${windowYear}-08-01` > t) windowYear -= 2;
  w.staff.forEach((s, i) => {
    const hcpc = w.users.find((u) => u.id === s.id)!.hcpc_number ?? '';
    const renewed = minDate(addDays(`${windowYear}-08-01` as LocalDate, w.rng.int(0, 91)), t);
    item('COMP-HCPC-01', 'HCPC registration', s.id, hcpc, renewed);
    // A new starter's DBS certificate arrived recently: they must join the Update Service within 30 days (COMP-DBS-01).
    if (i === w.staff.length - 1) item('COMP-DBS-01', 'Join the DBS Update Service', s.id, `00${w.rng.digits(10)}`, w.past(8, 25));
  });
  item('COMP-IND-01', 'Professional indemnity insurance', null, `PI-${w.rng.digits(7)}`, addMonths(addDays(t, w.rng.int(20, 60)), -12));
  item('COMP-ICO-01', 'ICO data protection fee', null, `ZB${w.rng.digits(6)}`, addMonths(addDays(t, w.rng.int(5, 40)), -12));
  item('COMP-CE-01', 'Cyber Essentials certificate', null, `CE-${w.rng.digits(6)}`, w.past(100, 300));
  item('COMP-RCOT-01', 'RCOT membership (needed for Bupa recognition)', owner, `RCOT-${w.rng.digits(6)}`, w.past(30, 330));
  // The DSPT was last submitted before the most recent 30 June deadline.
  const [dy] = t.split('-').map(Number) as [number];
  const lastJune = `${t.slice(5) >= '06-30' ? dy : dy - 1}-06-30` as LocalDate;
  item('COMP-DSPT-01', 'Data Security and Protection Toolkit', null, `DSPT-${w.rng.digits(5)}`, addDays(lastJune, -w.rng.int(3, 40)));
  // Subject access requests (GDPR-02): one waiting for an answer, one answered.
  // (Written before any client exists, so the requests name the requester only.)
  const sar = (requester: string, received_on: LocalDate, responded_on: LocalDate | null) =>
    w.data.subject_access_requests.push({
      id: w.ids.next(),
      client_id: null,
      requester,
      received_on,
      extended: 0,
      responded_on,
      notes: '',
      created_at: w.stamp(received_on, 30),
    });
  sar('Harrowgate Lane Solicitors, for a former client', w.past(6, 20), null);
  sar('Parent of a former client', w.past(60, 120), w.past(20, 40));
  w.task(null, { title: 'Month-end aged debt check and chasers', kind: 'practice', hardness: 'soft', due_on: t, assignee: admin });
  w.task(null, {
    title: 'Update the referrer mailing list',
    kind: 'practice',
    hardness: 'soft',
    due_on: addDays(t, w.rng.int(3, 30)),
    assignee: admin,
  });
  w.task(null, {
    title: 'Clinical supervision notes for the quarter',
    kind: 'practice',
    hardness: 'soft',
    due_on: addDays(t, -w.rng.int(1, 6)),
    assignee: owner,
  });
  w.task(null, {
    title: 'CPD portfolio update',
    kind: 'practice',
    hardness: 'soft',
    due_on: addDays(t, -w.rng.int(15, 40)),
    assignee: owner,
    done: true,
  });
}
