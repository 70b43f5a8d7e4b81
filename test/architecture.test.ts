import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { checkArchitecture, checkSource } from '../scripts/architecture.js';

const root = join(import.meta.dirname, '..');

describe('architecture (ARCHITECTURE.md)', () => {
  it('every import in src/ and web/ points the allowed way and domain never reads the clock', () => {
    expect(checkArchitecture(root).map((v) => `${v.file}:${v.line} ${v.problem}`)).toEqual([]);
  });

  it.each([
    ['src/domain/x.ts', "import { openStore } from '../db/connect.js';", 'domain must not import db'],
    ['src/services/x.ts', "import { buildApp } from '../server/app.js';", 'services must not import server'],
    ['src/server/x.ts', "import { openStore } from '../db/connect.js';", 'server must not import db'],
    ['src/cli/x.ts', "import type { Store } from '../db/connect.js';", 'cli must not import db'],
    ['web/src/x.tsx', "import { listClients } from '../../src/services/clients/list-clients.js';", 'web must not import services'],
    ['src/domain/x.ts', "import { readFileSync } from 'node:fs';", "domain is pure and must not import 'node:fs'"],
    ['src/domain/x.ts', 'const t = Date.now();', 'domain code must not read the clock'],
    ['src/domain/x.ts', 'const t = new Date();', 'domain code must not read the clock'],
  ])('%s with %s is refused', (file, text, problem) => {
    const found = checkSource(root, join(root, file), text);
    expect(found.map((v) => v.problem).join('\n')).toContain(problem);
  });

  it.each([
    ['src/domain/x.ts', 'const d = new Date(Date.UTC(2027, 0, 1));'],
    ['src/services/x.ts', "import { openStore } from '../db/connect.js';"],
    ['src/main/x.ts', "import { buildApp } from '../server/app.js';"],
    ['web/src/x.tsx', "import { formatUkDate } from '../../src/domain/calendar/local-date.js';"],
  ])('%s with %s is allowed', (file, text) => {
    expect(checkSource(root, join(root, file), text)).toEqual([]);
  });
});
