/**
 * Who may do what, as data. Services refuse through `requirePermission`, routes admit roles
 * through `access: '<permission>'`, the route matrix test derives its expected statuses from
 * this table and the web shows its navigation from it, so none of them can disagree.
 *
 * - owner: everything, including users, settings and the audit log;
 * - clinician: the clinical record of their own caseload (lead clinician, case clinician, or a
 *   case shared with them), never money or the practice's registers;
 * - admin: contacts, correspondence, tasks and money across the practice, but not clinical
 *   findings, session notes or document drafts, and never a caseload.
 * Anything a signed-in user may do whatever their role is not listed: routes say 'signed_in'.
 */
import type { Role } from './vocabulary.js';

interface Grant {
  roles: readonly Role[];
  /** Completes "Your role cannot …" when the permission is refused. */
  what: string;
}

const OWNER = ['owner'] as const;
const CLINICAL = ['owner', 'clinician'] as const;
const OFFICE = ['owner', 'admin'] as const;
const EVERYONE = ['owner', 'clinician', 'admin'] as const;

export const PERMISSIONS = {
  // People and records
  'clients.read_all': { roles: OFFICE, what: 'see every client' },
  'clients.add': { roles: CLINICAL, what: 'add clients' },
  'caseload.hold': { roles: CLINICAL, what: 'hold a caseload' },
  'clinical.read': { roles: CLINICAL, what: 'read clinical records' },
  'clinical.write': { roles: CLINICAL, what: 'write clinical records' },
  'documents.sign': { roles: CLINICAL, what: 'sign documents' },
  'la_profiles.change': { roles: CLINICAL, what: 'change LA profiles' },
  'cases.open': { roles: CLINICAL, what: 'open cases' },
  'cases.change': { roles: CLINICAL, what: 'change cases' },
  'authorisations.record': { roles: EVERYONE, what: 'record authorisations' },
  'sessions.record': { roles: CLINICAL, what: 'record sessions' },
  'medico_legal.change': { roles: CLINICAL, what: 'change medico-legal instructions' },
  'ehcp.read': { roles: CLINICAL, what: 'see EHC plans' },
  'ehcp.update': { roles: CLINICAL, what: 'update an EHC plan' },
  // Correspondence and referrals
  'inbox.use': { roles: EVERYONE, what: 'use the inbox' },
  'referrals.accept': { roles: CLINICAL, what: 'accept referrals (it opens a case)' },
  'referrers.analyse': { roles: OFFICE, what: 'see referrer analytics' },
  // Money
  'invoices.raise': { roles: OFFICE, what: 'raise invoices' },
  'invoices.void': { roles: OFFICE, what: 'void invoices' },
  'credit_notes.issue': { roles: OFFICE, what: 'issue credit notes' },
  'debts.write_off': { roles: OFFICE, what: 'write off debts' },
  'debts.read': { roles: OFFICE, what: 'see the practice’s aged debt' },
  'debts.chase': { roles: OFFICE, what: 'chase debts' },
  'payments.read': { roles: OFFICE, what: 'see payments' },
  'payments.record': { roles: OFFICE, what: 'record payments' },
  'accounts.export': { roles: OFFICE, what: 'export the accounts' },
  'money_settings.read': { roles: OFFICE, what: 'see the practice’s money settings' },
  'money_settings.change': { roles: OWNER, what: 'change the practice’s money settings' },
  // The practice's registers
  'compliance.keep': { roles: OFFICE, what: 'keep the compliance register' },
  'subject_access.manage': { roles: OFFICE, what: 'handle subject access requests' },
  'deadlines.repair': { roles: OWNER, what: 'recompute and repair every rule-made task' },
  // Running the practice
  'practice.change': { roles: OWNER, what: 'change practice settings' },
  'users.manage': { roles: OWNER, what: 'manage users' },
  'audit.read': { roles: OWNER, what: 'read the audit log' },
  'practice.export': { roles: OWNER, what: 'export the practice' },
  'practice.import': { roles: OWNER, what: 'import a practice' },
} as const satisfies Record<string, Grant>;

export type Permission = keyof typeof PERMISSIONS;

/** The roles that hold a permission. */
export function rolesWith(permission: Permission): readonly Role[] {
  return PERMISSIONS[permission].roles;
}

/** Takes any string so a stored `users.role` can be asked directly; an unknown role holds nothing. */
export function roleCan(role: string, permission: Permission): boolean {
  return rolesWith(permission).some((r) => r === role);
}
