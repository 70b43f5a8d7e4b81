/**
 * The one place that chooses an adapter for each port from the configuration: the system
 * clock, the local disk, and for mail and the language model the disabled adapters unless
 * something is set up. Both composition roots (cli.ts, server.ts) take their ports from here.
 */
import { resolve } from 'node:path';
import { disabledLanguageModel } from '../adapters/disabled-language-model.js';
import { disabledMail } from '../adapters/disabled-mail.js';
import { fileAuditSeal } from '../adapters/file-audit-seal.js';
import { localDiskFiles } from '../adapters/local-disk-files.js';
import { outboxMail } from '../adapters/outbox-mail.js';
import { systemClock } from '../adapters/system-clock.js';
import type { Config } from '../config/config.js';
import type { AuditSeal } from '../ports/audit-seal.js';
import type { Clock } from '../ports/clock.js';
import type { Files } from '../ports/files.js';
import type { LanguageModel } from '../ports/language-model.js';
import type { MailSender } from '../ports/mail.js';

export interface Adapters {
  clock: Clock;
  files: Files;
  mail: MailSender;
  languageModel: LanguageModel;
  auditSeal: AuditSeal;
}

/** The ports that need no configuration, for commands that run before any is read. */
export const localAdapters: Pick<Adapters, 'clock' | 'files'> = { clock: systemClock, files: localDiskFiles };

export function chooseAdapters(cfg: Pick<Config, 'mailOutbox' | 'dataDir' | 'auditKey'>): Adapters {
  const { clock, files } = localAdapters;
  return {
    clock,
    files,
    mail: cfg.mailOutbox ? outboxMail(resolve(cfg.mailOutbox), { files, clock }) : disabledMail,
    languageModel: disabledLanguageModel,
    // Beside the SQLite file, or for PostgreSQL in the data folder of the machine that runs Steve: never in the database.
    auditSeal: fileAuditSeal(resolve(cfg.dataDir), cfg.auditKey),
  };
}
