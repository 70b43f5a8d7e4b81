/** `steve backup` on SQLite: a consistent copy taken while clients are being added, that opens and verifies on its own. */
import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { memoryAuditSeal } from '../../src/adapters/file-audit-seal.js';
import { openStore, type Store } from '../../src/db/connect.js';
import { checkAuditTrail } from '../../src/services/audit/check-audit-trail.js';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { exportPractice } from '../../src/services/transfer/export-practice.js';
import { backUpPractice } from '../../src/services/practice/back-up-practice.js';
import { seedPractice, clock } from './support.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { cliActor } from '../../src/services/context.js';

describe('backup (sqlite)', () => {
  let dir: string;
  let store: Store;
  let ctx: ServiceContext;
  const seal = memoryAuditSeal();
  beforeEach(async () => {
    dir = mkdtempSync(join(tmpdir(), 'steve-backup-'));
    store = await openStore({ kind: 'sqlite', file: join(dir, 'data', 'steve.sqlite'), key: 'a-fictional-db-key' });
    ctx = { db: store.db, dialect: store.dialect, clock, mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor, auditSeal: seal };
    await seedPractice(ctx);
  });
  afterEach(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  const exported = async (c: ServiceContext) => {
    let text = '';
    await exportPractice({ ...c, auditSeal: undefined }, (s) => {
      text += s;
    });
    const tables = JSON.parse(text).tables as Record<string, unknown[]>;
    // The export records itself as its last audit event, with an id of its own.
    return { ...tables, audit_events: tables.audit_events!.slice(0, -1) };
  };

  it('copies while 40 clients are being added: the copy opens with the key, holds whole transactions only, and its audit trail verifies', async () => {
    const writes = Array.from({ length: 40 }, (_, i) => addClient(ctx, { name: `Fictional Child ${i}`, dob: '2016-05-12' }));
    const out = join(dir, 'copy.sqlite');
    const [backup] = await Promise.all([backUpPractice(ctx, out), ...writes]);
    expect(backup.file).toBe(out);
    expect(statSync(join(dir, 'data')).mode & 0o777).toBe(0o700);
    expect(statSync(join(dir, 'data', 'steve.sqlite')).mode & 0o777).toBe(0o600);

    await expect(openStore({ kind: 'sqlite', file: out }, { migrate: false })).rejects.toThrow(/encryption key is wrong/);
    const copy = await openStore({ kind: 'sqlite', file: out, key: 'a-fictional-db-key' }, { migrate: false });
    try {
      const copyCtx = { ...ctx, db: copy.db };
      const clients = await copy.db.selectFrom('clients').select('id').execute();
      const created = await copy.db.selectFrom('audit_events').select('id').where('entity', '=', 'client').where('action', '=', 'create').execute();
      expect(created).toHaveLength(clients.length);
      expect((await checkAuditTrail({ ...copyCtx, auditSeal: { ...seal, readHead: async () => null } })).broken_at).toBeNull();
    } finally {
      await copy.close();
    }
  });

  it('a copy taken with no writes running exports exactly as the practice does', async () => {
    await addClient(ctx, { name: 'Amara Fictional', dob: '2016-05-12' });
    const out = join(dir, 'still.sqlite');
    await backUpPractice(ctx, out);
    const copy = await openStore({ kind: 'sqlite', file: out, key: 'a-fictional-db-key' });
    try {
      expect(await exported({ ...ctx, db: copy.db })).toEqual(await exported(ctx));
    } finally {
      await copy.close();
    }
    await expect(backUpPractice(ctx, out)).rejects.toThrow(/already exists/);
  });
});
