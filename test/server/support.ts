/**
 * An in-process app over a fresh store, seeded through services (never the demo
 * generator): an owner, two clinicians and an admin, each with a known password.
 */
import { disabledLanguageModel } from '../../src/adapters/disabled-language-model.js';
import { disabledMail } from '../../src/adapters/disabled-mail.js';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { fixedClock } from '../../src/adapters/system-clock.js';
import type { Dialect, Store } from '../../src/db/connect.js';
import type { Clock } from '../../src/ports/clock.js';
import { buildApp, type AppDeps } from '../../src/server/app.js';
import { cliActor, type ServiceContext } from '../../src/services/context.js';
import { initPractice } from '../../src/services/practice/init-practice.js';
import { createUser } from '../../src/services/users/create-user.js';
import { freshStore } from '../support/stores.js';

export const START = '2026-11-27T09:00:00.000Z';

/** A fixed clock that a test can move forward (to expire a session, or leave a rate-limit window). */
export interface MovableClock extends Clock {
  advance(ms: number): void;
}

export function movableClock(iso = START): MovableClock {
  let at = new Date(iso).getTime();
  let inner = fixedClock(new Date(at).toISOString());
  return {
    now: () => inner.now(),
    today: () => inner.today(),
    advance(ms: number) {
      at += ms;
      inner = fixedClock(new Date(at).toISOString());
    },
  };
}

export const PEOPLE = {
  owner: { name: 'Olive Owner', email: 'owner@practice.test', password: 'owner-password-1' },
  clinician: { name: 'Cara Clinician', email: 'cara@practice.test', password: 'cara-password-1', hcpc_number: 'OT12345' },
  other: { name: 'Colin Otherclinician', email: 'colin@practice.test', password: 'colin-password-1', hcpc_number: 'OT54321' },
  admin: { name: 'Ada Admin', email: 'ada@practice.test', password: 'ada-password-1' },
} as const;
export type Who = keyof typeof PEOPLE;

export interface Agent {
  cookie: string;
  csrf: string;
  userId: string;
}

export interface TestApp {
  app: FastifyInstance;
  store: Store;
  clock: MovableClock;
  deps: AppDeps;
  /** A service context acting as the CLI (owner powers), for seeding. */
  system: ServiceContext;
  ids: Record<Who, string>;
  signIn(who: Who): Promise<Agent>;
  call(agent: Agent | null, method: string, url: string, body?: unknown, headers?: Record<string, string>): Promise<LightMyRequestResponse>;
  close(): Promise<void>;
}

export async function testApp(dialect: Dialect, opts: { seed?: boolean; webRoot?: string | null; bodyLimit?: number } = {}): Promise<TestApp> {
  const store = await freshStore(dialect);
  const clock = movableClock();
  const deps: AppDeps = {
    db: store.db,
    dialect: store.dialect,
    clock,
    mail: disabledMail,
    languageModel: disabledLanguageModel,
    sessionHours: 12,
    secureCookies: false,
    webRoot: opts.webRoot ?? null,
    logLevel: 'silent',
    version: 'test',
    ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}),
  };
  const system: ServiceContext = { db: store.db, dialect: store.dialect, clock, mail: disabledMail, languageModel: disabledLanguageModel, actor: cliActor };
  const ids = {} as Record<Who, string>;
  if (opts.seed !== false) {
    const made = await initPractice(system, {
      practice: 'Meadowbank Fictional OT',
      owner_name: PEOPLE.owner.name,
      owner_email: PEOPLE.owner.email,
      owner_password: PEOPLE.owner.password,
    });
    ids.owner = made.owner_id;
    ids.clinician = (await createUser(system, { ...PEOPLE.clinician, role: 'clinician' })).id;
    ids.other = (await createUser(system, { ...PEOPLE.other, role: 'clinician' })).id;
    ids.admin = (await createUser(system, { ...PEOPLE.admin, role: 'admin' })).id;
  }
  const app = await buildApp(deps);

  const call: TestApp['call'] = (agent, method, url, body, headers = {}) =>
    app.inject({
      method: method as 'GET',
      url,
      headers: {
        ...(agent ? { cookie: agent.cookie, 'x-csrf-token': agent.csrf } : {}),
        ...(body !== undefined ? { 'content-type': 'application/json' } : {}),
        ...headers,
      },
      ...(body !== undefined ? { payload: JSON.stringify(body) } : {}),
    });

  const signIn = async (who: Who): Promise<Agent> => {
    const res = await call(null, 'POST', '/api/auth/login', { email: PEOPLE[who].email, password: PEOPLE[who].password });
    if (res.statusCode !== 200) throw new Error(`sign-in as ${who} failed: ${res.statusCode} ${res.body}`);
    return { cookie: sessionCookieOf(res), csrf: res.json().csrf_token, userId: res.json().user.id };
  };

  return {
    app,
    store,
    clock,
    deps,
    system,
    ids,
    signIn,
    call,
    close: async () => {
      await app.close();
      await store.close();
    },
  };
}

/** "steve_session=…" from a response's Set-Cookie, ready for a Cookie header. */
export function sessionCookieOf(res: LightMyRequestResponse): string {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const line = list.find((c) => c.startsWith('steve_session='));
  if (!line) throw new Error('no session cookie set');
  return line.split(';')[0]!;
}
