/**
 * PD35 completeness (ML-PD-02/04/05): every 3.2 item present with recorded content, and the
 * declaration and statement of truth word for word. Reads the model, so a clinician's edit
 * that drops or rewords the statement of truth is caught before signing.
 */
import { blockLines, PLACEHOLDER_RE, type Block } from '../model.js';
import { DUTY_DECLARATION, PD35_ITEMS, STATEMENT_OF_TRUTH, pd35Tag } from '../pd35.js';

export interface Pd35Finding {
  item: string;
  problem: string;
}

/** Words that introduce a reason: a range of opinion that has none only lists views. */
const REASON = /\b(because|since|as|given|reason|reasons|therefore|so that|owing to|due to|on the basis)\b/i;

const hasContent = (b: Block): boolean => blockLines(b).some((l) => l.replace(new RegExp(PLACEHOLDER_RE.source, 'g'), '').trim().length > 0);

export function checkPd35(blocks: readonly Block[]): Pd35Finding[] {
  const out: Pd35Finding[] = [];
  for (const { item, label } of PD35_ITEMS) {
    const tagged = blocks.filter((b) => b.tags?.includes(pd35Tag(item)));
    if (tagged.length === 0) out.push({ item, problem: `PD35 ${item}: the report has no section for ${label}.` });
    else if (!tagged.some(hasContent)) out.push({ item, problem: `PD35 ${item}: ${label} is still a placeholder.` });
    else if (item === '3.2(6)' && !tagged.some((b) => REASON.test(blockLines(b).join(' '))))
      out.push({ item, problem: `PD35 ${item}: the range of opinion gives no reasons for the expert’s own view: say why ("because …").` });
  }
  const text = blocks.flatMap(blockLines).join('\n');
  if (!text.includes(STATEMENT_OF_TRUTH)) out.push({ item: '3.3', problem: 'The statement of truth (PD35 3.3, ML-PD-04) is missing or not word for word.' });
  if (!text.includes(DUTY_DECLARATION))
    out.push({ item: '3.2(9)', problem: 'The declaration of the duty to the court (ML-PD-05) is missing or not word for word.' });
  return out;
}
