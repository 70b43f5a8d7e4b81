/**
 * Who the practice itself is, as it would type it into its own settings. The inbox reader takes
 * this as an input so that nothing about any one practice is built into it: the practice's
 * names, staff, address, mail domains and invoice numbers are never taken for a letter's
 * sender, its client or another party's reference.
 */
export interface PracticeIdentity {
  /** The practice's name(s) as written on its letterhead ("Meadowside Occupational Therapy"). */
  names: string[];
  /** Its clinicians' and staff's names ("Tom Okafor"). */
  staff: string[];
  /** Its postal address, as one line or several. */
  address: string;
  postcode: string;
  /** The domains of its mail addresses ("meadowside-ot.co.uk"). */
  email_domains: string[];
  /** What its invoice numbers start with ("MOT-", "SCOT/"). */
  invoice_prefix: string;
}

export const EMPTY_PRACTICE_IDENTITY: PracticeIdentity = { names: [], staff: [], address: '', postcode: '', email_domains: [], invoice_prefix: '' };

// Mail providers anyone can use: a staff member's personal address says nothing about the practice.
const PUBLIC_MAIL = /^(?:gmail|googlemail|hotmail|outlook|live|yahoo|icloud|me|btinternet|aol|proton|protonmail|sky|virginmedia|talktalk)\./i;

/** The domain of a mail address, unless it is a public mail provider's. */
export function practiceMailDomain(address: string): string | null {
  const domain = address.split('@')[1]?.trim().toLowerCase();
  return domain && !PUBLIC_MAIL.test(domain) ? domain : null;
}

/** A UK postcode inside an address, normalised ("ab1 2cd" → "AB1 2CD"). */
export function postcodeIn(address: string): string {
  const m = /\b([A-Z]{1,2}\d[A-Z\d]?)\s*(\d[A-Z]{2})\b/i.exec(address);
  return m ? `${m[1]!.toUpperCase()} ${m[2]!.toUpperCase()}` : '';
}
