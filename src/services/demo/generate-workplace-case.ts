import { EMPLOYERS } from './fixtures.js';
import type { Case, Client } from './demo-data.js';
import { addDays, minDate } from './demo-calendar.js';
import type { Scenario } from './demo-scenarios.js';
import type { DemoWriter } from './demo-writer.js';

export function generateWorkplaceCase(
  w: DemoWriter,
  stage: Extract<Scenario, { kind: 'workplace' }>['stage'],
  client: Client,
  carers: { name: string; label: string }[],
): Case {
  const t = w.today;
  const employer = w.org('employer');
  const hr = w.contact(employer, /HR|Occupational/);
  const emp = EMPLOYERS.find((e) => e.name === employer.name);
  const job = emp ? w.rng.pick(emp.jobs) : w.rng.pick(['Administrator', 'Sales assistant', 'Driver', 'Team leader']);
  const opened = w.past(stage === 'referred' ? 3 : 25, stage === 'referred' ? 14 : stage === 'review' ? 300 : 90);
  const newStarter = w.rng.chance(0.4);
  const jobStart = newStarter ? addDays(opened, -w.rng.int(0, 20)) : addDays(opened, -w.rng.int(400, 4000));
  const cs = w.addCase({
    client,
    title: `Workplace needs assessment – ${job.toLowerCase()}`,
    line: 'workplace',
    funder_kind: 'employer',
    funder: employer,
    referrer: employer,
    referrer_contact: hr,
    jurisdiction: 'england',
    status: 'open',
    clinician: w.clinician('workplace'),
    opened_on: opened,
  });
  const atw = newStarter && stage !== 'referred' ? addDays(jobStart, w.rng.int(10, 30)) : null;
  w.data.workplace_assessments.push({
    id: w.ids.next(),
    case_id: cs.id,
    employer_org_id: employer.id,
    job_title: job,
    job_start_on: jobStart,
    atw_application_on: atw ? minDate(atw, t) : null,
    stage,
  });
  w.corr(cs, client, { dir: 'in', channel: 'email', org: employer, contact: hr, on: opened, subject: `Workplace assessment referral – ${client.name}` });
  if (newStarter && !atw) {
    w.task(cs, {
      title: 'Tell the client to apply to Access to Work within six weeks of starting the job',
      kind: 'practice',
      hardness: 'soft',
      due_on: addDays(jobStart, 42),
      rule_id: 'ATW-01',
      trigger_kind: 'job_start',
      trigger_on: jobStart,
    });
  }
  if (stage === 'referred')
    w.task(cs, { title: `Book workplace visit at ${employer.name}`, kind: 'practice', hardness: 'soft', due_on: addDays(t, w.rng.int(0, 7)) });
  else {
    const visit = w.weekday(addDays(opened, w.rng.int(7, 14)));
    w.session(cs, visit, 'assessment', { minutes: 120 });
    w.session(cs, visit, 'travel');
    if (stage === 'assessed')
      w.task(cs, { title: `Send workplace assessment report to ${employer.name}`, kind: 'report_back', hardness: 'soft', due_on: addDays(visit, 14) });
    else {
      w.session(cs, addDays(visit, 3), 'report_writing');
      w.corr(cs, client, {
        dir: 'out',
        channel: 'email',
        org: employer,
        contact: hr,
        on: addDays(visit, w.rng.int(7, 12)),
        subject: 'Workplace assessment report and recommendations',
      });
    }
    if (atw)
      w.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: w.org('other', (o) => /Access to Work/.test(o.name)),
        on: minDate(addDays(atw, 20), t),
        subject: 'Access to Work – request for supporting evidence',
      });
    if (stage === 'review') w.regularSessions(cs, addDays(visit, 30), t, 42, ['review']);
  }
  w.genericCorrespondence(cs, client, carers, opened);
  w.genericTasks(cs, carers, w.rng.int(0, 1));
  return cs;
}
