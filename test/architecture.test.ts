import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { cruise, type ICruiseResult, type IViolation } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';
import { ESLint } from 'eslint';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

const repo = join(import.meta.dirname, '..');

/** Runs the project's own .dependency-cruiser.cjs over src/ and web/ of `root`. */
async function violationsIn(root: string): Promise<{ cruised: number; violations: IViolation[] }> {
  const options = await extractDepcruiseOptions(join(repo, '.dependency-cruiser.cjs'));
  const tsConfig = join(root, 'tsconfig.json');
  const result = await cruise(['src', 'web'], { ...options, tsConfig: { fileName: tsConfig }, baseDir: root }, undefined, {
    tsConfig: extractTSConfig(tsConfig),
  });
  const output = result.output as ICruiseResult;
  return { cruised: output.summary.totalCruised, violations: output.summary.violations };
}

describe('architecture: imports follow the table in ARCHITECTURE.md', () => {
  it('holds on the real tree', async () => {
    const { cruised, violations } = await violationsIn(repo);
    expect(cruised).toBeGreaterThan(200);
    expect(violations.map((v) => `${v.from} → ${v.to} (${v.rule.name})`)).toEqual([]);
    // Parsing the whole tree takes ~17 s alone and far longer beside two other test workers.
  }, 180_000);

  // A small tree with one file per case: each breaking file breaks exactly one rule in a way a
  // line-by-line reader could miss, and the allowed files show the rules do not over-reach.
  const targets: Record<string, string> = {
    'src/domain/dates.ts': 'export const EPOCH = 0;\n',
    'src/contract/clients.ts': "import { EPOCH } from '../domain/dates.js';\nexport const FIRST = EPOCH;\n",
    'src/db/connect.ts': 'export function openStore(): number {\n  return 1;\n}\nexport type Store = number;\n',
    'src/server/app.ts': 'export function buildApp(): number {\n  return 1;\n}\n',
    'src/services/clients/list-clients.ts': 'export function listClients(): number[] {\n  return [];\n}\n',
  };
  const breaking: [file: string, text: string, rule: string, to: string][] = [
    [
      'src/domain/spread.ts',
      "import {\n  openStore,\n  type Store,\n} from\n  '../db/connect.js';\nexport const s: Store = openStore();\n",
      'domain-may-import-only',
      'src/db/connect.ts',
    ],
    ['src/services/reexport.ts', "export { buildApp } from '../server/app.js';\n", 'services-may-import-only', 'src/server/app.ts'],
    [
      'src/server/lazy.ts',
      "export async function store() {\n  const { openStore } = await import('../db/connect.js');\n  return openStore();\n}\n",
      'server-may-import-only',
      'src/db/connect.ts',
    ],
    ['src/cli/types.ts', "import type { Store } from '../db/connect.js';\nexport type S = Store;\n", 'cli-may-import-only', 'src/db/connect.ts'],
    [
      'web/src/page.tsx',
      "import { listClients } from '../../src/services/clients/list-clients.js';\nexport const n = listClients().length;\n",
      'web-may-import-only',
      'src/services/clients/list-clients.ts',
    ],
    ['src/domain/reads-files.ts', "import { readFileSync } from 'node:fs';\nexport const r = readFileSync;\n", 'pure-no-node-builtins', 'fs'],
    ['src/contract/bare-core.ts', "import * as path from 'path';\nexport const p = path.sep;\n", 'pure-no-node-builtins', 'path'],
    ['src/contract/sql.ts', "import type { Kysely } from 'kysely';\nexport type K = Kysely<unknown>;\n", 'pure-no-io-packages', 'kysely'],
    ['src/domain/http.ts', "export async function f() {\n  return import('fastify');\n}\n", 'pure-no-io-packages', 'fastify'],
    ['src/helpers/misc.ts', "import { EPOCH } from '../domain/dates.js';\nexport const e = EPOCH;\n", 'src-folder-in-the-table', 'src/domain/dates.ts'],
  ];
  const allowed: Record<string, string> = {
    'src/services/clients/add-client.ts':
      "import { openStore } from '../../db/connect.js';\nimport { FIRST } from '../../contract/clients.js';\nexport const a = openStore() + FIRST;\n",
    'src/main/server.ts': "export { buildApp } from '../server/app.js';\nexport const lazy = () => import('../cli/types.js');\n",
    'web/src/dates.tsx':
      "import { EPOCH } from '../../src/domain/dates.js';\nimport { FIRST } from '../../src/contract/clients.js';\nexport const d = EPOCH + FIRST;\n",
    'src/contract/schemas.ts': "import { z } from 'zod';\nexport const id = z.string();\n",
  };

  let tree = '';
  let found: IViolation[] = [];
  beforeAll(async () => {
    tree = mkdtempSync(join(tmpdir(), 'steve-arch-'));
    const files = { ...targets, ...Object.fromEntries(breaking.map(([f, text]) => [f, text])), ...allowed };
    files['tsconfig.json'] = JSON.stringify({ compilerOptions: { module: 'NodeNext', moduleResolution: 'NodeNext', jsx: 'react-jsx', strict: true } });
    for (const [file, text] of Object.entries(files)) {
      mkdirSync(dirname(join(tree, file)), { recursive: true });
      writeFileSync(join(tree, file), text);
    }
    ({ violations: found } = await violationsIn(tree));
  }, 60_000);
  afterAll(() => rmSync(tree, { recursive: true, force: true }));

  it.each(breaking)('%s is refused', (file, _text, rule, to) => {
    expect(found.filter((v) => v.from === file).map((v) => `${v.rule.name} ${v.to}`)).toEqual([`${rule} ${to}`]);
  });

  it('refuses nothing else', () => {
    const breakingFiles = new Set(breaking.map(([file]) => file));
    expect(found.filter((v) => !breakingFiles.has(v.from)).map((v) => `${v.from} → ${v.to} (${v.rule.name})`)).toEqual([]);
  });
});

describe('lint: domain code never reads the clock, src/ never writes to the console', () => {
  const eslint = new ESLint({ cwd: repo });
  const problems = async (filePath: string, code: string) => {
    const [result] = await eslint.lintText(code, { filePath: join(repo, filePath) });
    return (result?.messages ?? []).map((m) => m.ruleId ?? m.message);
  };

  it.each([
    ['src/domain/x.ts', 'export const t = Date.now();\n', 'no-restricted-syntax'],
    ['src/domain/x.ts', 'export const t = new Date();\n', 'no-restricted-syntax'],
    ['src/domain/x.ts', 'export const t = Date();\n', 'no-restricted-syntax'],
    ['src/services/x.ts', "console.log('hello');\n", 'no-console'],
    ['src/services/x.ts', "// eslint-disable-next-line no-console\nconsole.error('hello');\n", 'steve/disable-needs-reason'],
  ])(
    '%s with %j is refused',
    async (file, code, rule) => {
      expect(await problems(file, code)).toEqual([rule]);
    },
    30_000,
  );

  it.each([
    ['src/domain/x.ts', 'export const t = new Date(Date.UTC(2027, 0, 1));\n'],
    ['src/domain/x.ts', "export const t = new Date('2027-01-01T00:00:00Z').getTime();\n"],
    ['src/adapters/x.ts', 'export const now = () => new Date();\n'],
    ['test/x.ts', "console.log('hello');\n"],
    ['src/services/x.ts', "// eslint-disable-next-line no-console -- a reason\nconsole.error('hello');\n"],
  ])(
    '%s with %j is allowed',
    async (file, code) => {
      expect(await problems(file, code)).toEqual([]);
    },
    30_000,
  );
});
