/** Medico-legal documents: expert report to CPR Part 35 / PD35, and the Rehabilitation Code INA. */
import { formatPounds } from '../../domain/money/pence.js';
import { longDate, type Composer } from '../composer.js';
import { DUTY_DECLARATION, STATEMENT_OF_TRUTH, pd35Tag } from '../pd35.js';
import { clientName, goals, narrative, provisionRow, reportDateRow, scores, signOff } from './common.js';

const CAPACITY: Record<string, string> = { claimant: 'the claimant', defendant: 'the defendant', single_joint: 'the parties jointly, as single joint expert' };

export function expertReport(c: Composer): void {
  const ml = c.src.medico_legal;
  c.title = `${c.title}${ml?.report_type === 'condition_and_prognosis' ? ' on condition and prognosis' : ' on care and related needs'}`;
  c.para('Addressed to the court (PD35 3.1).');
  c.heading('Cover');
  c.fields([
    ['Claimant', clientName(c)],
    ['Date of birth', c.date(c.src.client?.dob, 'client.dob', "claimant's date of birth")],
    ['Date of accident', c.date(ml?.accident_date, 'medico_legal.accident_date', 'date of accident')],
    ['Claim number', c.f(ml?.court_claim_number || null, 'medico_legal.court_claim_number', 'court claim number')],
    [
      'Instructing party',
      ml
        ? (c.uses('medico_legal.instructed_by'),
          `Instructed on behalf of ${CAPACITY[ml.instructed_by] ?? ml.instructed_by}${ml.solicitor_name ? ` by ${ml.solicitor_name}` : ''}`)
        : c.need('medico_legal', 'the instruction (who instructs, in what capacity)'),
    ],
    ['Reference', c.f(ml?.claim_reference || null, 'medico_legal.claim_reference', "instructing solicitor's reference")],
    [
      'Expert',
      `${c.f(c.src.author?.name, 'author.name', "expert's name")}, HCPC ${c.f(c.src.author?.hcpc_number, 'author.hcpc_number', "expert's HCPC number")}`,
    ],
    ['Date of instruction', c.date(ml?.instructed_on, 'medico_legal.instructed_on', 'date of instruction')],
    reportDateRow(c),
  ]);
  c.heading('1. Summary of conclusions', 1);
  c.para(c.note('ml.conclusions'), [pd35Tag('3.2(7)')]);
  c.heading("2. The expert's qualifications and experience");
  c.para(c.note('ml.qualifications'), [pd35Tag('3.2(1)')]);
  c.heading('3. Instructions');
  c.para(c.note('ml.instructions'), [pd35Tag('3.2(3)')]);
  c.heading('4. Documents and literature relied on');
  c.para(c.note('documents_read'), [pd35Tag('3.2(2)')]);
  c.para(c.note('ml.literature'), [pd35Tag('3.2(2)')]);
  c.heading('5. The assessment');
  c.para(c.note('ml.assessment'));
  c.para(c.note('ml.examiners'), [pd35Tag('3.2(5)')]);
  c.heading('6. Facts within my own knowledge');
  c.para(c.note('ml.own_knowledge'), [pd35Tag('3.2(4)')]);
  narrative(c, '7. Background', 'bg.social');
  narrative(c, '8. Pre-accident history', 'ml.pre_accident');
  narrative(c, '9. The accident, injuries and treatment', 'ml.accident');
  c.heading('10. Current situation');
  c.para(c.note('current_function'));
  if (c.src.assessments.length) scores(c);
  narrative(c, '11. A day in the life', 'ml.day_in_life');
  narrative(c, '12. Past care and assistance', 'ml.past_care');
  c.heading('13. Future care');
  c.para(c.note('ml.future_care'));
  const costed = c.src.provision.filter((p) => p.cost_pence !== null);
  narrative(c, '14. Aids and equipment', 'ml.equipment');
  narrative(c, '15. Housing and accommodation', 'ml.housing');
  narrative(c, '16. Transport', 'ml.transport');
  narrative(c, '17. Holidays', 'ml.holidays');
  narrative(c, '18. Leisure', 'ml.leisure');
  narrative(c, '19. Work or education', 'ml.work');
  narrative(c, '20. DIY, gardening and decorating', 'ml.diy');
  narrative(c, '21. Case management', 'ml.case_management');
  narrative(c, '22. Therapies', 'ml.therapies');
  c.heading('23. Range of opinion');
  c.para(c.note('ml.range_of_opinion'), [pd35Tag('3.2(6)')]);
  c.heading('24. Qualifications to my opinion');
  c.para(c.note('ml.opinion_qualifications'), [pd35Tag('3.2(8)')]);
  c.heading('25. Costed schedule');
  if (costed.length) {
    c.table(
      ['Item', 'Basis', 'Cost'],
      costed.map((p) => {
        c.uses(`provision:${p.id}`);
        return [
          p.what,
          c.f(p.cost_basis, `provision:${p.id}.cost_basis`, `source and basis of the cost of "${p.what.slice(0, 40)}"`),
          formatPounds(p.cost_pence!),
        ];
      }),
      ['costs'],
    );
    c.uses(...costed.map((p) => `provision:${p.id}`));
    c.para(
      `Total of the items above: ${formatPounds(costed.reduce((t, p) => t + p.cost_pence!, 0))}. Multipliers and the discount rate are matters for the lawyers.`,
    );
  } else c.para(c.need('costs', 'costed items (item, unit price, frequency, source)'));
  c.heading('26. Declaration and statement of truth', 1);
  c.para(DUTY_DECLARATION, [pd35Tag('3.2(9)'), 'declaration']);
  c.para(STATEMENT_OF_TRUTH, ['statement-of-truth']);
  signOff(c);
}

const MARKERS = [
  'age',
  'pre-accident physical and psychosocial issues',
  'return to work or education',
  'dependants at home',
  'geography',
  'mental capacity',
  'short- and long-term daily living',
  'realistic goals',
  'fatality or witnessed major trauma',
  'time since the accident',
];

export function inaReport(c: Composer): void {
  const ml = c.src.medico_legal;
  c.heading('1. Details');
  c.fields([
    ['Claimant', clientName(c)],
    ['Date of birth', c.date(c.src.client?.dob, 'client.dob', "claimant's date of birth")],
    ['Date of accident', c.date(ml?.accident_date, 'medico_legal.accident_date', 'date of accident')],
    [
      'Instructed by',
      ml
        ? (c.uses('medico_legal'), `${ml.solicitor_name ?? 'solicitors'} for ${CAPACITY[ml.instructed_by] ?? ml.instructed_by}`)
        : c.need('medico_legal', 'who instructed this assessment'),
    ],
    ['Reference', c.f(ml?.claim_reference || null, 'medico_legal.claim_reference', 'references of both sides')],
    [
      'Assessor',
      `${c.f(c.src.author?.name, 'author.name', "assessor's name")}, ${c.f(c.src.author?.qualifications, 'author.qualifications', "assessor's qualifications")}`,
    ],
    reportDateRow(c),
  ]);
  c.para(`Consent: ${c.note('ina.consent')}`);
  narrative(c, '2. Sources and who was present', 'ml.assessment');
  narrative(c, '3. Injuries and treatment so far', 'ina.injuries');
  c.heading('4. Current function');
  c.para(c.note('current_function'));
  for (const o of c.src.observations) {
    c.uses(`observation:${o.id}`);
    c.para(`${o.on_date ? `${longDate(o.on_date)}: ` : ''}${o.text}`);
  }
  narrative(c, '5. Life before the accident', 'ml.pre_accident');
  narrative(c, '6. Home and support network', 'ina.home_support');
  c.heading("7. The Rehabilitation Code's markers");
  c.uses('note:ina.markers');
  c.para(`Markers considered: ${MARKERS.join('; ')}.`);
  c.para(c.note('ina.markers'));
  c.heading('8. Immediate needs');
  if (c.src.provision.length) {
    c.table(
      ['Intervention', 'Provider', 'How often and how long', 'Cost'],
      c.src.provision.map((p) => {
        const r = provisionRow(c, p);
        return [
          p.what,
          r[2]!,
          r[3]!,
          p.cost_pence !== null ? formatPounds(p.cost_pence) : c.need(`provision:${p.id}.cost`, `cost of "${p.what.slice(0, 40)}"`),
        ];
      }),
      ['provision'],
    );
    const costed = c.src.provision.filter((p) => p.cost_pence !== null);
    c.uses(...costed.map((p) => `provision:${p.id}`));
    c.heading('9. Costed summary', 1);
    c.para(`Total of costed recommendations: ${formatPounds(costed.reduce((t, p) => t + p.cost_pence!, 0))}.`);
  } else {
    c.para(c.need('provision', 'immediate needs: intervention, provider, frequency, start date, cost'));
  }
  c.heading('10. Goals and review');
  goals(c, { baselineOnly: true });
  c.heading('11. Statement of independence');
  c.uses('author.name');
  c.para('This assessment was carried out independently under the Rehabilitation Code 2015. It does not comment on liability.');
  signOff(c);
}
