/**
 * Every check on a draft, in one list shown beside it. Errors stop signing (a placeholder,
 * an incomplete PD35 report, another client's details); warnings are for the clinician to judge.
 */
import { blockLines, plainText, type DocumentModel } from '../model.js';
import type { DraftSource } from '../source.js';
import { checkDates } from './dates.js';
import { checkOtherClients, nameIndex, type PersonRef } from './other-client.js';
import { checkPd35 } from './pd35.js';
import { findPlaceholders } from './placeholders.js';
import { checkLaProfileLimits } from './la-profile.js';
import { provisionLineProblem } from './provision.js';

export type CheckName = 'placeholders' | 'provision' | 'pd35' | 'other_client' | 'dates' | 'la_profile';

export interface CheckFinding {
  check: CheckName;
  severity: 'error' | 'warning';
  message: string;
  block_id: string | null;
  text: string | null;
}

export interface CheckContext {
  source: DraftSource;
  /** From nameIndex(): other clients' names; absent when the caller cannot list them. */
  names?: ReturnType<typeof nameIndex>;
  otherDobs?: ReadonlySet<string>;
}

const PROVISION_COLUMNS = ['Provision', 'Intervention', 'Who (qualification)', 'Provider', 'How often and how long'];

function wordCount(text: string): number {
  return (text.match(/\S+/g) ?? []).length;
}

/** "KCC/####" style: # a digit, A a capital letter, anything else itself. */
export function matchesReferenceFormat(ref: string, format: string): boolean {
  const re = format
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/#/g, '\\d')
    .replace(/A/g, '[A-Z]');
  return new RegExp(`^${re}$`).test(ref);
}

export function runChecks(model: DocumentModel, ctx: CheckContext): CheckFinding[] {
  const out: CheckFinding[] = [];
  for (const b of model.blocks) {
    for (const line of blockLines(b)) {
      for (const p of findPlaceholders(line))
        out.push({ check: 'placeholders', severity: 'error', message: `Still needed: ${p.label}.`, block_id: b.id, text: line });
    }
    if (b.tags?.includes('provision')) {
      // In a table only what, who, how often and how long count: a "termly" review date is not a frequency.
      const cols = (b.header ?? []).map((h, i) => (PROVISION_COLUMNS.includes(h) ? i : -1)).filter((i) => i >= 0);
      const rows =
        b.type === 'table'
          ? (b.rows ?? []).map((r) => (cols.length ? cols.map((i) => r[i] ?? '') : r).join(' | '))
          : blockLines(b).map((l) => l.replace(/; review .*$/, ''));
      for (const row of rows) {
        const problem = provisionLineProblem(row);
        if (problem)
          out.push({ check: 'provision', severity: 'warning', message: `Provision not specific enough (EHCP-F-01): ${problem}.`, block_id: b.id, text: row });
      }
    }
  }
  if (model.kind === 'expert-report') {
    for (const f of checkPd35(model.blocks)) out.push({ check: 'pd35', severity: 'error', message: f.problem, block_id: null, text: null });
  }
  const client = ctx.source.client;
  if (client && ctx.names) {
    for (const b of model.blocks) {
      for (const f of checkOtherClients(blockLines(b).join('\n'), { name: client.name, dob: client.dob }, ctx.names, ctx.otherDobs)) {
        out.push({ check: 'other_client', severity: 'error', message: f.problem, block_id: b.id, text: blockLines(b)[f.line - 1] ?? null });
      }
    }
  }
  for (const f of checkDates(ctx.source)) out.push({ check: 'dates', severity: 'warning', message: f.problem, block_id: null, text: f.field });
  const profile = ctx.source.la_profile;
  if (profile && model.kind === 'ehcp-advice') {
    const words = wordCount(plainText(model));
    if (profile.max_words && words > profile.max_words)
      out.push({
        check: 'la_profile',
        severity: 'warning',
        message: `${profile.name} asks for at most ${profile.max_words} words; this draft has ${words}.`,
        block_id: null,
        text: null,
      });
    for (const f of checkLaProfileLimits(words, ctx.source))
      out.push({ check: 'la_profile', severity: 'warning', message: f.problem, block_id: null, text: f.field });
    const ref = ctx.source.ehcp?.la_reference;
    if (profile.reference_format && ref && !matchesReferenceFormat(ref, profile.reference_format)) {
      out.push({
        check: 'la_profile',
        severity: 'warning',
        message: `The LA reference "${ref}" does not follow ${profile.name}'s format ${profile.reference_format}.`,
        block_id: null,
        text: null,
      });
    }
  }
  return out;
}

export type { PersonRef };
