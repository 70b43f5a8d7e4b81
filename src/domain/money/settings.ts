/**
 * The practice's money settings: defaults here, overrides stored per practice
 * (money_settings). Defaults that no statute or contract fixes are practice choices.
 */
import { FUNDER_KINDS, type FunderKind } from '../vocabulary.js';

export interface MoneySettings {
  /** Face-to-face work (assessment, therapy, review), per hour. */
  hourly_rate_pence: number;
  report_hourly_rate_pence: number;
  travel_hourly_rate_pence: number;
  /** Defaults to HMRC's approved mileage rate for the first 10,000 miles, 45p (PAY-MILE-01). */
  mileage_pence_per_mile: number;
  /** Warn this many days before an authorisation ends (INS-ENG-01). */
  auth_warn_days: number;
  /** Chase ladder, days after the due date (a practice choice, PAY-CHASE-01). */
  chase_reminder_days: number;
  chase_firm_days: number;
  chase_final_days: number;
  /** Whether the practice's own terms charge clients for DNAs and late cancellations (never insurers). */
  charge_missed_sessions: number;
  /** Days a payer has to pay, by kind (PAY-TERMS-01). */
  terms_days: Record<FunderKind, number>;
}

export const DEFAULT_MONEY_SETTINGS: MoneySettings = {
  hourly_rate_pence: 9_000,
  report_hourly_rate_pence: 9_000,
  travel_hourly_rate_pence: 4_500,
  mileage_pence_per_mile: 45,
  auth_warn_days: 30,
  chase_reminder_days: 7,
  chase_firm_days: 21,
  chase_final_days: 45,
  charge_missed_sessions: 1,
  terms_days: { self_pay: 14, insurer: 30, solicitor: 30, local_authority: 30, employer: 30, case_manager: 30, nhs: 30, other: 30 },
};

export const SCALAR_SETTINGS = [
  'hourly_rate_pence',
  'report_hourly_rate_pence',
  'travel_hourly_rate_pence',
  'mileage_pence_per_mile',
  'auth_warn_days',
  'chase_reminder_days',
  'chase_firm_days',
  'chase_final_days',
  'charge_missed_sessions',
] as const;
export type ScalarSetting = (typeof SCALAR_SETTINGS)[number];

/** Stored names: the scalar names, `terms_days:<payer kind>`, `terms_days:org:<organisation id>`. */
export function settingsFromRows(rows: readonly { name: string; value: number }[]): MoneySettings & { org_terms_days: Record<string, number> } {
  const s: MoneySettings & { org_terms_days: Record<string, number> } = {
    ...DEFAULT_MONEY_SETTINGS,
    terms_days: { ...DEFAULT_MONEY_SETTINGS.terms_days },
    org_terms_days: {},
  };
  for (const r of rows) {
    const v = Number(r.value);
    if ((SCALAR_SETTINGS as readonly string[]).includes(r.name)) s[r.name as ScalarSetting] = v;
    else if (r.name.startsWith('terms_days:org:')) s.org_terms_days[r.name.slice('terms_days:org:'.length)] = v;
    else if (r.name.startsWith('terms_days:')) {
      const k = r.name.slice('terms_days:'.length);
      if ((FUNDER_KINDS as readonly string[]).includes(k)) s.terms_days[k as FunderKind] = v;
    }
  }
  return s;
}

export function validateLadder(s: Pick<MoneySettings, 'chase_reminder_days' | 'chase_firm_days' | 'chase_final_days'>): string | null {
  if (!(s.chase_reminder_days < s.chase_firm_days && s.chase_firm_days < s.chase_final_days)) {
    return `The chase ladder must climb: reminder (${s.chase_reminder_days}) < firm (${s.chase_firm_days}) < final (${s.chase_final_days}) days after the due date.`;
  }
  return null;
}
