/**
 * The audit chain's checkpoint, kept outside the database by the audit seal: how many events
 * there were, the newest one's hash, and from which event on hashes are keyed, signed with the
 * seal's key. Rows deleted from the end of the table, or a chain rewritten without the key,
 * no longer meet it.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';
import { z } from 'zod';

export interface AuditHead {
  seq: number;
  hash: string;
  keyed_from: number | null;
  at: string;
}

const headFile = z.object({
  format: z.literal('steve-audit-head'),
  seq: z.number().int().min(0),
  hash: z.string(),
  keyed_from: z.number().int().min(1).nullable(),
  at: z.string(),
  mac: z.string(),
});

const macOf = (key: Buffer, h: AuditHead): string =>
  createHmac('sha256', key)
    .update(`steve-audit-head\u001f${h.seq}\u001f${h.hash}\u001f${h.keyed_from ?? ''}\u001f${h.at}`)
    .digest('hex');

export function sealHead(key: Buffer, h: AuditHead): string {
  return `${JSON.stringify({ format: 'steve-audit-head', ...h, mac: macOf(key, h) }, null, 2)}\n`;
}

/** The checkpoint if it is well-formed and signed with this key; 'forged' when it is not. */
export function openHead(key: Buffer, text: string): AuditHead | 'forged' {
  let parsed: unknown;
  try {
    parsed = JSON.parse(text);
  } catch {
    return 'forged';
  }
  const r = headFile.safeParse(parsed);
  if (!r.success) return 'forged';
  const { format: _format, mac, ...head } = r.data;
  const expected = Buffer.from(macOf(key, head));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given) ? head : 'forged';
}
