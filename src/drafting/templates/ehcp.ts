/** EHCP documents: advice for a needs assessment, annual review contribution and summary. */
import { longDate, type Composer } from '../composer.js';
import type { LaProfile } from '../source.js';
import {
  assessedDates,
  clientName,
  findingsByArea,
  firstName,
  goals,
  narrative,
  needsList,
  nhsNumber,
  provisionTables,
  reportDateRow,
  scores,
  sessionsSummary,
  signOff,
  smartOutcomes,
} from './common.js';

/** The SEND Code of Practice layout, used when the child's LA has no profile. */
export const EHCP_ADVICE_SECTIONS = [
  'front_sheet',
  'purpose',
  'background',
  'views',
  'strengths',
  'findings',
  'needs',
  'outcomes',
  'provision',
  'tried',
  'limits',
  'sign_off',
  'appendix',
] as const;
export type EhcpAdviceSection = (typeof EHCP_ADVICE_SECTIONS)[number];

export const EHCP_ADVICE_HEADINGS: Record<EhcpAdviceSection, string> = {
  front_sheet: 'Front sheet',
  purpose: 'Purpose and method',
  background: 'Background',
  views: "The child's and parents' views",
  strengths: 'Strengths',
  findings: 'Findings by area',
  needs: 'Summary of needs (for Section B)',
  outcomes: 'Outcomes (for Section E)',
  provision: 'Provision (for Sections F, G and H)',
  tried: 'What has been tried already',
  limits: 'Limits on this opinion',
  sign_off: 'Sign-off',
  appendix: 'Appendix: standardised assessment results',
};

export const FRONT_SHEET_FIELDS = [
  'name',
  'forename',
  'surname',
  'dob',
  'gender',
  'nhs_number',
  'school',
  'year_group',
  'parents',
  'la_reference',
  'request_received',
  'assessed',
  'report_date',
  'author',
  'hcpc',
] as const;
const DEFAULT_FRONT_SHEET = [
  'name',
  'dob',
  'nhs_number',
  'school',
  'year_group',
  'parents',
  'la_reference',
  'request_received',
  'assessed',
  'report_date',
  'author',
  'hcpc',
];

function frontSheetRow(c: Composer, field: string): [string, string] | null {
  const s = c.src;
  const [fore, ...rest] = (s.client?.name ?? '').trim().split(/\s+/);
  switch (field) {
    case 'name':
      return ['Name', clientName(c)];
    case 'forename':
      return ['Forename', c.f(fore, 'client.name', "child's forename")];
    case 'surname':
      return ['Surname', c.f(rest.join(' '), 'client.name', "child's surname")];
    case 'dob':
      return ['Date of birth', c.date(s.client?.dob, 'client.dob', 'date of birth')];
    case 'gender':
      return ['Gender', c.need('client.gender', "child's gender (asked for by this LA's form)")];
    case 'nhs_number':
      return ['NHS number', nhsNumber(c)];
    case 'school':
      return ['School or setting', c.f(s.ehcp?.school_name, 'ehcp.school', 'school or setting')];
    case 'year_group':
      return ['Year group', c.f(s.ehcp?.year_group, 'ehcp.year_group', 'year group')];
    case 'parents':
      return [
        'People with parental responsibility',
        s.parents.length ? (c.uses('client.contacts'), s.parents.join(', ')) : c.need('client.parents', 'people with parental responsibility'),
      ];
    case 'la_reference':
      return ['LA reference', c.f(s.ehcp?.la_reference, 'ehcp.la_reference', 'LA reference')];
    case 'request_received':
      return ['Date request received', c.date(s.ehcp?.advice_requested_on, 'ehcp.advice_requested_on', 'date the advice request was received')];
    case 'assessed':
      return ['Date(s) assessed', assessedDates(c)];
    case 'report_date':
      return reportDateRow(c);
    case 'author':
      return ['Author and role', `${c.f(s.author?.name, 'author.name', "author's name")}, ${c.f(s.author?.role, 'author.role', "author's role")}`];
    case 'hcpc':
      return ['HCPC number', c.f(s.author?.hcpc_number, 'author.hcpc_number', "author's HCPC number")];
    default:
      return null;
  }
}

/** Profile order first; any section the profile leaves out follows in the default order, so nothing recorded is dropped. */
export function adviceSectionOrder(profile: LaProfile | null): EhcpAdviceSection[] {
  const known = (profile?.section_order ?? []).filter((k): k is EhcpAdviceSection => (EHCP_ADVICE_SECTIONS as readonly string[]).includes(k));
  const order = [...new Set(known)];
  for (const k of EHCP_ADVICE_SECTIONS) if (!order.includes(k)) order.push(k);
  // The signature closes the advice wherever a profile puts it; only the appendix may follow.
  const tail = order.filter((k) => k === 'sign_off' || k === 'appendix');
  return [...order.filter((k) => k !== 'sign_off' && k !== 'appendix'), ...tail];
}

export function ehcpAdvice(c: Composer): void {
  const profile = c.src.la_profile;
  const heading = (k: EhcpAdviceSection) => profile?.headings[k] ?? EHCP_ADVICE_HEADINGS[k];
  const scoresIn = profile?.scores_in ?? 'appendix';
  if (profile) c.letterheadExtra.push(`Laid out to the ${profile.name} profile`);
  let n = 0;
  for (const section of adviceSectionOrder(profile)) {
    const title = section === 'front_sheet' || section === 'appendix' ? heading(section) : `${++n}. ${heading(section)}`;
    if (section === 'appendix') {
      if (scoresIn !== 'appendix' || c.src.assessments.length === 0) continue;
      c.heading(title);
      scores(c, { sentences: false });
      continue;
    }
    if (section === 'sign_off') {
      signOff(c, { heading: title });
      if (profile?.return_to) {
        c.uses('la_profile.return_to');
        c.para(`Return this advice to: ${profile.return_to}`);
      }
      continue;
    }
    c.heading(title);
    switch (section) {
      case 'front_sheet': {
        const fields = profile?.front_sheet_fields.length ? profile.front_sheet_fields : DEFAULT_FRONT_SHEET;
        c.fields(
          fields.map((f) => frontSheetRow(c, f)).filter((r): r is [string, string] => r !== null),
          ['front-sheet'],
        );
        break;
      }
      case 'purpose':
        c.para(`Requested by: ${c.f(c.src.ehcp?.la_name, 'ehcp.la', 'the local authority that asked for this advice')}. ${c.note('purpose')}`);
        c.para(c.note('method'));
        c.para(`Documents read: ${c.note('documents_read')}`);
        c.para(`People spoken to: ${c.note('people_spoken_to')}`);
        break;
      case 'background':
        c.para(c.note('bg.medical'));
        c.para(c.note('bg.developmental'));
        c.para(c.note('bg.education'));
        break;
      case 'views':
        c.heading(`${firstName(c)}'s views`, 2);
        c.para(c.note('views.child'));
        c.heading("Parents' views", 2);
        c.para(c.note('views.parents'));
        break;
      case 'strengths':
        c.para(c.note('strengths'));
        break;
      case 'findings':
        findingsByArea(c);
        if (scoresIn === 'body' && c.src.assessments.length) scores(c, { sentences: false });
        break;
      case 'needs':
        needsList(c, { numbered: true });
        break;
      case 'outcomes':
        smartOutcomes(c);
        break;
      case 'provision':
        provisionTables(c, { layout: profile?.provision_layout ?? 'split' });
        break;
      case 'tried':
        c.para(c.note('tried'));
        break;
      case 'limits':
        c.para(c.note('limits'));
        break;
    }
  }
}

export function annualReviewContribution(c: Composer): void {
  const e = c.src.ehcp;
  c.heading('Front sheet');
  c.fields([
    ['Name', clientName(c)],
    ['Date of birth', c.date(c.src.client?.dob, 'client.dob', 'date of birth')],
    ['School or setting', c.f(e?.school_name, 'ehcp.school', 'school or setting')],
    ['Year group', c.f(e?.year_group, 'ehcp.year_group', 'year group')],
    ['LA reference', c.f(e?.la_reference, 'ehcp.la_reference', 'LA reference')],
    ['Date of the plan', c.date(e?.plan_issued_on, 'ehcp.plan_issued_on', 'date of the plan')],
    ['Date of the review meeting', c.date(e?.next_review_meeting_on, 'ehcp.next_review_meeting_on', 'date of the review meeting')],
    reportDateRow(c),
  ]);
  c.heading('1. Involvement since the last review');
  sessionsSummary(c);
  c.para(c.note('involvement'));
  c.heading('2. Progress against each Section E outcome');
  goals(c);
  scores(c);
  c.heading('3. Changes in needs');
  c.para(c.note('needs_changes'));
  c.heading('4. Proposed amendments, by section');
  c.para(c.note('amendments'));
  c.heading('5. Provision now required (Sections F, G and H)');
  provisionTables(c);
  c.heading('6. Should OT continue, change or stop');
  c.para(c.note('continuation'));
  c.heading('7. Transition');
  c.para(c.note('transition'));
  signOff(c);
}

export function annualReviewSummary(c: Composer): void {
  const e = c.src.ehcp;
  c.fields([
    ['Child', clientName(c)],
    ['Date of birth', c.date(c.src.client?.dob, 'client.dob', 'date of birth')],
    ['Review date', c.date(e?.last_review_on, 'ehcp.last_review_on', 'date of the review meeting')],
    ['Plan date', c.date(e?.plan_issued_on, 'ehcp.plan_issued_on', 'date of the plan')],
    ['LA reference', c.f(e?.la_reference, 'ehcp.la_reference', 'LA reference')],
  ]);
  narrative(c, '1. Who was invited and who attended', 'meeting.attendees');
  narrative(c, '2. Reports received', 'meeting.reports');
  narrative(c, "3. The child's and parents' views", 'meeting.views');
  c.heading('4. Progress per outcome');
  goals(c);
  narrative(c, '5. Changes agreed, section by section', 'meeting.agreed');
  narrative(c, '6. Actions', 'meeting.actions');
  narrative(c, '7. Recommendation', 'meeting.recommendation');
  c.heading('8. Next steps');
  if (e?.last_review_on) {
    c.uses('ehcp.last_review_on');
    c.para(
      `The local authority must tell the family whether it will maintain, amend or cease the plan within 4 weeks of the meeting (EHCP-AR-06). The meeting was held on ${longDate(e.last_review_on)}.`,
    );
  } else c.para(c.need('ehcp.last_review_on', 'date of the review meeting'));
  signOff(c);
}
