import type { ServiceContext } from '../context.js';
import { sourceQuery, sourceView, type SourceView } from './referral-source.js';

export async function listReferralSources(ctx: ServiceContext): Promise<SourceView[]> {
  return (await sourceQuery(ctx.db).orderBy('referral_sources.name').execute()).map(sourceView);
}
