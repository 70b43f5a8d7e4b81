/**
 * docs/RULES.md and the code name the same rules: a newcomer who greps a rule ID must find it
 * explained there and applied in the code, so an ID added on one side only fails here.
 */
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { RULES } from '../../src/domain/deadlines/rules.js';
import { REF_RULES } from '../../src/domain/referrals/referrals.js';

const root = fileURLToPath(new URL('../..', import.meta.url));
const doc = readFileSync(join(root, 'docs/RULES.md'), 'utf8');

/** Rule IDs end in a two-digit number (EHCP-AR-04, REC-03); the referral rules are named (REF_RULES). */
const RULE_ID = /\b[A-Z][A-Z0-9]*(?:-[A-Z0-9]+)*-\d{2}\b/g;
/** Tokens of that shape that are not Steve's rules: ICD-10 is the diagnosis coding insurers ask for. */
const NOT_RULES = new Set(['ICD-10']);

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|tsx)$/.test(name) ? [path] : [];
  });
}

/** Every rule ID the code mentions, with one file that mentions it. */
function idsInCode(): Map<string, string> {
  const found = new Map<string, string>();
  for (const file of [...sourceFiles(join(root, 'src')), ...sourceFiles(join(root, 'web/src'))]) {
    for (const [id] of readFileSync(file, 'utf8').matchAll(RULE_ID)) {
      if (!NOT_RULES.has(id) && !found.has(id)) found.set(id, relative(root, file));
    }
  }
  for (const r of RULES) if (!found.has(r.id)) found.set(r.id, 'src/domain/deadlines/rules.ts');
  for (const id of Object.values(REF_RULES)) if (!found.has(id)) found.set(id, 'src/domain/referrals/referrals.ts');
  return found;
}

/** The rules docs/RULES.md describes: one `### ID · title` heading each. */
function idsInDoc(): string[] {
  return [...doc.matchAll(/^### ([A-Z][A-Z0-9-]*[A-Z0-9]) · \S/gm)].map((m) => m[1]!);
}

describe('docs/RULES.md', () => {
  const code = idsInCode();
  const documented = idsInDoc();

  it('describes every rule the code names', () => {
    const missing = [...code].filter(([id]) => !documented.includes(id)).map(([id, file]) => `${id} (${file})`);
    expect(missing).toEqual([]);
    expect(code.size).toBeGreaterThan(60);
  });

  it('describes only rules the code names, each once', () => {
    expect(documented.filter((id) => !code.has(id))).toEqual([]);
    expect(documented.filter((id, i) => documented.indexOf(id) !== i)).toEqual([]);
  });

  it('gives each rule what it says, how Steve computes it, its citation and how far it was checked', () => {
    const sections = doc.split(/^### /m).slice(1);
    expect(sections).toHaveLength(documented.length);
    for (const section of sections) {
      const id = section.slice(0, section.indexOf(' '));
      for (const field of ['**Says:**', '**Steve:**', '**Cites:**', '**Checked:**']) expect(section, `${id} ${field}`).toContain(field);
    }
  });

  it('names the citation the code gives each date-producing rule', () => {
    // rules.ts cites in short ("… reg 8(1)"); the page must give the same regulation.
    for (const rule of RULES) {
      const section = doc.split(/^### /m).find((s) => s.startsWith(`${rule.id} `))!;
      const regs = [...rule.citation.matchAll(/\breg (\d+)/g)].map((m) => m[1]!);
      for (const n of regs) expect(section, `${rule.id} cites reg ${n}`).toMatch(new RegExp(`reg\\. ${n}\\b`));
    }
  });
});
