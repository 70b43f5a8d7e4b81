/**
 * The practice's identity for the inbox reader, from its settings and its users: what the
 * practice has typed about itself, so the reader never takes its own name, staff or invoice
 * numbers for a letter's sender, client or another party's reference.
 */
import { postcodeIn, practiceMailDomain, type PracticeIdentity } from '../../domain/practice/identity.js';
import type { Db } from '../context.js';

export async function loadPracticeIdentity(db: Db, alsoNamed: string[] = []): Promise<PracticeIdentity> {
  const practice = await db.selectFrom('practice').select(['name', 'address', 'email', 'invoice_prefix']).executeTakeFirst();
  const users = await db.selectFrom('users').select(['name', 'email']).execute();
  const domains = [practice?.email ?? '', ...users.map((u) => u.email)].map(practiceMailDomain).filter((d): d is string => d !== null);
  const address = practice?.address ?? '';
  return {
    names: [...new Set([practice?.name ?? '', ...alsoNamed].filter(Boolean))],
    staff: [...new Set(users.map((u) => u.name).filter(Boolean))],
    address,
    postcode: postcodeIn(address),
    email_domains: [...new Set(domains)],
    invoice_prefix: practice?.invoice_prefix ?? '',
  };
}
