/**
 * The documents Steve drafts by the names the CLI and API use,
 * and the vocabularies of the structured findings they are composed from.
 */
export const DOCUMENT_KINDS = [
  'ehcp-advice',
  'annual-review-contribution',
  'annual-review-summary',
  'initial-assessment',
  'progress-report',
  'discharge-summary',
  'insurer-report',
  'expert-report',
  'ina-report',
  'dfg-recommendation',
  'workplace-report',
  'referral-acknowledgement',
  'report-back',
  'chaser',
  'marketing-letter',
] as const;
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

export const DOCUMENT_KIND_TITLES: Record<DocumentKind, string> = {
  'ehcp-advice': 'Occupational therapy advice for an education, health and care needs assessment',
  'annual-review-contribution': 'Occupational therapy contribution to the EHC plan annual review',
  'annual-review-summary': 'Summary of the EHC plan annual review meeting',
  'initial-assessment': 'Occupational therapy initial assessment report',
  'progress-report': 'Occupational therapy progress report',
  'discharge-summary': 'Occupational therapy discharge summary',
  'insurer-report': 'Occupational therapy progress and authorisation report',
  'expert-report': 'Expert report of an occupational therapist',
  'ina-report': 'Immediate needs assessment (Rehabilitation Code 2015)',
  'dfg-recommendation': 'Occupational therapy recommendation for a Disabled Facilities Grant',
  'workplace-report': 'Workplace needs assessment and recommended adjustments',
  'referral-acknowledgement': 'Acknowledgement of referral',
  'report-back': 'Update to the referrer',
  chaser: 'Payment reminder',
  'marketing-letter': 'Introducing our occupational therapy service',
};

/** The four broad areas of need of the SEND Code of Practice (EHCP-NEED-01), used as Section B tags. */
export const COP_AREAS = ['communication_interaction', 'cognition_learning', 'semh', 'sensory_physical'] as const;
export type CopArea = (typeof COP_AREAS)[number];
export const COP_AREA_LABELS: Record<CopArea, string> = {
  communication_interaction: 'Communication and interaction',
  cognition_learning: 'Cognition and learning',
  semh: 'Social, emotional and mental health',
  sensory_physical: 'Sensory and/or physical',
};

/** Adult occupational performance areas (COPM domains plus environment). */
export const ADULT_AREAS = ['self_care', 'productivity', 'leisure', 'environment'] as const;
export const ADULT_AREA_LABELS: Record<(typeof ADULT_AREAS)[number], string> = {
  self_care: 'Self-care',
  productivity: 'Productivity (work, school, home management)',
  leisure: 'Leisure',
  environment: 'Environment',
};
export const NEED_AREAS = [...COP_AREAS, ...ADULT_AREAS] as const;
export type NeedArea = (typeof NEED_AREAS)[number];
export const NEED_AREA_LABELS: Record<NeedArea, string> = { ...COP_AREA_LABELS, ...ADULT_AREA_LABELS };

/** Plan sections a provision line can sit in (EHCP-SEC-01): F education, G health, H social care. */
export const PROVISION_SECTIONS = ['F', 'G', 'H'] as const;
export const GOAL_KINDS = ['smart', 'copm', 'gas'] as const;
export const DELIVERY_MODES = ['direct', 'indirect'] as const;
export const CHASER_LEVELS = [1, 2, 3] as const;
