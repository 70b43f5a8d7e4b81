import { describe, expect, it } from 'vitest';
import { checkOtherClients, nameIndex } from '../../src/drafting/checks/other-client.js';
import { checkPd35 } from '../../src/drafting/checks/pd35.js';
import { checkDates } from '../../src/drafting/checks/dates.js';
import { matchesReferenceFormat } from '../../src/drafting/checks/index.js';
import { checkProvisionText, provisionLineProblem } from '../../src/drafting/checks/provision.js';
import { composeDocument, emptySource, runChecks } from '../../src/drafting/index.js';
import { fullSource, STATEMENT_OF_TRUTH, TODAY } from './fixtures.js';

describe('Section F specificity (EHCP-F-01)', () => {
  it.each([
    ['Sam will have access to OT.', /"access to"/],
    ['Opportunities for movement breaks throughout the day.', /"opportunities"/],
    ['OT input as required.', /"as required", "input"|"input"/],
    ['Regular OT sessions.', /"regular"/],
    ['Support with handwriting.', /"support"/],
    ['Sam would benefit from OT.', /"would benefit from"/],
  ])('flags vague wording: %s', (line, re) => {
    const f = checkProvisionText(line);
    expect(f).toHaveLength(1);
    expect(f[0]!.problem).toMatch(re);
    expect(f[0]!.line).toBe(1);
  });

  it.each([
    ['A learning support assistant will deliver a handwriting programme for 20 minutes daily.'],
    ['Weekly 45-minute 1:1 sessions with an HCPC-registered occupational therapist for 12 weeks.'],
    ['Regular sensory circuit: 15 minutes, 3 times a week, run by a TA trained by the OT.'],
    ['Access to a writing slope, set up by the class teacher for 10 minutes each morning.'],
    ['An OT will see Sam 2x weekly for 30 mins.'],
  ])('passes a fully quantified line even with a flagged word: %s', (line) => {
    expect(provisionLineProblem(line)).toBeNull();
  });

  it.each([
    ['Handwriting programme delivered by a TA 3 times a week.', 'how long'],
    ['Handwriting programme by a TA for 20 minutes.', 'how often'],
    ['Handwriting programme, 20 minutes daily.', 'who delivers it'],
  ])('names what is missing: %s', (line, missing) => {
    expect(provisionLineProblem(line)).toBe(`does not say ${missing}`);
  });

  it('does not read "ot" inside a word as an occupational therapist', () => {
    expect(provisionLineProblem('Hot-desk practice for 20 minutes daily.')).toBe('does not say who delivers it');
  });

  it('reports the 1-based line numbers of a multi-line file and skips blank lines', () => {
    const f = checkProvisionText('A TA for 20 minutes daily.\n\nRegular support.\nAn OT 1x weekly for 45 minutes.\nInput as needed.');
    expect(f.map((x) => x.line)).toEqual([3, 5]);
  });

  it('in a whole document reads only the provision section', () => {
    const doc = [
      '# Background',
      'Sam had regular support at nursery.',
      '# Provision',
      '| N1 | Handwriting | TA | 3 times a week, 20 minutes |',
      '- Access to OT as required.',
      '# Outcomes',
      'Sam will write legibly.',
    ].join('\n');
    const f = checkProvisionText(doc);
    expect(f).toHaveLength(1);
    expect(f[0]).toMatchObject({ line: 5, text: '- Access to OT as required.' });
  });

  it('keeps a numbered provision line that names a person inside the provision section', () => {
    const doc = ['Section F', '1. Handwriting programme by a TA', '2. An OT for 30 minutes weekly'].join('\n');
    expect(checkProvisionText(doc).map((x) => x.line)).toEqual([2]);
  });
});

describe('other client details (the copy-and-paste error)', () => {
  const index = nameIndex(
    [
      { name: 'Sam Testworth', dob: '2017-05-03' },
      { name: 'Riley Otherchild', dob: '2016-01-09' },
      { name: 'Jo', dob: null },
    ],
    ['Sam Testworth'],
  );
  const self = { name: 'Sam Testworth', dob: '2017-05-03' };

  it("finds another client's full name, whatever the case", () => {
    const f = checkOtherClients('Sam enjoyed the session.\nRILEY OTHERCHILD was seen in class.', self, index);
    expect(f).toEqual([{ line: 2, problem: 'Names another client, Riley Otherchild: is this text copied from their document?' }]);
  });
  it('ignores a shared first name alone and the client themself', () => {
    expect(checkOtherClients('Riley and Sam Testworth played.', self, index)).toEqual([]);
  });
  it.each(['Date of birth: 09/01/2016', 'DOB 9 January 2016', 'born on 2016-01-09'])("flags a date of birth that is not this client's: %s", (t) => {
    const f = checkOtherClients(t, self, index, new Set(['2016-01-09']));
    expect(f).toHaveLength(1);
    expect(f[0]!.problem).toMatch(/another client's date of birth/);
  });
  it("accepts the client's own date of birth in any format", () => {
    expect(checkOtherClients('Date of birth 3 May 2017; DOB 03/05/2017', self, index)).toEqual([]);
  });
});

describe('PD35 completeness', () => {
  it('a fully recorded expert report passes, with the statement of truth verbatim', () => {
    const m = composeDocument('expert-report', fullSource());
    expect(checkPd35(m.blocks)).toEqual([]);
  });
  it('an empty expert report lists every 3.2 item still a placeholder, but keeps the fixed wording', () => {
    const f = checkPd35(composeDocument('expert-report', emptySource(TODAY)).blocks);
    expect(f.map((x) => x.item)).toEqual(['3.2(1)', '3.2(2)', '3.2(3)', '3.2(4)', '3.2(5)', '3.2(6)', '3.2(7)', '3.2(8)']);
  });
  it('a range of opinion that gives no reasons is caught', () => {
    const src = fullSource();
    src.notes['ml.range_of_opinion'] = 'Some experts would allow fewer hours of care. I do not agree.';
    expect(checkPd35(composeDocument('expert-report', src).blocks)).toEqual([
      { item: '3.2(6)', problem: 'PD35 3.2(6): the range of opinion gives no reasons for the expert’s own view: say why ("because …").' },
    ]);
  });
  it('a reworded statement of truth is caught', () => {
    const m = composeDocument('expert-report', fullSource());
    const b = m.blocks.find((x) => x.tags?.includes('statement-of-truth'))!;
    b.text = STATEMENT_OF_TRUTH.replace('true and complete', 'complete and true');
    expect(checkPd35(m.blocks).map((x) => x.item)).toEqual(['3.3']);
  });
});

describe('dates that contradict the case', () => {
  it('flags a test dated after today, one before birth, and a case closed before it opened', () => {
    const s = fullSource();
    s.assessments[0]!.test_date = '2026-12-01';
    s.observations[0]!.on_date = '2010-01-01';
    s.case!.closed_on = '2026-08-01';
    const f = checkDates(s).map((x) => x.field);
    expect(f).toEqual(['assessment:a1.test_date', 'observation:o1.on_date', 'case.closed_on']);
  });
  it('a consistent case has no date findings (today itself is allowed)', () => {
    const s = fullSource();
    s.assessments[0]!.test_date = TODAY;
    expect(checkDates(s)).toEqual([]);
  });
});

describe('runChecks on a draft', () => {
  it('flags placeholders as errors and vague provision as warnings', () => {
    const s = fullSource();
    s.provision[0]!.frequency = null;
    delete s.notes.strengths;
    const found = runChecks(composeDocument('ehcp-advice', s), { source: s });
    expect(found.filter((f) => f.check === 'placeholders').map((f) => f.message)).toEqual([
      'Still needed: Strengths.',
      'Still needed: how often "Handwriting programme" happens.',
    ]);
    expect(found.filter((f) => f.check === 'provision')).toHaveLength(1);
  });
  it('a fully recorded EHCP advice has no findings at all', () => {
    const s = fullSource();
    expect(runChecks(composeDocument('ehcp-advice', s), { source: s })).toEqual([]);
  });
  it('LA reference format: # digit, A capital letter', () => {
    expect(matchesReferenceFormat('EX/1234', 'AA/####')).toBe(true);
    expect(matchesReferenceFormat('EX-1234', 'AA/####')).toBe(false);
  });
});
