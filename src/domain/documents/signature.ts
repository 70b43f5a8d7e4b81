/**
 * How a signature reads on a document and in the CLI: who signed and when, in UK time.
 * Pure: the instant is given, never read from a clock.
 */
import { formatLongDate } from '../calendar/local-date.js';

export interface Signature {
  name: string;
  role: string;
  qualifications: string;
  professional_bodies: string | null;
  hcpc_number: string;
  /** ISO instant of signing. */
  signed_at: string;
}

/** "6 December 2026 at 09:42": the time in the UK, whatever the server's zone. */
export function signedAtText(iso: string): string {
  const parts: Record<string, string> = {};
  const format = new Intl.DateTimeFormat('en-GB', {
    timeZone: 'Europe/London',
    year: 'numeric',
    month: '2-digit',
    day: '2-digit',
    hour: '2-digit',
    minute: '2-digit',
    hourCycle: 'h23',
  });
  for (const p of format.formatToParts(new Date(iso))) parts[p.type] = p.value;
  return `${formatLongDate(`${parts.year}-${parts.month}-${parts.day}`)} at ${parts.hour}:${parts.minute}`;
}

export function signatureLine(s: Pick<Signature, 'name' | 'signed_at'>): string {
  return `Signed electronically by ${s.name} on ${signedAtText(s.signed_at)} (UK time)`;
}
