/**
 * Section F specificity (EHCP-F-01): each provision must say what is provided, who delivers
 * it, how often and for how long. Vague wording ("access to", "opportunities", "as
 * required", "regular", "support", "input") is what tribunals strike down, but only when it
 * stands in for the specifics: a line that names who, how often and how long passes even if
 * such a word appears in it ("a learning support assistant for 20 minutes daily").
 */

export interface ProvisionFinding {
  line: number;
  text: string;
  problem: string;
}

const VAGUE: readonly [RegExp, string][] = [
  [/\baccess to\b/i, 'access to'],
  [/\bopportunit(y|ies)\b/i, 'opportunities'],
  [/\bas (required|needed|necessary|appropriate)\b/i, 'as required'],
  [/\bwhen (required|needed|necessary)\b/i, 'as required'],
  [/\bregular(ly)?\b/i, 'regular'],
  [/\bsupport(ed|s|ing)?\b/i, 'support'],
  [/\binput\b/i, 'input'],
  [/\bwould benefit from\b/i, 'would benefit from'],
  [/\bOT to advise\b/i, 'OT to advise'],
];

const NUM = String.raw`(?:\d+(?:\.\d+)?|one|two|three|four|five|six|ten|fifteen|twenty|thirty|forty|forty-five|sixty|ninety|half an?)`;

const FREQUENCY = new RegExp(
  [
    String.raw`\b(daily|weekly|fortnightly|monthly|termly|half-termly|annually|yearly|every day|each day|nightly)\b`,
    String.raw`\b(once|twice|thrice)\b`,
    String.raw`\b${NUM}\s*(times|sessions?|lessons?|visits?)\s*(a|an|per|each|every)\s+(day|week|fortnight|month|term|half[- ]term|year|school day)\b`,
    String.raw`\b(a|per|each|every)\s+(day|week|fortnight|month|term|half[- ]term|year|school day|morning|afternoon|lesson|session|break|lunchtime)\b`,
    String.raw`\bevery\s+${NUM}\s+(days|weeks|months)\b`,
    String.raw`(?:\b\d+\s*[x×]|[x×]\s*\d+\b)`,
    String.raw`\b\d+\s*/\s*(day|week|wk|month|term)\b`,
    String.raw`\b(per|a)\s+(wk|yr)\b`,
    String.raw`\b(on|every)\s+(mondays?|tuesdays?|wednesdays?|thursdays?|fridays?)\b`,
  ].join('|'),
  'i',
);

const DURATION = new RegExp(
  [
    String.raw`\b${NUM}\s*(-|–|to)?\s*(\d+\s*)?(min(ute)?s?|hours?|hrs?|h)\b`,
    String.raw`\b${NUM}[- ](minute|hour)\b`,
    String.raw`\b(an|one|half an?) hour\b`,
    String.raw`\bfor\s+${NUM}\s+(weeks?|terms?|months?|sessions?|years?)\b`,
    String.raw`\b(full|whole)[- ]time\b`,
  ].join('|'),
  'i',
);

const WHO =
  /\b(occupational therapists?|(speech and language |art |music )?therapists?|physiotherapists?|teaching assistants?|learning support assistants?|support workers?|class teachers?|teachers?|keyworkers?|key workers?|nurses?|practitioners?|job coach(es)?|case managers?|carers?|parents?|staff|adults?|assistants?|instructors?|psychologists?|clinicians?)\b/i;
/** Role abbreviations, case-sensitive so that "ot" inside a word is not "OT". */
const WHO_ABBREV = /\b(OTs?|TAs?|LSAs?|SLTs?|EPs?|HCPC|SENCOs?|HLTAs?)\b/;

export interface ProvisionLineAnalysis {
  vague: string[];
  has_frequency: boolean;
  has_duration: boolean;
  has_who: boolean;
}

export function analyseProvisionLine(text: string): ProvisionLineAnalysis {
  const vague = [...new Set(VAGUE.filter(([re]) => re.test(text)).map(([, label]) => label))];
  return { vague, has_frequency: FREQUENCY.test(text), has_duration: DURATION.test(text), has_who: WHO.test(text) || WHO_ABBREV.test(text) };
}

/** The problem with one provision line, or null when it is specific and quantified. */
export function provisionLineProblem(text: string): string | null {
  const a = analyseProvisionLine(text);
  const missing: string[] = [];
  if (!a.has_who) missing.push('who delivers it');
  if (!a.has_frequency) missing.push('how often');
  if (!a.has_duration) missing.push('how long');
  if (missing.length === 0) return null;
  const parts: string[] = [];
  if (a.vague.length) parts.push(`vague wording (${a.vague.map((v) => `"${v}"`).join(', ')}) instead of saying what is provided`);
  parts.push(`does not say ${missing.join(', ')}`);
  return parts.join('; ');
}

const PROVISION_HEADING = /\b(section\s+f|provision)\b/i;

/**
 * A heading in a whole document: a Markdown heading, a "Section X" line, or a short numbered
 * title that names no one and no quantity (so "2. Handwriting programme by TA" stays a provision).
 */
function isHeading(t: string): boolean {
  if (t.length > 120) return false;
  if (/^#{1,6}\s+/.test(t)) return true;
  if (/^section\s+[a-k]\b/i.test(t) && t.split(/\s+/).length <= 10) return true;
  const m = /^\d+\.\s+([A-Z][^.]*)$/.exec(t);
  if (m && m[1]!.split(/\s+/).length <= 8) {
    const a = analyseProvisionLine(m[1]!);
    return !a.has_who && !a.has_frequency && !a.has_duration;
  }
  return false;
}
const TABLE_RULE = /^\s*\|?\s*:?-{3,}/;

function cleanLine(raw: string): string {
  let t = raw.trim();
  if (t.startsWith('|'))
    t = t
      .replace(/^\|/, '')
      .replace(/\|$/, '')
      .split('|')
      .map((s) => s.trim())
      .filter(Boolean)
      .join(' | ');
  return t.replace(/^([-*•]|\d+[.)])\s+/, '').trim();
}

/**
 * Checks text holding provisions: either one provision per line, or a whole document, in
 * which case only the lines under a provision heading (Section F, "Provision …") are read,
 * so background paragraphs are not taken for provisions.
 */
export function checkProvisionText(text: string): ProvisionFinding[] {
  const lines = text.replace(/\r\n?/g, '\n').split('\n');
  const hasProvisionSection = lines.some((l) => isHeading(l.trim()) && PROVISION_HEADING.test(l));
  const findings: ProvisionFinding[] = [];
  let inProvision = !hasProvisionSection;
  lines.forEach((raw, i) => {
    const trimmed = raw.trim();
    if (trimmed === '' || TABLE_RULE.test(trimmed)) return;
    if (hasProvisionSection && isHeading(trimmed)) {
      inProvision = PROVISION_HEADING.test(trimmed);
      return;
    }
    if (!inProvision) return;
    const t = cleanLine(raw);
    if (t === '' || /^(need \| provision|section \| need)/i.test(t)) return;
    const problem = provisionLineProblem(t);
    if (problem) findings.push({ line: i + 1, text: trimmed, problem });
  });
  return findings;
}
