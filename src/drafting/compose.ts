/** Which template drafts which kind: deterministic, from the DraftSource alone. */
import type { DocumentKind } from '../domain/documents/kinds.js';
import { Composer } from './composer.js';
import type { DocumentModel } from './model.js';
import type { DraftSource } from './source.js';
import { dischargeSummary, initialAssessment, insurerReport, progressReport } from './templates/clinical.js';
import { dfgRecommendation, workplaceReport } from './templates/community.js';
import { annualReviewContribution, annualReviewSummary, ehcpAdvice } from './templates/ehcp.js';
import { chaser, marketingLetter, referralAcknowledgement, reportBack } from './templates/letters.js';
import { expertReport, inaReport } from './templates/medico-legal.js';

const TEMPLATES: Record<DocumentKind, (c: Composer) => void> = {
  'ehcp-advice': ehcpAdvice,
  'annual-review-contribution': annualReviewContribution,
  'annual-review-summary': annualReviewSummary,
  'initial-assessment': initialAssessment,
  'progress-report': progressReport,
  'discharge-summary': dischargeSummary,
  'insurer-report': insurerReport,
  'expert-report': expertReport,
  'ina-report': inaReport,
  'dfg-recommendation': dfgRecommendation,
  'workplace-report': workplaceReport,
  'referral-acknowledgement': referralAcknowledgement,
  'report-back': reportBack,
  chaser,
  'marketing-letter': marketingLetter,
};

export function composeDocument(kind: DocumentKind, source: DraftSource): DocumentModel {
  const c = new Composer(kind, source);
  TEMPLATES[kind](c);
  return c.build();
}
