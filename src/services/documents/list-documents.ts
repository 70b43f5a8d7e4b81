import { parseInput } from '../../contract/common.js';
import { listDocumentsInput, type ListDocumentsInput } from '../../contract/documents.js';
import { inCaseload, seesAllClients } from '../access.js';
import type { ServiceContext } from '../context.js';
import { assertClinicalReader } from '../findings/clinical-access.js';

export async function listDocuments(ctx: ServiceContext, input: ListDocumentsInput = {}) {
  const opts = parseInput(listDocumentsInput, input);
  assertClinicalReader(ctx);
  let q = ctx.db
    .selectFrom('documents')
    .leftJoin('clients', 'clients.id', 'documents.client_id')
    .leftJoin('users as signer', 'signer.id', 'documents.signed_by')
    .select([
      'documents.id',
      'documents.kind',
      'documents.title',
      'documents.status',
      'documents.version',
      'documents.case_id',
      'documents.client_id',
      'documents.created_at',
      'documents.updated_at',
      'documents.signed_at',
      'documents.sent_at',
      'clients.name as client_name',
      'signer.name as signed_by_name',
    ])
    .orderBy('documents.updated_at', 'desc')
    .orderBy('documents.id', 'desc');
  if (opts.case_id) q = q.where('documents.case_id', '=', opts.case_id);
  if (opts.client_id) q = q.where('documents.client_id', '=', opts.client_id);
  if (opts.status) q = q.where('documents.status', '=', opts.status);
  if (!seesAllClients(ctx.actor) && ctx.actor.kind === 'user') {
    const me = ctx.actor.id;
    q = q.where((eb) =>
      eb.or([eb('documents.client_id', 'is', null), eb('documents.client_id', 'in', eb.selectFrom('clients').select('clients.id').where(inCaseload(me)))]),
    );
  }
  return q.limit(opts.limit ?? 200).execute();
}
