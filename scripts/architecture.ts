/**
 * The dependency rule of ARCHITECTURE.md, checked on every test run:
 * imports must point the allowed way, and domain code must not read the clock.
 */
import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';

export const LAYERS = ['domain', 'contract', 'ports', 'triage', 'drafting', 'db', 'config', 'adapters', 'services', 'server', 'cli', 'main', 'web'] as const;
export type Layer = (typeof LAYERS)[number];

/** What each folder may import from the project's own code (itself always allowed). */
export const ALLOWED: Record<Layer, readonly Layer[]> = {
  domain: [],
  contract: ['domain'],
  ports: ['domain'],
  triage: ['domain', 'ports'],
  drafting: ['domain', 'ports'],
  db: ['domain'],
  config: ['domain', 'contract'],
  adapters: ['domain', 'ports'],
  services: ['domain', 'contract', 'ports', 'db', 'triage', 'drafting'],
  server: ['domain', 'contract', 'ports', 'config', 'services'],
  cli: ['domain', 'contract', 'ports', 'config', 'services'],
  main: ['domain', 'contract', 'ports', 'triage', 'drafting', 'db', 'config', 'adapters', 'services', 'server', 'cli'],
  web: ['domain', 'contract'],
};

/** Packages that would give pure layers I/O. */
const IO_MODULE = /^(node:|fs$|path$|child_process$|net$|http$|https$|better-sqlite3|pg$|kysely$|fastify)/;
const PURE: readonly Layer[] = ['domain', 'contract'];

export interface Violation {
  file: string;
  line: number;
  problem: string;
}

function layerOf(root: string, file: string): Layer | null {
  const rel = relative(root, file).split(sep);
  if (rel[0] === 'web') return 'web';
  if (rel[0] !== 'src') return null;
  return (LAYERS as readonly string[]).includes(rel[1] ?? '') ? (rel[1] as Layer) : null;
}

const IMPORT = /(?:^|[\s;])(?:import|export)\s(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
const CLOCK = /\bDate\.now\s*\(|\bnew\s+Date\s*\(\s*\)/;

/** Checks one file's text; exported so the rule itself can be tested on synthetic input. */
export function checkSource(root: string, file: string, text: string): Violation[] {
  const from = layerOf(root, file);
  if (!from) return [];
  const out: Violation[] = [];
  const lines = text.split('\n');
  lines.forEach((lineText, i) => {
    const code = lineText.replace(/\/\/.*$/, '');
    for (const m of code.matchAll(IMPORT)) {
      const spec = m[1] ?? m[2]!;
      if (spec.startsWith('.')) {
        const to = layerOf(root, resolve(dirname(file), spec));
        if (to && to !== from && !ALLOWED[from].includes(to)) {
          out.push({ file, line: i + 1, problem: `${from} must not import ${to} ('${spec}')` });
        }
      } else if (PURE.includes(from) && IO_MODULE.test(spec)) {
        out.push({ file, line: i + 1, problem: `${from} is pure and must not import '${spec}'` });
      }
    }
    if (from === 'domain' && CLOCK.test(code)) {
      out.push({ file, line: i + 1, problem: 'domain code must not read the clock: take `today` as a parameter' });
    }
  });
  return out;
}

function walk(dir: string, acc: string[] = []): string[] {
  for (const name of readdirSync(dir)) {
    if (name === 'node_modules' || name === 'dist') continue;
    const p = join(dir, name);
    if (statSync(p).isDirectory()) walk(p, acc);
    else if (/\.(ts|tsx|mts)$/.test(name)) acc.push(p);
  }
  return acc;
}

export function checkArchitecture(root: string): Violation[] {
  const files = [...walk(join(root, 'src')), ...(safeIsDir(join(root, 'web')) ? walk(join(root, 'web')) : [])];
  return files.flatMap((f) => checkSource(root, f, readFileSync(f, 'utf8')));
}

function safeIsDir(p: string): boolean {
  try {
    return statSync(p).isDirectory();
  } catch {
    return false;
  }
}
