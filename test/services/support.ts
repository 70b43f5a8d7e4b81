/**
 * Shared set-up for service tests: a fresh store per test on each dialect, a fixed clock,
 * a seeded practice with one user of each role, and row counts for "nothing was written".
 */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import type { Kysely } from 'kysely';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Dialect, Store } from '../../src/db/connect.js';
import { EXPORT_TABLES, type Database } from '../../src/db/schema.js';
import type { Role } from '../../src/domain/vocabulary.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { createUser } from '../../src/services/users/create-user.js';
import { freshStore } from '../support/stores.js';

export const TODAY = '2026-11-27';
export const clock = fixedClock(TODAY);

export interface TestDb {
  store: Store;
  ctx: ServiceContext;
}

export async function openTestDb(dialect: Dialect): Promise<TestDb> {
  const store = await freshStore(dialect);
  return { store, ctx: { db: store.db, dialect: store.dialect, clock, mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor } };
}

export interface SeededUser {
  id: string;
  name: string;
  role: Role;
}

export interface Seeded {
  owner: SeededUser;
  clinician: SeededUser;
  otherClinician: SeededUser;
  admin: SeededUser;
}

/** Fictional practice "Harbour Lane OT" with an owner, two clinicians and an admin. */
export async function seedPractice(ctx: ServiceContext): Promise<Seeded> {
  const init = await initPractice(ctx, {
    practice: 'Harbour Lane OT',
    owner_name: 'Olive Owner',
    owner_email: 'olive@harbour-lane.test',
    owner_password: 'owner-password-1',
    owner_hcpc_number: 'OT11111',
  });
  const mk = async (name: string, email: string, role: Role): Promise<SeededUser> => {
    const u = await createUser(ctx, { name, email, role, password: 'password-for-tests', ...(role === 'admin' ? {} : { hcpc_number: 'OT22222' }) });
    return { id: u.id, name: u.name, role };
  };
  return {
    owner: { id: init.owner_id, name: 'Olive Owner', role: 'owner' },
    clinician: await mk('Cara Clinician', 'cara@harbour-lane.test', 'clinician'),
    otherClinician: await mk('Dev Other', 'dev@harbour-lane.test', 'clinician'),
    admin: await mk('Ada Admin', 'ada@harbour-lane.test', 'admin'),
  };
}

export function as(ctx: ServiceContext, user: SeededUser): ServiceContext {
  return { ...ctx, actor: { kind: 'user', id: user.id, role: user.role, name: user.name } };
}

/** Rows in every practice table (and sign-in tables), to prove a refused call wrote nothing. */
const COUNTED = [...EXPORT_TABLES, 'auth_sessions', 'login_attempts'] as const;
export type CountedTable = (typeof COUNTED)[number];

export async function rowCounts(db: Kysely<Database>): Promise<Record<CountedTable, number>> {
  const out = {} as Record<CountedTable, number>;
  for (const t of COUNTED) {
    const r = await db
      .selectFrom(t)
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .executeTakeFirstOrThrow();
    out[t] = Number(r.n);
  }
  return out;
}

/** Runs a call that must fail, and checks it left every table as it was. */
export async function refusedWithoutWriting(db: Kysely<Database>, call: () => Promise<unknown>): Promise<unknown> {
  const before = await rowCounts(db);
  let error: unknown = null;
  try {
    await call();
  } catch (e) {
    error = e;
  }
  if (error === null) throw new Error('expected the call to be refused, but it succeeded');
  const after = await rowCounts(db);
  if (JSON.stringify(before) !== JSON.stringify(after)) {
    throw new Error(`a refused call changed row counts: ${JSON.stringify(before)} → ${JSON.stringify(after)}`);
  }
  return error;
}
