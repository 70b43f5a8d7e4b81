/**
 * The permission table written out by hand, role by role: the routes, the services, the route
 * matrix and the web navigation all read the table, so a change to it must be deliberate here.
 */
import { describe, expect, it } from 'vitest';
import { PERMISSIONS, roleCan, rolesWith, type Permission } from '../../src/domain/permissions.js';
import { ROLES } from '../../src/domain/vocabulary.js';

const ALL = Object.keys(PERMISSIONS).filter((p): p is Permission => p in PERMISSIONS);

const HELD: Record<(typeof ROLES)[number], readonly Permission[]> = {
  owner: ALL,
  clinician: [
    'clients.add',
    'caseload.hold',
    'clinical.read',
    'clinical.write',
    'documents.sign',
    'la_profiles.change',
    'cases.open',
    'cases.change',
    'authorisations.record',
    'sessions.record',
    'medico_legal.change',
    'ehcp.read',
    'ehcp.update',
    'inbox.use',
    'referrals.accept',
  ],
  admin: [
    'clients.read_all',
    'authorisations.record',
    'inbox.use',
    'referrers.analyse',
    'invoices.raise',
    'invoices.void',
    'credit_notes.issue',
    'debts.write_off',
    'debts.read',
    'debts.chase',
    'payments.read',
    'payments.record',
    'accounts.export',
    'money_settings.read',
    'compliance.keep',
    'subject_access.manage',
  ],
};

describe('permission table', () => {
  it.each(ROLES)('%s holds exactly its permissions', (role) => {
    const held = ALL.filter((p) => roleCan(role, p));
    expect(held.sort()).toEqual([...HELD[role]].sort());
  });

  it('the owner holds everything and every permission names its act', () => {
    for (const [p, grant] of Object.entries(PERMISSIONS)) {
      expect(grant.roles, p).toContain('owner');
      expect(grant.what, p).toMatch(/^[a-z]/);
    }
  });

  it('admins never hold a caseload, read clinical records, manage users or read the audit log', () => {
    for (const p of ['caseload.hold', 'clinical.read', 'users.manage', 'audit.read'] as const) expect(rolesWith(p)).not.toContain('admin');
  });

  it('an unknown stored role holds nothing', () => {
    expect(roleCan('receptionist', 'inbox.use')).toBe(false);
  });
});
