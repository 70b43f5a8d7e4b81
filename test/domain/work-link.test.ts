import { describe, expect, it } from 'vitest';
import { taskWorkLink } from '../../src/domain/deadlines/work-link.js';

const base = { trigger_kind: null, trigger_ref: null, rule_id: null, case_id: null };

describe('where a task’s work is done', () => {
  it('an invoice chaser opens the invoice; an inbox task the inbox; a referral task the referrals', () => {
    expect(taskWorkLink({ ...base, trigger_kind: 'chase_reminder', trigger_ref: 'inv-1', case_id: 'c1' })).toEqual({
      href: '/invoices/inv-1',
      label: 'Invoice to chase',
    });
    expect(taskWorkLink({ ...base, trigger_kind: 'inbox', trigger_ref: 'item-1' })).toEqual({ href: '/inbox', label: 'Letter to answer' });
    expect(taskWorkLink({ ...base, trigger_kind: 'referral_received', trigger_ref: 'r1', rule_id: 'REF-ACK' })).toMatchObject({ href: '/referrals' });
  });

  it('EHCP advice and contributions open the case’s drafts; other EHCP dates the timeline', () => {
    expect(taskWorkLink({ ...base, trigger_kind: 'advice_request_received', rule_id: 'EHCP-ADV-01', case_id: 'c1' })).toEqual({
      href: '/documents?case=c1',
      label: 'Draft to write',
    });
    expect(taskWorkLink({ ...base, trigger_kind: 'review_meeting', rule_id: 'EHCP-AR-04', case_id: 'c1' })).toMatchObject({ href: '/documents?case=c1' });
    expect(taskWorkLink({ ...base, trigger_kind: 'last_review', rule_id: 'EHCP-AR-01', case_id: 'c1' })).toEqual({ href: '/ehcp/c1', label: 'EHCP timeline' });
  });

  it('insurer authorisations open the case’s money; compliance the register; a hand-made task with no case has no link', () => {
    expect(taskWorkLink({ ...base, trigger_kind: 'authorisation_expiry', rule_id: 'INS-ENG-01', case_id: 'c2' })).toMatchObject({ href: '/cases/c2/money' });
    expect(taskWorkLink({ ...base, trigger_kind: 'compliance', rule_id: 'COMP-CE-01' })).toMatchObject({ href: '/compliance' });
    expect(taskWorkLink(base)).toBeNull();
    expect(taskWorkLink({ ...base, case_id: 'c3' })).toBeNull();
  });
});
