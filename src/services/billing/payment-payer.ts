/** A payment comes from one payer (an organisation, or a client paying for themselves) and pays only that payer's open invoices. */
import { invalid } from '../../domain/errors.js';
import type { FunderKind } from '../../domain/vocabulary.js';
import type { Invoice } from './types.js';

export interface Payer {
  kind: FunderKind;
  org: string | null;
  client: string | null;
  name: string;
}

function samePayer(inv: Pick<Invoice, 'payer_org_id' | 'payer_kind' | 'client_id'>, p: Payer): boolean {
  return p.org ? inv.payer_org_id === p.org : inv.payer_kind === 'self_pay' && inv.client_id === p.client;
}

export function assertPayable(inv: Invoice, p: Payer): void {
  if (inv.status === 'void') throw invalid(`${inv.number} is void: it cannot be paid.`, 'allocations');
  if (inv.kind !== 'invoice') throw invalid(`${inv.number} is a credit note: it cannot be paid.`, 'allocations');
  if (!samePayer(inv, p)) throw invalid(`${inv.number} is billed to ${inv.payer_name}, not ${p.name}.`, 'allocations');
  if (Number(inv.outstanding_pence) === 0) throw invalid(`${inv.number} is already paid in full.`, 'allocations');
}
