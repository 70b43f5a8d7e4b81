/**
 * Which sessions a payer pays for, at what fee, and how an insurer-funded fee splits
 * between the insurer and the member (INS-GEN-03: the excess and any shortfall are the
 * member's; DNAs and late cancellations are never billed to an insurer).
 */
import type { Attendance, FunderKind, SessionKind } from '../vocabulary.js';
import { lineAmount, type Pence } from './pence.js';
import type { MoneySettings } from './settings.js';

/** Kinds an insurer authorises and pays for; other work on an insured case is the member's. */
export const INSURED_KINDS: readonly SessionKind[] = ['assessment', 'therapy', 'review'];

export function countsAgainstAuthorisation(s: { kind: string; attendance: string }): boolean {
  return s.attendance === 'attended' && (INSURED_KINDS as readonly string[]).includes(s.kind);
}

/**
 * Whether a session may be billed to this kind of payer. A cancellation with notice is never
 * billable; a DNA or late cancellation never to an insurer (INS-GEN-03), and to anyone else
 * only when the practice's terms charge for them.
 */
export function billableTo(
  payer: FunderKind,
  s: { attendance: string; billable: number },
  settings: Pick<MoneySettings, 'charge_missed_sessions'>,
): { ok: true } | { ok: false; why: string } {
  if (Number(s.billable) !== 1) return { ok: false, why: 'is marked not billable' };
  const a = s.attendance as Attendance;
  if (a === 'attended') return { ok: true };
  if (a === 'cancelled') return { ok: false, why: 'was cancelled with notice' };
  const what = a === 'dna' ? 'a DNA' : 'a late cancellation';
  if (payer === 'insurer') return { ok: false, why: `was ${what}: not billable to an insurer (INS-GEN-03); bill the client under the practice's terms` };
  if (settings.charge_missed_sessions !== 1) return { ok: false, why: `was ${what} and the practice's terms do not charge for missed sessions` };
  return { ok: true };
}

export interface SessionForFee {
  kind: string;
  duration_minutes: number;
  fee_pence: number | null;
}

/** The fee for a session: its own agreed fee, else the hourly rate for its kind × its length. */
export function sessionFee(
  s: SessionForFee,
  settings: Pick<MoneySettings, 'hourly_rate_pence' | 'report_hourly_rate_pence' | 'travel_hourly_rate_pence'>,
): { quantity_hundredths: number; unit_pence: Pence; amount_pence: Pence } {
  if (s.fee_pence !== null && s.fee_pence !== undefined) return { quantity_hundredths: 100, unit_pence: s.fee_pence, amount_pence: s.fee_pence };
  const rate =
    s.kind === 'report_writing' ? settings.report_hourly_rate_pence : s.kind === 'travel' ? settings.travel_hourly_rate_pence : settings.hourly_rate_pence;
  // Hours in hundredths, exactly when the minutes allow (90 min = 150); otherwise from the minutes.
  const minutes = Number(s.duration_minutes);
  if ((minutes * 100) % 60 === 0) {
    const q = (minutes * 100) / 60;
    return { quantity_hundredths: q, unit_pence: rate, amount_pence: lineAmount(q, rate) };
  }
  const amount = Math.floor((minutes * rate * 2 + 60) / 120); // minutes × rate / 60, half up
  return { quantity_hundredths: 100, unit_pence: amount, amount_pence: amount };
}

export function mileageAmount(milesHundredths: number, pencePerMile: Pence): Pence {
  return lineAmount(milesHundredths, pencePerMile);
}

export interface InsuredFee {
  session_id: string;
  fee_pence: Pence;
}

export interface InsurerTerms {
  per_session_limit_pence: number | null;
  total_limit_pence: number | null;
  excess_pence: number;
  /** The insurer's share already billed on this authorisation (non-void invoices). */
  insurer_billed_pence: Pence;
  /** Excess already billed to the member on this authorisation. */
  excess_billed_pence: Pence;
}

export interface SplitLine {
  session_id: string;
  fee_pence: Pence;
  insurer_pence: Pence;
  /** Above the per-session or total benefit limit: the member pays it. */
  shortfall_pence: Pence;
  /** The member's excess taken from this session's insurer share. */
  excess_pence: Pence;
}

/**
 * Splits fees between insurer and member in session order: the per-session limit first,
 * then what is left of the total benefit, then the unpaid excess from the insurer's share.
 */
export function splitInsuredFees(fees: readonly InsuredFee[], t: InsurerTerms): SplitLine[] {
  let totalLeft = t.total_limit_pence === null ? Number.POSITIVE_INFINITY : Math.max(0, t.total_limit_pence - t.insurer_billed_pence);
  let excessLeft = Math.max(0, t.excess_pence - t.excess_billed_pence);
  return fees.map((f) => {
    let insurer = t.per_session_limit_pence === null ? f.fee_pence : Math.min(f.fee_pence, t.per_session_limit_pence);
    insurer = Math.min(insurer, totalLeft);
    totalLeft -= insurer;
    const shortfall = f.fee_pence - insurer;
    const excess = Math.min(excessLeft, insurer);
    excessLeft -= excess;
    insurer -= excess;
    return { session_id: f.session_id, fee_pence: f.fee_pence, insurer_pence: insurer, shortfall_pence: shortfall, excess_pence: excess };
  });
}
