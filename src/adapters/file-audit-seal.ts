/**
 * The audit seal in the data folder: `audit.key` (32 random bytes, hex, mode 0600, made on first
 * use) unless STEVE_AUDIT_KEY gives the key, and `audit-head.json` (mode 0600) for the checkpoint,
 * replaced whole by rename so a crash never leaves half a file.
 */
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, mkdirSync, readFileSync, renameSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { AuditSeal } from '../ports/audit-seal.js';

export const AUDIT_KEY_FILE = 'audit.key';
export const AUDIT_HEAD_FILE = 'audit-head.json';

export function fileAuditSeal(dataDir: string, envKey?: string): AuditSeal {
  let key: Buffer | undefined;
  const keyFile = join(dataDir, AUDIT_KEY_FILE);
  const headFile = join(dataDir, AUDIT_HEAD_FILE);
  return {
    location: dataDir,
    key() {
      if (key) return key;
      if (envKey) return (key = Buffer.from(envKey, 'utf8'));
      if (!existsSync(keyFile)) {
        mkdirSync(dataDir, { recursive: true, mode: 0o700 });
        // 'wx' fails if another process made it meanwhile; its key is then read below.
        try {
          writeFileSync(keyFile, `${randomBytes(32).toString('hex')}\n`, { mode: 0o600, flag: 'wx' });
        } catch (e) {
          if ((e as NodeJS.ErrnoException).code !== 'EEXIST') throw e;
        }
      }
      return (key = Buffer.from(readFileSync(keyFile, 'utf8').trim(), 'hex'));
    },
    async readHead() {
      return existsSync(headFile) ? readFileSync(headFile, 'utf8') : null;
    },
    async writeHead(text: string) {
      const tmp = `${headFile}.${process.pid}.tmp`;
      writeFileSync(tmp, text, { mode: 0o600 });
      chmodSync(tmp, 0o600);
      renameSync(tmp, headFile);
    },
  };
}

/** For tests and throwaway practices: the key and checkpoint in memory. */
export function memoryAuditSeal(key = randomBytes(32)): AuditSeal & { head: string | null } {
  const seal = {
    location: 'memory',
    head: null as string | null,
    key: () => key,
    readHead: async () => seal.head,
    writeHead: async (text: string) => {
      seal.head = text;
    },
  };
  return seal;
}
