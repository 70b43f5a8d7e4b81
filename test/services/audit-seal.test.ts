/**
 * The audit chain against someone who can edit the database but not the data folder's key:
 * rewriting an event and recomputing every hash, downgrading to unkeyed hashes, deleting the
 * newest events, or editing the checkpoint are each detected and located.
 */
import { mkdtempSync, readFileSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { fileAuditSeal, memoryAuditSeal } from '../../src/adapters/file-audit-seal.js';
import { auditHash, GENESIS_HASH, keyedAuditHash } from '../../src/services/audit/append-audit.js';
import { checkAuditTrail } from '../../src/services/audit/check-audit-trail.js';
import { checkpointAudit } from '../../src/services/audit/checkpoint-audit.js';
import { addClient } from '../../src/services/clients/add-client.js';
import type { ServiceContext } from '../../src/services/context.js';
import { DIALECTS } from '../support/stores.js';
import { openTestDb, seedPractice, type TestDb } from './support.js';

describe.each(DIALECTS)('audit seal (%s)', (dialect) => {
  let t: TestDb;
  let seal: ReturnType<typeof memoryAuditSeal>;
  let ctx: ServiceContext;
  beforeEach(async () => {
    t = await openTestDb(dialect);
    seal = memoryAuditSeal();
    ctx = { ...t.ctx, auditSeal: seal };
    await seedPractice(ctx);
    for (const name of ['Amara Fictional', 'Bilal Fictional', 'Cerys Fictional']) await addClient(ctx, { name, dob: '2016-05-12' });
    await checkpointAudit(ctx);
  });
  afterEach(() => t.store.close());

  const rows = () => t.ctx.db.selectFrom('audit_events').selectAll().orderBy('seq').execute();

  /** What an attacker with the database but not the key can do: rewrite event `seq` and rehash it and every later one with `hash`. */
  async function rewriteAndRehash(seq: number, hash: (prev: string, r: Awaited<ReturnType<typeof rows>>[number]) => string) {
    let prev = GENESIS_HASH;
    for (const r of await rows()) {
      const row = r.seq === seq ? { ...r, detail: 'nothing to see' } : r;
      if (r.seq >= seq) {
        const h = hash(prev, row);
        await t.ctx.db.updateTable('audit_events').set({ detail: row.detail, prev_hash: prev, hash: h }).where('seq', '=', r.seq).execute();
        prev = h;
      } else prev = r.hash;
    }
  }

  it('keys every event and verifies, reaching the checkpoint', async () => {
    const all = await rows();
    expect(all).toHaveLength(7);
    expect(all.every((r) => r.hash.startsWith('hmac-sha256:'))).toBe(true);
    expect(await checkAuditTrail(ctx)).toEqual({ events: 7, intact: true, broken_at: null, checkpoint: { seq: 7, at: '2026-11-27T09:00:00.000Z' } });
  });

  it('finds an event rewritten and the chain rehashed with a guessed key, at that event', async () => {
    const wrongKey = Buffer.alloc(32, 7);
    await rewriteAndRehash(5, (prev, r) => keyedAuditHash(wrongKey, prev, r));
    expect(await checkAuditTrail(ctx)).toMatchObject({ intact: false, broken_at: 5, problem: 'Event 5 has been changed since it was written.' });
  });

  it('finds the chain downgraded to plain SHA-256 hashes that anyone could recompute', async () => {
    await rewriteAndRehash(1, (prev, r) => auditHash(prev, r));
    expect(await checkAuditTrail(ctx)).toMatchObject({ intact: false, broken_at: 1, problem: 'Event 1 should be signed with the audit key but is not.' });
  });

  it('finds the newest events deleted (truncation), naming the first missing one', async () => {
    await t.ctx.db.deleteFrom('audit_events').where('seq', '>=', 6).execute();
    expect(await checkAuditTrail(ctx)).toMatchObject({
      events: 5,
      intact: false,
      broken_at: 6,
      problem: 'The newest events are missing: the checkpoint records 7, the table holds 5.',
    });
    // The checkpoint is not moved back to hide it.
    await checkpointAudit(ctx);
    expect((await checkAuditTrail(ctx)).intact).toBe(false);
  });

  it('finds an edited or missing checkpoint', async () => {
    seal.head = seal.head!.replace('"seq": 7', '"seq": 5');
    expect(await checkAuditTrail(ctx)).toMatchObject({ intact: false, problem: expect.stringContaining('checkpoint of the audit chain has been altered') });
    seal.head = null;
    expect(await checkAuditTrail(ctx)).toMatchObject({ intact: false, problem: expect.stringContaining('checkpoint of the audit chain is missing') });
  });

  it('finds keyed events checked without the key', async () => {
    expect(await checkAuditTrail({ ...t.ctx })).toMatchObject({ intact: false, broken_at: 1, problem: expect.stringContaining('was not given') });
  });
});

describe('the audit seal in the data folder', () => {
  let dir: string;
  beforeEach(() => {
    dir = mkdtempSync(join(tmpdir(), 'steve-seal-'));
  });
  afterEach(() => rmSync(dir, { recursive: true, force: true }));

  it('makes a 32-byte key file readable only by its owner on first use, and keeps it', async () => {
    const seal = fileAuditSeal(join(dir, 'data'));
    const key = seal.key();
    expect(key).toHaveLength(32);
    expect(statSync(join(dir, 'data', 'audit.key')).mode & 0o777).toBe(0o600);
    expect(fileAuditSeal(join(dir, 'data')).key().equals(key)).toBe(true);
    await seal.writeHead('{"x":1}\n');
    expect(statSync(join(dir, 'data', 'audit-head.json')).mode & 0o777).toBe(0o600);
    expect(readFileSync(join(dir, 'data', 'audit-head.json'), 'utf8')).toBe('{"x":1}\n');
    expect(await fileAuditSeal(join(dir, 'data')).readHead()).toBe('{"x":1}\n');
  });

  it('uses STEVE_AUDIT_KEY instead of a file when given', () => {
    const seal = fileAuditSeal(join(dir, 'data'), 'an-audit-key-of-at-least-32-characters');
    expect(seal.key().toString('utf8')).toBe('an-audit-key-of-at-least-32-characters');
    expect(() => statSync(join(dir, 'data', 'audit.key'))).toThrow();
  });
});
