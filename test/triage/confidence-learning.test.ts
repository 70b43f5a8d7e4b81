import { describe, expect, it } from 'vitest';
import type { LocalDate } from '../../src/domain/calendar/local-date.js';
import { CHECK_BELOW, categoryConfidence, clientConfidence, dateConfidence, referenceConfidence } from '../../src/triage/confidence.js';
import { applyLearning, referenceShape, senderKey, type Learnable, type LearnedCorrection } from '../../src/triage/learning.js';
import { isTriageError, triageDocument, type TriageOptions, type TriageRecord } from '../../src/triage/triage.js';
import { email, practice } from './support.js';

const today = '2026-11-27' as LocalDate;

async function triage(bytes: Uint8Array, extra: Partial<TriageOptions> = {}): Promise<TriageRecord> {
  const r = await triageDocument('letter.eml', bytes, { today, practice: practice(), ...extra });
  if (isTriageError(r)) throw new Error(r.error);
  return r;
}

const authorisation = (from: string, code: string, subject = 'Your patient') =>
  email(
    { From: `Claims Team <${from}>`, To: 'admin@brightwater-ot.test', Subject: subject, Date: 'Fri, 20 Nov 2026 09:00:00 +0000' },
    `Dear Brightwater OT,\n\nRe: Priya Shah, date of birth 03/04/2015\nMembership number: 7712345\nReference ${code}\n\nWe can confirm cover for six sessions of occupational therapy, valid until 31 March 2027.\n\nYours sincerely,\nClaims Team`,
  );

describe('confidence', () => {
  it('is a score between 0 and 1 with its evidence, and marks what is below the threshold', () => {
    const sure = categoryConfidence('insurer_authorisation', { insurer_authorisation: 14, other: 0, payment: 2 });
    expect(sure).toMatchObject({ check: false });
    expect(sure.score).toBeGreaterThanOrEqual(0.9);
    expect(sure.evidence).toMatch(/strong insurer authorisation cues/);
    const close = categoryConfidence('payment', { payment: 6, case_update_request: 5, other: 0 });
    expect(close.check).toBe(true);
    expect(close.score).toBeLessThan(CHECK_BELOW);
    expect(close.evidence).toMatch(/only just ahead of case update request/);
  });

  it('trusts a name in a labelled line with a date of birth more than one only in the subject', () => {
    const labelled = clientConfidence({ name: 'Priya Shah', dob: '2015-04-03', nhs_number: null }, 'Referral', 'Child: Priya Shah\nDOB 03/04/2015');
    const subjectOnly = clientConfidence({ name: 'Priya Shah', dob: null, nhs_number: null }, 'Priya Shah', 'Please call me about the appointment.');
    expect(labelled.score).toBeGreaterThan(0.9);
    expect(labelled.evidence).toMatch(/date of birth given; name in a labelled line/);
    expect(subjectOnly.check).toBe(true);
    expect(subjectOnly.evidence).toMatch(/only in the subject line/);
  });

  it('says how a date was found and doubts several candidates for one role', () => {
    const stated = { role: 'response_due' as const, date: '2026-12-04' as LocalDate, stated: true, rule: null, reason: 'by 4 December', time: null };
    const ruled = { ...stated, date: '2026-12-11' as LocalDate, stated: false, rule: 'EHCP-ADV-01', reason: 'six weeks' };
    expect(dateConfidence(stated, [stated]).evidence).toBe('date written in the letter');
    expect(dateConfidence(ruled, [ruled]).evidence).toMatch(/computed from rule EHCP-ADV-01/);
    const two = dateConfidence(stated, [stated, ruled]);
    expect(two.check).toBe(true);
    expect(two.evidence).toMatch(/2 candidate response due dates/);
  });

  it('trusts a labelled reference and doubts one known only by its shape', () => {
    const text = 'Claim no: AB/1234/5\nSee also XY-99881 in the file.';
    expect(referenceConfidence({ kind: 'claim_ref', value: 'AB/1234/5' }, [], text).check).toBe(false);
    const bare = referenceConfidence({ kind: 'claim_ref', value: 'XY-99881' }, [], text);
    expect(bare.check).toBe(true);
    expect(bare.evidence).toMatch(/shape, without a label/);
  });

  it('comes with every triage record, one per date and reference', async () => {
    const r = await triage(authorisation('claims@insurer.test', 'AUTH-558812'));
    expect(r.confidence.category.score).toBeGreaterThan(0);
    expect(r.confidence.dates).toHaveLength(r.dates.length);
    expect(r.confidence.references).toHaveLength(r.references.length);
    expect(r.confidence.client?.evidence).toMatch(/date of birth given/);
  });
});

describe('learning from corrections', () => {
  const base = { on: '2026-11-01', pattern: null };

  it('keys a sender by address and a company domain, never a public mail provider', () => {
    expect(senderKey('Jo@Insurer.test', null)).toEqual({ sender: 'jo@insurer.test', domain: 'insurer.test' });
    expect(senderKey('parent@gmail.com', null).domain).toBeNull();
    expect(senderKey(null, 'Riverton  Council')).toEqual({ sender: 'riverton council', domain: null });
    expect(referenceShape('BUPA-123456')).toBe('BUPA-999999');
    expect(referenceShape('12/ab/7')).toBe('99/AA/9');
  });

  it('changes nothing without corrections, and uses a correction from the same address with its reason', async () => {
    const bytes = email(
      { From: 'Claims <claims@insurer.test>', To: 'admin@brightwater-ot.test', Subject: 'Priya Shah', Date: 'Fri, 20 Nov 2026 09:00:00 +0000' },
      'Dear colleague,\n\nPlease find attached our latest note.\n\nKind regards,\nClaims',
    );
    const plain = await triage(bytes);
    expect(plain.category).toBe('other');
    const corrections: LearnedCorrection[] = [
      { ...base, field: 'category', sender: 'claims@insurer.test', domain: 'insurer.test', proposed: 'other', corrected: 'insurer_authorisation' },
    ];
    const taught = await triage(bytes, { hints: { corrections } });
    expect(taught.category).toBe('insurer_authorisation');
    expect(taught.confidence.category.evidence).toMatch(
      /learnt: 1 earlier letter from claims@insurer.test .* corrected to insurer authorisation \(last 01\/11\/2026\)/,
    );
    expect(taught.notes.join(' ')).toMatch(/Category learnt from corrections/);
    // A different sender is not affected, and one correction from a shared domain is not enough.
    const other = await triage(bytes, {
      hints: { corrections: corrections.map((c) => ({ ...c, sender: 'someone@elsewhere.test', domain: 'elsewhere.test' })) },
    });
    expect(other.category).toBe('other');
    const domainOnly = await triage(bytes, { hints: { corrections: corrections.map((c) => ({ ...c, sender: 'colleague@insurer.test' })) } });
    expect(domainOnly.category).toBe('other');
    const twoOnDomain = await triage(bytes, {
      hints: { corrections: [1, 2].map((i) => ({ ...corrections[0]!, sender: `colleague${i}@insurer.test` })) },
    });
    expect(twoOnDomain.category).toBe('insurer_authorisation');
  });

  it('re-kinds, removes and finds references by their learnt shape', async () => {
    const bytes = authorisation('claims@insurer.test', 'AUTH-558812');
    const plain = await triage(bytes);
    const auth: { kind: string; value: string } | undefined = plain.references.find((x) => x.value === 'AUTH-558812');
    const corr = (proposed: string, corrected: string, pattern: string): LearnedCorrection => ({
      field: 'reference',
      sender: 'claims@insurer.test',
      domain: 'insurer.test',
      on: '2026-11-01',
      pattern,
      proposed,
      corrected,
    });
    if (auth) {
      const rekinded = await triage(bytes, { hints: { corrections: [corr(auth.kind, 'insurer_auth', 'AUTH-999999')] } });
      expect(rekinded.references).toContainEqual({ kind: 'insurer_auth', value: 'AUTH-558812' });
      const removed = await triage(bytes, { hints: { corrections: [corr(auth.kind, '', 'AUTH-999999')] } });
      expect(removed.references.some((x) => x.value === 'AUTH-558812')).toBe(false);
      expect(removed.notes.join(' ')).toMatch(/references shaped AUTH-999999 were removed by a person/);
    } else {
      const found = await triage(bytes, { hints: { corrections: [corr('', 'insurer_auth', 'AUTH-999999')] } });
      expect(found.references).toContainEqual({ kind: 'insurer_auth', value: 'AUTH-558812' });
      expect(found.confidence.references[found.confidence.references.length - 1]?.evidence).toMatch(
        /a person added insurer auth references shaped AUTH-999999/,
      );
    }
  });

  it('links the client a person linked to a reference the letter carries', () => {
    const record: Learnable = {
      category: 'ml_update',
      client: { name: 'Sam Carter', dob: null, nhs_number: null },
      sender_email: 'a@law.test',
      sender_org: 'Law LLP',
      references: [{ kind: 'claim_ref' as const, value: 'CL/2026/77' }],
      dates: [],
      notes: [],
      confidence: { category: { score: 0.9, evidence: '', check: false }, client: null, dates: [], references: [{ score: 0.9, evidence: '', check: false }] },
    };
    const out = applyLearning(
      record,
      {
        corrections: [
          {
            field: 'client',
            sender: 'b@other.test',
            domain: 'other.test',
            pattern: 'claim_ref:CL/2026/77',
            proposed: 'Sam Carter',
            corrected: 'Alex Carter',
            on: '2026-10-02',
          },
        ],
      },
      '',
    );
    expect(out.client?.name).toBe('Alex Carter');
    expect(out.confidence.client?.evidence).toMatch(/a reference in this letter was linked to Alex Carter by a person \(last 02\/10\/2026\)/);
    expect(record.client?.name).toBe('Sam Carter');
  });

  it('drops a kind of date this sender’s letters have had removed, and relabels a learnt role', () => {
    const date = {
      role: 'response_due' as const,
      date: '2027-03-20' as LocalDate,
      stated: true,
      rule: null,
      reason: 'The local authority must issue the final plan by 20 March 2027.',
      time: null,
    };
    const record: Learnable = {
      category: 'ehcp_plan_issued',
      client: null,
      sender_email: 'send@council.test',
      sender_org: 'Council',
      references: [],
      dates: [date],
      notes: [],
      confidence: { category: { score: 0.9, evidence: '', check: false }, client: null, dates: [{ score: 0.9, evidence: '', check: false }], references: [] },
    };
    const c: LearnedCorrection = {
      field: 'date',
      sender: 'send@council.test',
      domain: 'council.test',
      pattern: 'local authority must issue final plan',
      proposed: 'response_due|stated',
      corrected: '',
      on: '2026-11-03',
    };
    const removed = applyLearning(record, { corrections: [c] }, '');
    expect(removed.dates).toEqual([]);
    expect(removed.confidence.dates).toEqual([]);
    expect(removed.notes[0]).toMatch(/Not proposed: response due 20\/03\/2027: 1 similar date from send@council.test was removed by a person/);
    const unrelated = applyLearning(record, { corrections: [{ ...c, pattern: 'please send your advice' }] }, '');
    expect(unrelated.dates).toHaveLength(1);
    const relabelled = applyLearning(record, { corrections: [{ ...c, corrected: 'meeting' }] }, '');
    expect(relabelled.dates[0]!.role).toBe('meeting');
  });
});
