/**
 * The demo practice's clinical findings: for a bounded set of cases, the structured
 * facts every document kind drafts from. EHCP children get background, needs in the four
 * broad areas, standardised scores as each measure reports them, observations, SMART/COPM/GAS
 * goals and fully quantified Section F/G provision; insured and case-managed adults get
 * COPM goals and function; medico-legal claimants the facts an expert report needs; housing
 * and workplace cases their DFG and adjustment facts.
 *
 * Rows are written directly with the demo's seeded ids and timestamps from the demo's day,
 * so the same seed and day give the same rows; the cap keeps a 50,000-client build's cost fixed.
 */
import { MABC_ZONE_WORDS, mabcZoneOfPercentile } from '../../domain/outcomes/scores.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { addDays, formatLongDate } from '../../domain/calendar/local-date.js';
import type { Db } from '../context.js';
import { bulkInsert } from './bulk-insert.js';
import { Rng } from './prng.js';

const CAPS = { ehcp: 60, insurer: 25, medico_legal: 25, housing: 10, workplace: 10, adult: 20 } as const;
type Group = keyof typeof CAPS;
type Row = Record<string, unknown>;
type FindingTable = 'finding_notes' | 'finding_items' | 'assessments' | 'goals' | 'provision_lines';

interface DemoCase {
  id: string;
  opened_on: string;
  service_line: string;
  funder_kind: string;
  clinician_id: string | null;
  client_name: string;
  clinician_name: string | null;
  group: Group;
}

/** Percentile of a normally distributed score (Abramowitz–Stegun erf, ample for one decimal). */
function percentileOf(score: number, mean: number, sd: number): number {
  const z = (score - mean) / sd / Math.SQRT2;
  const t = 1 / (1 + 0.3275911 * Math.abs(z));
  const erf = 1 - ((((1.061405429 * t - 1.453152027) * t + 1.421413741) * t - 0.284496736) * t + 0.254829592) * t * Math.exp(-z * z);
  const p = 50 * (1 + Math.sign(z) * erf);
  return Math.max(0.1, Math.min(99.9, Math.round(p * 10) / 10));
}

function band(standardZ: number): string {
  if (standardZ <= -2) return 'Well below average';
  if (standardZ <= -1) return 'Below average';
  if (standardZ < 1) return 'Average';
  return 'Above average';
}

export interface DemoFindingsCounts {
  cases: number;
}

export async function addDemoFindings(trx: Db, opts: { seed: number; today: LocalDate; newId: () => string }): Promise<DemoFindingsCounts> {
  const rng = new Rng((opts.seed ^ 0xf1_4d15) >>> 0);
  const today = opts.today;
  const stamp = `${today}T09:00:00.000Z`;
  const base = () =>
    trx
      .selectFrom('cases')
      .innerJoin('clients', 'clients.id', 'cases.client_id')
      .leftJoin('users', 'users.id', 'cases.clinician_id')
      .select([
        'cases.id',
        'cases.opened_on',
        'cases.service_line',
        'cases.funder_kind',
        'cases.clinician_id',
        'clients.name as client_name',
        'users.name as clinician_name',
      ])
      .where('cases.status', 'not in', ['closed', 'discharged'])
      .orderBy('cases.id');
  const tag = (group: Group) => (rows: Omit<DemoCase, 'group'>[]) => rows.map((r) => ({ ...r, group }));
  const cases: DemoCase[] = [
    ...tag('ehcp')(
      await base()
        .where((eb) => eb.exists(eb.selectFrom('ehcp_plans').select('ehcp_plans.id').whereRef('ehcp_plans.case_id', '=', 'cases.id')))
        .limit(CAPS.ehcp)
        .execute(),
    ),
    ...tag('insurer')(await base().where('cases.funder_kind', '=', 'insurer').limit(CAPS.insurer).execute()),
    ...tag('medico_legal')(await base().where('cases.service_line', '=', 'medico_legal').limit(CAPS.medico_legal).execute()),
    ...tag('housing')(await base().where('cases.service_line', '=', 'housing').limit(CAPS.housing).execute()),
    ...tag('workplace')(await base().where('cases.service_line', '=', 'workplace').limit(CAPS.workplace).execute()),
    ...tag('adult')(await base().where('cases.service_line', 'in', ['adult_neuro', 'mental_health']).limit(CAPS.adult).execute()),
  ];

  const rows: Record<FindingTable, Row[]> = { finding_notes: [], finding_items: [], assessments: [], goals: [], provision_lines: [] };
  const seen = new Set<string>();
  for (const c of cases) {
    if (seen.has(c.id)) continue;
    seen.add(c.id);
    const w = new CaseWriter(c, rng, opts.newId, stamp, today);
    if (c.group === 'ehcp') w.ehcpChild();
    else if (c.group === 'medico_legal') w.claimant();
    else w.adult();
    for (const t of Object.keys(rows) as FindingTable[]) rows[t].push(...w.rows[t]);
  }
  for (const t of Object.keys(rows) as FindingTable[]) await bulkInsert(trx, t, rows[t]);
  return { cases: seen.size };
}

const EMPTY_ITEM = { on_date: null, setting: null };
const EMPTY_GOAL = {
  area: null,
  target_date: null,
  importance: null,
  performance_baseline: null,
  satisfaction_baseline: null,
  performance_followup: null,
  satisfaction_followup: null,
  gas_weight: null,
  gas_baseline: null,
  gas_outcome: null,
  status: null,
};

class CaseWriter {
  readonly rows: Record<FindingTable, Row[]> = { finding_notes: [], finding_items: [], assessments: [], goals: [], provision_lines: [] };
  private readonly first: string;
  private readonly examiner: string;
  private readonly seenOn: string;
  private readonly pos: Record<FindingTable, number> = { finding_notes: 0, finding_items: 0, assessments: 0, goals: 0, provision_lines: 0 };

  constructor(
    private readonly c: DemoCase,
    private readonly rng: Rng,
    private readonly newId: () => string,
    private readonly stamp: string,
    private readonly today: LocalDate,
  ) {
    this.first = c.client_name.split(' ')[0]!;
    this.examiner = c.clinician_name ?? 'The treating occupational therapist';
    // Seen a few weeks after opening, never after the demo's day (a draft dated today relies on it).
    const seen = addDays(c.opened_on as LocalDate, rng.int(7, 35));
    this.seenOn = seen < today ? seen : addDays(today, -1);
  }

  private add(table: FindingTable, row: Row): void {
    const position = ++this.pos[table];
    if (table === 'finding_notes')
      this.rows[table].push({ id: this.newId(), case_id: this.c.id, ...row, updated_by: this.c.clinician_id, updated_at: this.stamp });
    else this.rows[table].push({ id: this.newId(), case_id: this.c.id, ...row, position, created_at: this.stamp });
  }
  private note(key: string, text: string): void {
    this.add('finding_notes', { key, text });
  }
  private item(kind: 'need' | 'observation' | 'recommendation', area: string | null, text: string, observed = false): void {
    this.add('finding_items', {
      kind,
      area,
      text,
      ...(observed ? { on_date: this.seenOn, setting: this.c.group === 'ehcp' ? 'school classroom' : 'home' } : EMPTY_ITEM),
    });
  }
  private assessment(test: {
    name: string;
    edition: string | null;
    subtest: string | null;
    metric: string;
    mean: number | null;
    sd: number | null;
    area: string;
    score: number | null;
    raw: number | null;
    band?: string | null;
    interpretation: string;
  }): void {
    const scaled = test.mean !== null && test.sd !== null && test.score !== null;
    const sem = test.sd !== null ? Math.round(test.sd * 0.3) : null;
    this.add('assessments', {
      test_name: test.name,
      edition: test.edition,
      test_date: this.seenOn,
      examiner: this.examiner,
      examiner_qualification: 'HCPC-registered occupational therapist',
      subtest: test.subtest,
      raw_score: test.raw,
      derived_score: test.score,
      metric: test.metric,
      mean: null,
      sd: null,
      percentile: scaled ? percentileOf(test.score!, test.mean!, test.sd!) : null,
      ci_low: scaled && sem ? test.score! - 2 * sem : null,
      ci_high: scaled && sem ? test.score! + 2 * sem : null,
      band: test.band !== undefined ? test.band : scaled ? band((test.score! - test.mean!) / test.sd!) : null,
      area: test.area,
      interpretation: test.interpretation,
    });
  }
  private goal(row: Row): void {
    this.add('goals', { ...EMPTY_GOAL, ...row });
  }
  private copm(text: string, area: string, withFollowup: boolean): void {
    const pb = this.rng.int(2, 5);
    const sb = this.rng.int(1, 5);
    this.goal({
      kind: 'copm',
      text,
      area,
      importance: this.rng.int(6, 10),
      performance_baseline: pb,
      satisfaction_baseline: sb,
      performance_followup: withFollowup ? Math.min(10, pb + this.rng.int(1, 4)) : null,
      satisfaction_followup: withFollowup ? Math.min(10, sb + this.rng.int(1, 5)) : null,
    });
  }

  ehcpChild(): void {
    const n = this.first;
    const r = this.rng;
    this.note(
      'bg.medical',
      r.pick([
        `${n} has a diagnosis of developmental coordination disorder (DCD), made by the community paediatrician.`,
        `${n} has a diagnosis of autism spectrum condition and joint hypermobility.`,
        `${n} was born at 31 weeks and has mild diplegic cerebral palsy (GMFCS level I).`,
      ]),
    );
    this.note('bg.developmental', `${n} walked at 19 months and was slow to learn to pedal a bike; parents describe ${n} as "always bumping into things".`);
    this.note('bg.social', `${n} lives with both parents and a younger sibling; the family speak English at home.`);
    this.note('bg.education', `${n} attends a mainstream school and has SEN support with a shared teaching assistant in class.`);
    this.note('bg.previous_input', "Seen by NHS children's occupational therapy for a six-week block of handwriting advice; discharged with a home programme.");
    this.note('views.child', `${n} said: "Writing makes my hand hurt and I never finish." ${n} likes drawing comics and football at break.`);
    this.note('views.parents', `${n}'s parents want ${n} to dress for PE without help and to keep up with written work.`);
    this.note('reason_for_referral', 'The local authority asked for occupational therapy advice for an education, health and care needs assessment.');
    this.note('purpose', 'Advice under regulation 6(1)(c) of the SEND Regulations 2014 for the EHC needs assessment.');
    this.note(
      'method',
      `Standardised assessment 1:1 in a quiet room at school (75 minutes), classroom observation during a literacy lesson (30 minutes) and a parent interview on ${formatLongDate(this.seenOn)}.`,
    );
    this.note('documents_read', 'School SEN support plan; NHS occupational therapy discharge letter; parental contribution to the request.');
    this.note('people_spoken_to', 'Class teacher, SENCO and both parents.');
    this.note('validity', `${n} engaged well with breaks; the results are a fair picture of ${n}'s current abilities.`);
    this.note('strengths', `${n} is creative, persistent and has good verbal reasoning; ${n} responds well to visual timetables.`);
    this.note('tried', 'Pencil grips and a writing slope were tried for one term with little change in speed.');
    this.note(
      'formulation',
      `${n}'s motor coordination and visual-motor integration difficulties explain slow, effortful handwriting and difficulty with dressing; fatigue then affects attention and regulation later in the day.`,
    );
    this.note('limits', 'Sensory processing was assessed by questionnaire only; a home visit was not part of this assessment.');

    this.item('need', 'sensory_physical', `${n} needs to produce legible handwriting at a speed that lets ${n} record ideas in lessons.`);
    this.item('need', 'sensory_physical', `${n} needs to dress and undress for PE independently within the time allowed.`);
    this.item('need', 'cognition_learning', `${n} needs to organise equipment and follow multi-step instructions for practical tasks.`);
    this.item('need', 'semh', `${n} needs to stay regulated in busy, noisy parts of the school day such as lunchtime.`);
    this.item('need', 'communication_interaction', `${n} needs to take part in group work without withdrawing when tasks involve writing.`);
    this.item(
      'observation',
      'sensory_physical',
      `${n} held the pencil in a tight, static tripod grip and copied 14 letters a minute, about half the rate of peers.`,
      true,
    );
    this.item('observation', 'semh', `${n} covered both ears when the class moved to carpet time and needed prompting to return to the table.`, true);
    this.item('recommendation', 'sensory_physical', `A sloped writing board and access to a laptop for longer pieces of writing.`);
    this.item('recommendation', 'semh', `A quiet place to eat lunch with a chosen friend.`);

    const vmi = r.int(66, 84);
    this.assessment({
      name: 'Beery-Buktenica Developmental Test of Visual-Motor Integration (Beery VMI)',
      edition: '6th edition',
      subtest: 'Visual-motor integration',
      metric: 'standard',
      mean: 100,
      sd: 15,
      area: 'sensory_physical',
      score: vmi,
      raw: r.int(12, 20),
      interpretation: `${n} finds copying shapes and letters from a model slow and effortful, which matches the difficulty copying from the board.`,
    });
    const mabc = r.int(3, 6);
    this.assessment({
      name: 'Movement Assessment Battery for Children (Movement ABC)',
      edition: '2nd edition',
      subtest: 'Manual dexterity',
      metric: 'scaled',
      mean: 10,
      sd: 3,
      area: 'sensory_physical',
      score: mabc,
      raw: null,
      // The Movement ABC-2 bands by its own traffic light, never by "below average".
      band: MABC_ZONE_WORDS[mabcZoneOfPercentile(percentileOf(mabc, 10, 3))],
      interpretation: `Fine motor tasks such as threading and posting coins take ${n} longer than other children of the same age.`,
    });
    this.assessment({
      name: 'Sensory Profile 2 (School Companion)',
      edition: '2nd edition',
      subtest: 'Avoiding quadrant',
      metric: 'descriptive',
      mean: null,
      sd: null,
      area: 'semh',
      score: null,
      raw: r.int(40, 58),
      band: 'More than others',
      interpretation: `${n} withdraws from noisy, crowded settings more than most children of the same age.`,
    });

    this.goal({
      kind: 'smart',
      text: `By the end of the summer term ${n} will write three legible sentences independently in 10 minutes so that ${n} can record ideas in lessons.`,
      area: 'sensory_physical',
      target_date: addDays(this.today, 230),
    });
    this.goal({
      kind: 'smart',
      text: `By the end of the spring term ${n} will change for PE independently within 8 minutes on 4 out of 5 occasions.`,
      area: 'sensory_physical',
      target_date: addDays(this.today, 120),
    });
    this.copm('Getting dressed for PE', 'self_care', false);
    this.goal({
      kind: 'gas',
      text: 'Fastens coat zip without help before break',
      area: 'sensory_physical',
      gas_weight: 1,
      gas_baseline: -1,
      gas_outcome: null,
    });
    this.goal({ kind: 'gas', text: 'Stays at the lunch table for the whole of lunch', area: 'semh', gas_weight: 2, gas_baseline: -2, gas_outcome: null });

    const cost = (pence: number) => pence;
    this.add('provision_lines', {
      section: 'F',
      need_ref: 'N1',
      what: 'Individual handwriting and fine motor programme written by the occupational therapist',
      who: 'Teaching assistant',
      qualification: 'trained by the occupational therapist',
      frequency: '3 times a week',
      duration: '20 minutes',
      programme_length: '12 weeks, then reviewed',
      group_size: '1:1',
      delivery: 'direct',
      location: 'quiet area of the classroom',
      review: 'termly by the occupational therapist',
      cost_pence: cost(46_800),
      cost_basis: 'TA time at £13/hour for 36 sessions, 2026 rates',
    });
    this.add('provision_lines', {
      section: 'F',
      need_ref: 'N2',
      what: 'Dressing practice for PE using a backward-chaining plan',
      who: 'Teaching assistant',
      qualification: 'shown the plan by the occupational therapist',
      frequency: 'twice a week',
      duration: '15 minutes',
      programme_length: '8 weeks',
      group_size: '1:1',
      delivery: 'direct',
      location: 'changing room before PE',
      review: 'half-termly by the class teacher',
      cost_pence: cost(10_400),
      cost_basis: 'TA time at £13/hour for 16 sessions, 2026 rates',
    });
    this.add('provision_lines', {
      section: 'F',
      need_ref: 'N4',
      what: 'Movement break from a sensory diet agreed with the occupational therapist',
      who: 'Class teacher',
      qualification: null,
      frequency: 'twice a day',
      duration: '5 minutes',
      programme_length: 'throughout the school year',
      group_size: 'small group of up to 4',
      delivery: 'direct',
      location: 'classroom or hall',
      review: 'at the annual review',
      cost_pence: null,
      cost_basis: null,
    });
    this.add('provision_lines', {
      section: 'G',
      need_ref: 'N1',
      what: 'Occupational therapy review of the programmes and training for school staff',
      who: 'Occupational therapist',
      qualification: 'HCPC-registered',
      frequency: 'once a term',
      duration: '60 minutes',
      programme_length: 'one school year',
      group_size: '1:1',
      delivery: 'indirect',
      location: 'school',
      review: 'at the annual review',
      cost_pence: cost(36_000),
      cost_basis: 'practice rate £120/hour, 3 visits, 2026 rates',
    });
    // The annual review documents read these; a child with a plan in place has them.
    this.note('involvement', `Three school visits this year; programmes reviewed with the TA each term.`);
    this.note('needs_changes', `${n}'s handwriting speed has improved; dressing remains slow.`);
    this.note('amendments', 'Section F: reduce handwriting sessions to twice a week; add touch-typing practice.');
    this.note('continuation', 'Occupational therapy should continue for one more year, then move to school-led programmes.');
    this.note('meeting.attendees', 'Invited: parents, SENCO, class teacher, OT, LA caseworker. Attended: all but the LA caseworker.');
    this.note('meeting.reports', 'OT contribution, school report, parental views.');
    this.note('meeting.views', `${n} said writing is "a bit easier"; parents are pleased with progress.`);
    this.note('meeting.agreed', 'Section B updated; Section F amended as proposed by the OT.');
    this.note('meeting.actions', `SENCO to send the amended draft to the LA within two weeks; OT to train the new TA by half term.`);
    this.note('meeting.recommendation', 'Amend');
  }

  private adultCore(): void {
    const n = this.first;
    const r = this.rng;
    this.note(
      'bg.medical',
      r.pick([
        `${n} had a left total knee replacement and has osteoarthritis of both knees.`,
        `${n} had a right middle cerebral artery stroke with left-sided weakness.`,
        `${n} has multiple sclerosis (relapsing-remitting) with fatigue and reduced balance.`,
        `${n} has chronic low back pain after a lumbar disc prolapse.`,
      ]),
    );
    this.note('bg.social', `${n} lives with a partner in a two-storey house with the bathroom upstairs.`);
    this.note('bg.education', `${n} worked full time as a warehouse supervisor before the current difficulties.`);
    this.note('reason_for_referral', `Assessment of daily living and a rehabilitation plan to help ${n} return to independence.`);
    this.note('purpose', 'Requested by the funder to agree a treatment plan and the sessions needed.');
    this.note('method', `Home assessment with interview, observation of kitchen and bathroom tasks (90 minutes) on ${formatLongDate(this.seenOn)}.`);
    this.note('strengths', `${n} is motivated, has good insight and a supportive partner.`);
    this.note('current_function', `${n} manages washing with the partner's help, cannot use the bath and prepares only simple snacks.`);
    this.note('formulation', `Pain and fatigue limit standing tolerance to about 10 minutes, which explains the difficulty with bathing and cooking.`);
    this.note('barriers', 'Fatigue late in the day; the bathroom is upstairs.');
    this.note('home_programme', 'Graded standing tolerance and energy-conservation plan, practised daily.');
    this.note('equipment', 'Perching stool and bath board issued by the practice; maintained by the family.');
    this.note(
      'insurer.condition',
      r.pick([
        'Osteoarthritis of the knee, onset 2025 (ICD-10 M17.1).',
        'Cerebral infarction, onset 2026 (ICD-10 I63.9).',
        'Low back pain, onset 2025 (ICD-10 M54.5).',
      ]),
    );
    this.note(
      'insurer.rationale',
      `Six sessions of goal-directed occupational therapy are expected to restore independent bathing and light meal preparation.`,
    );
    this.note('insurer.risks', 'Falls risk on the stairs; low mood if progress stalls.');
    this.note('insurer.discharge_plan', 'Discharge to a self-managed home programme after the authorised sessions, with one review call.');
    this.item('need', 'self_care', `${n} needs to bathe safely and independently.`);
    this.item('need', 'productivity', `${n} needs to prepare a hot meal for the household.`);
    this.item('need', 'leisure', `${n} needs to resume walking the dog for 20 minutes.`);
    this.item('observation', 'self_care', `${n} needed a hand from the partner to step over the bath edge and sat to dry the lower legs.`, true);
    this.item('recommendation', 'environment', 'A level-access shower in place of the bath, with a fold-down seat and grab rails.');
    this.assessment({
      name: 'Nottingham Extended Activities of Daily Living Scale',
      edition: null,
      subtest: null,
      metric: 'raw',
      mean: null,
      sd: null,
      area: 'self_care',
      score: null,
      raw: r.int(22, 44),
      band: null,
      interpretation: `${n} needs help with outdoor mobility, kitchen and household tasks.`,
    });
    this.copm('Bathing independently', 'self_care', true);
    this.copm('Cooking an evening meal', 'productivity', true);
    this.copm('Walking the dog', 'leisure', false);
    this.goal({
      kind: 'smart',
      text: `Within 6 weeks ${n} will shower independently using a seat and grab rails on 5 days out of 7.`,
      area: 'self_care',
      target_date: addDays(this.today, 42),
    });
    this.goal({ kind: 'gas', text: 'Prepares a hot meal standing with rests', area: 'productivity', gas_weight: 1, gas_baseline: -1, gas_outcome: 0 });
    this.note('discharge.reason', 'Goals met within the authorised sessions.');
    this.note('discharge.done', 'Assessment, six sessions of graded activity and bathroom equipment.');
    this.note('discharge.remaining', 'Stairs remain slow; no further OT need at present.');
    this.note('re_referral', 'Through the GP or the insurer if function deteriorates.');
    // Housing and workplace facts: only the DFG and workplace reports read them.
    this.note('dfg.household', `${n} (disabled occupant and applicant), owner-occupier, lives with a partner.`);
    this.note('dfg.prognosis', 'Condition expected to be stable over the next five years.');
    this.note('dfg.alternatives', 'Bath board and bath lift tried; unsafe because of the step over the bath edge.');
    this.note('dfg.specification', 'Level-access shower 1200 × 900 mm, thermostatic shower, fold-down seat at 480 mm, two grab rails.');
    this.note('dfg.priority', 'High: interim strip-washing at the sink.');
    this.note('dfg.agreement', `${n} agreed the recommendation on ${formatLongDate(this.seenOn)}.`);
    this.note('work.consent_scope', `${n} agreed the employer may see the recommendations and functional summary, not the medical history.`);
    this.note('work.condition', 'Can sit for 30 minutes and stand for 10 minutes at a time; lifting limited to 5 kg.');
    this.note('work.job_demands', 'Supervising a team, computer work 4 hours a day, occasional lifting of boxes.');
    this.note('work.barriers', 'Fixed-height desk; long commute at peak times.');
    this.note('work.fitness', 'Fit for work with adjustments for the next three months, then reviewed.');
  }

  adult(): void {
    this.adultCore();
  }

  claimant(): void {
    this.adultCore();
    const n = this.first;
    this.note(
      'ml.qualifications',
      'BSc (Hons) Occupational Therapy; HCPC registered; 15 years in neurological and musculoskeletal rehabilitation; member of BAOT.',
    );
    this.note('ml.literature', 'Royal College of Occupational Therapists, Professional Standards (2021); the Rehabilitation Code 2015.');
    this.note('ml.instructions', 'Letter of instruction asking for a care and needs report on past and future care, aids, equipment and housing.');
    this.note('ml.own_knowledge', 'Facts from my assessment are within my own knowledge; the medical history is taken from the records listed.');
    this.note('ml.examiners', 'I carried out all assessments myself; no one assisted.');
    this.note(
      'ml.range_of_opinion',
      `Some experts would allow fewer hours of care, on the view that ${n} manages washing and dressing alone on good days. I prefer the higher figure because at my assessment ${n} needed help to get out of the bath and to dress the lower body, the orthopaedic evidence describes pain that varies from day to day, and ${n}'s partner's account of help given on most days matched what I saw.`,
    );
    this.note('ml.conclusions', `${n} needs 6 hours a week of gratuitous care now and 4 hours a week for life, with equipment and an adapted shower.`);
    this.note('ml.opinion_qualifications', 'My opinion on future care depends on the orthopaedic prognosis.');
    this.note('ml.assessment', `At ${n}'s home on ${formatLongDate(this.seenOn)}, 3 hours, with ${n}'s partner present.`);
    this.note('ml.pre_accident', `${n} was fully independent, worked full time and did all the DIY and gardening.`);
    this.note('ml.accident', `${n} was the driver in a rear-end collision and sustained a fractured right wrist and whiplash injury.`);
    this.note('ml.day_in_life', `${n} needs help to wash hair and cut food; the partner does all the cooking and cleaning.`);
    this.note('ml.past_care', 'Partner provided 14 hours a week for 12 weeks, then 6 hours a week.');
    this.note('ml.future_care', '4 hours a week for life at the aggregate rate.');
    this.note('ml.equipment', 'Perching stool, long-handled sponge, kettle tipper.');
    this.note('ml.housing', 'Level-access shower in place of the bath.');
    this.note('ml.transport', 'Automatic car with power steering.');
    this.note('ml.holidays', 'Additional cost of assisted travel once a year.');
    this.note('ml.leisure', 'Unable to return to five-a-side football.');
    this.note('ml.work', 'Returned to work on reduced hours.');
    this.note('ml.diy', 'Cannot do DIY or gardening; 20 hours a year at commercial rates.');
    this.note('ml.case_management', 'Not needed at present.');
    this.note('ml.therapies', 'Six sessions of hand therapy.');
  }
}
