/**
 * Each role against each signed-in route (docs/API.md): who gets 2xx, who 403, who 404
 * (another clinician's client, which must look absent), and 401 without a session.
 * "mine" = on Cara's caseload; "theirs" = on Colin's.
 */
import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addClient } from '../../src/services/clients/add-client.js';
import { addClientContact } from '../../src/services/clients/update-client.js';
import { openCase } from '../../src/services/cases/open-case.js';
import { addContact } from '../../src/services/organisations/add-contact.js';
import { addOrganisation } from '../../src/services/organisations/add-organisation.js';
import { addTask } from '../../src/services/tasks/add-task.js';
import { completeTask } from '../../src/services/tasks/complete-task.js';
import { rolesWith, type Permission } from '../../src/domain/permissions.js';
import { ROUTES } from '../../src/server/routes/index.js';
import { DIALECTS } from '../support/stores.js';
import { testApp, type Agent, type TestApp } from './support.js';

type Role = 'owner' | 'clinician' | 'admin' | 'none';
type Expect = Record<Role, number>;

interface Ids {
  mine: string;
  theirs: string;
  mineContact: string;
  theirsContact: string;
  org: string;
  orgContact: string;
  mineCase: string;
  theirsCase: string;
  adminUser: string;
}

interface Row {
  method: 'GET' | 'POST' | 'PATCH';
  url: (ids: Ids, fresh: Fresh) => string | Promise<string>;
  body?: (ids: Ids, n: number) => unknown;
  /** The permission the route asks for; none means any signed-in user. */
  permission?: Permission;
  /** The status a role admitted by the route gets. */
  ok: number;
  /** Another clinician's record: a clinician admitted by the route is told it does not exist. */
  theirs?: true;
}

/** Makes a new target for calls that change state one way only (complete a task, move a case). */
interface Fresh {
  task(clientId: string | null): Promise<string>;
  /** A task already marked done, for Reopen. */
  doneTask(clientId: string): Promise<string>;
  case(clientId: string): Promise<string>;
}

/**
 * The expected statuses come from the permission table: whoever the row's permission leaves out
 * gets 403. The route must ask for that same permission, so a route and the table cannot disagree.
 */
function expected(name: string, row: Row): Expect {
  const [method, url] = name.split(' ');
  const route = ROUTES.find((r) => r.method === method && r.url === url);
  if (!route) throw new Error(`No route ${method} ${url}`);
  const access = row.permission ?? 'signed_in';
  if (route.access !== access) throw new Error(`${method} ${url} asks for ${route.access}, the matrix expects ${access}`);
  const status = (role: Exclude<Role, 'none'>): number => {
    if (row.permission && !rolesWith(row.permission).includes(role)) return 403;
    return row.theirs && role === 'clinician' ? 404 : row.ok;
  };
  return { owner: status('owner'), clinician: status('clinician'), admin: status('admin'), none: 401 };
}

const ROWS: Record<string, Row> = {
  'GET /api/auth/me': { method: 'GET', url: () => '/api/auth/me', ok: 200 },
  'POST /api/auth/totp/setup': { method: 'POST', url: () => '/api/auth/totp/setup', ok: 200 },
  'POST /api/auth/totp/enable (wrong code)': { method: 'POST', url: () => '/api/auth/totp/enable', body: () => ({ token: '000000' }), ok: 400 },
  'POST /api/auth/totp/disable (wrong password)': {
    method: 'POST',
    url: () => '/api/auth/totp/disable',
    body: () => ({ password: 'not-it' }),
    ok: 400,
  },
  'POST /api/auth/password (wrong current password)': {
    method: 'POST',
    url: () => '/api/auth/password',
    body: () => ({ current_password: 'not-it', new_password: 'heron-kettle-57-marsh' }),
    ok: 400,
  },
  'GET /api/briefing': { method: 'GET', url: () => '/api/briefing', ok: 200 },
  'POST /api/deadlines/sync': { method: 'POST', url: () => '/api/deadlines/sync', permission: 'deadlines.repair', ok: 200 },
  'GET /api/search': { method: 'GET', url: () => '/api/search?q=fict', ok: 200 },
  'GET /api/clients': { method: 'GET', url: () => '/api/clients?q=a&limit=10', ok: 200 },
  'POST /api/clients': {
    method: 'POST',
    url: () => '/api/clients',
    body: (_, n) => ({ name: `Fictional Newclient ${n}`, dob: '2016-05-04' }),
    permission: 'clients.add',
    ok: 201,
  },
  'GET /api/clients/:id (mine)': { method: 'GET', url: (i) => `/api/clients/${i.mine}`, ok: 200 },
  'GET /api/clients/:id (theirs)': { method: 'GET', url: (i) => `/api/clients/${i.theirs}`, ok: 200, theirs: true },
  'PATCH /api/clients/:id (mine)': { method: 'PATCH', url: (i) => `/api/clients/${i.mine}`, body: () => ({ phone: '01632 960001' }), ok: 200 },
  'PATCH /api/clients/:id (theirs)': {
    method: 'PATCH',
    url: (i) => `/api/clients/${i.theirs}`,
    body: () => ({ phone: '01632 960002' }),
    ok: 200,
    theirs: true,
  },
  'POST /api/clients/:id/contacts (mine)': {
    method: 'POST',
    url: (i) => `/api/clients/${i.mine}/contacts`,
    body: (_, n) => ({ name: `Carer ${n}` }),
    ok: 201,
  },
  'POST /api/clients/:id/contacts (theirs)': {
    method: 'POST',
    url: (i) => `/api/clients/${i.theirs}/contacts`,
    body: (_, n) => ({ name: `Carer ${n}` }),
    ok: 201,
    theirs: true,
  },
  'PATCH /api/client-contacts/:id (mine)': {
    method: 'PATCH',
    url: (i) => `/api/client-contacts/${i.mineContact}`,
    body: () => ({ phone: '01632 960003' }),
    ok: 200,
  },
  'PATCH /api/client-contacts/:id (theirs)': {
    method: 'PATCH',
    url: (i) => `/api/client-contacts/${i.theirsContact}`,
    body: () => ({ phone: '01632 960004' }),
    ok: 200,
    theirs: true,
  },
  'GET /api/organisations': { method: 'GET', url: () => '/api/organisations?kind=school', ok: 200 },
  'POST /api/organisations': {
    method: 'POST',
    url: () => '/api/organisations',
    body: (_, n) => ({ name: `Fictional Academy ${n}`, kind: 'school' }),
    ok: 201,
  },
  'GET /api/organisations/:id': { method: 'GET', url: (i) => `/api/organisations/${i.org}`, ok: 200 },
  'PATCH /api/organisations/:id': { method: 'PATCH', url: (i) => `/api/organisations/${i.org}`, body: () => ({ phone: '01632 960005' }), ok: 200 },
  'POST /api/organisations/:id/contacts': {
    method: 'POST',
    url: (i) => `/api/organisations/${i.org}/contacts`,
    body: (_, n) => ({ name: `Senco ${n}` }),
    ok: 201,
  },
  'PATCH /api/contacts/:id': { method: 'PATCH', url: (i) => `/api/contacts/${i.orgContact}`, body: () => ({ role: 'SENCO' }), ok: 200 },
  'GET /api/cases': { method: 'GET', url: () => '/api/cases', ok: 200 },
  'POST /api/cases (mine)': {
    method: 'POST',
    url: () => '/api/cases',
    body: (i) => ({ client_id: i.mine, service_line: 'paediatric' }),
    permission: 'cases.open',
    ok: 201,
  },
  'POST /api/cases (theirs)': {
    method: 'POST',
    url: () => '/api/cases',
    body: (i) => ({ client_id: i.theirs, service_line: 'paediatric' }),
    permission: 'cases.open',
    ok: 201,
    theirs: true,
  },
  'GET /api/cases/:id (mine)': { method: 'GET', url: (i) => `/api/cases/${i.mineCase}`, ok: 200 },
  'GET /api/cases/:id (theirs)': { method: 'GET', url: (i) => `/api/cases/${i.theirsCase}`, ok: 200, theirs: true },
  'POST /api/cases/:id/status (mine)': {
    method: 'POST',
    url: async (i, f) => `/api/cases/${await f.case(i.mine)}/status`,
    body: () => ({ status: 'on_hold' }),
    permission: 'cases.change',
    ok: 200,
  },
  'POST /api/cases/:id/status (theirs)': {
    method: 'POST',
    url: async (i, f) => `/api/cases/${await f.case(i.theirs)}/status`,
    body: () => ({ status: 'on_hold' }),
    permission: 'cases.change',
    ok: 200,
    theirs: true,
  },
  'GET /api/tasks': { method: 'GET', url: () => '/api/tasks', ok: 200 },
  'POST /api/tasks': {
    method: 'POST',
    url: () => '/api/tasks',
    body: (i, n) => ({ title: `Chase report ${n}`, due_on: '2026-12-04', client_id: i.mine }),
    ok: 201,
  },
  'POST /api/tasks/:id/complete (mine)': {
    method: 'POST',
    url: async (i, f) => `/api/tasks/${await f.task(i.mine)}/complete`,
    body: () => ({}),
    ok: 200,
  },
  'POST /api/tasks/:id/complete (theirs)': {
    method: 'POST',
    url: async (i, f) => `/api/tasks/${await f.task(i.theirs)}/complete`,
    body: () => ({}),
    ok: 200,
    theirs: true,
  },
  'POST /api/tasks/:id/snooze': {
    method: 'POST',
    url: async (i, f) => `/api/tasks/${await f.task(i.mine)}/snooze`,
    body: () => ({ until: '2026-12-01', reason: 'Waiting for the school' }),
    ok: 200,
  },
  'POST /api/tasks/:id/reopen (mine)': {
    method: 'POST',
    url: async (i, f) => `/api/tasks/${await f.doneTask(i.mine)}/reopen`,
    body: () => ({}),
    ok: 200,
  },
  'POST /api/tasks/:id/reopen (theirs)': {
    method: 'POST',
    url: async (i, f) => `/api/tasks/${await f.doneTask(i.theirs)}/reopen`,
    body: () => ({}),
    ok: 200,
    theirs: true,
  },
  'GET /api/tasks/:id/history (mine)': { method: 'GET', url: async (i, f) => `/api/tasks/${await f.doneTask(i.mine)}/history`, ok: 200 },
  'GET /api/tasks/:id/history (theirs)': { method: 'GET', url: async (i, f) => `/api/tasks/${await f.doneTask(i.theirs)}/history`, ok: 200, theirs: true },
  'GET /api/tasks/recent': { method: 'GET', url: () => '/api/tasks/recent', ok: 200 },
  'GET /api/practice': { method: 'GET', url: () => '/api/practice', ok: 200 },
  'PATCH /api/practice': { method: 'PATCH', url: () => '/api/practice', body: () => ({ phone: '01632 960006' }), permission: 'practice.change', ok: 200 },
  'GET /api/users': { method: 'GET', url: () => '/api/users', ok: 200 },
  'POST /api/users': {
    method: 'POST',
    url: () => '/api/users',
    body: (_, n) => ({ name: `New Person ${n}`, email: `new${n}@practice.test`, role: 'clinician', password: 'a-long-password' }),
    permission: 'users.manage',
    ok: 201,
  },
  'PATCH /api/users/:id': {
    method: 'PATCH',
    url: (i) => `/api/users/${i.adminUser}`,
    body: () => ({ name: 'Ada Admin-Renamed' }),
    permission: 'users.manage',
    ok: 200,
  },
  'PATCH /api/account/details': {
    method: 'PATCH',
    url: () => '/api/account/details',
    body: () => ({ qualifications: 'BSc (Hons) Occupational Therapy' }),
    ok: 200,
  },
  'POST /api/users/:id/password-reset': {
    method: 'POST',
    url: (i) => `/api/users/${i.adminUser}/password-reset`,
    permission: 'users.manage',
    ok: 201,
  },
  'POST /api/users/:id/unlock': { method: 'POST', url: (i) => `/api/users/${i.adminUser}/unlock`, permission: 'users.manage', ok: 200 },
  'GET /api/audit': { method: 'GET', url: () => '/api/audit', permission: 'audit.read', ok: 200 },
  'GET /api/audit/verify': { method: 'GET', url: () => '/api/audit/verify', permission: 'audit.read', ok: 200 },
};

describe.each(DIALECTS)('authorisation matrix (%s)', (dialect) => {
  let t: TestApp;
  let ids: Ids;
  let fresh: Fresh;
  const agents = {} as Record<Role, Agent | null>;
  let n = 0;

  beforeAll(async () => {
    t = await testApp(dialect);
    const s = t.system;
    const mine = (await addClient(s, { name: 'Fictional Mine', dob: '2015-01-02', lead_clinician_id: t.ids.clinician })).id;
    const theirs = (await addClient(s, { name: 'Fictional Theirs', dob: '2014-02-03', lead_clinician_id: t.ids.other })).id;
    const org = (await addOrganisation(s, { name: 'Fictional Primary School', kind: 'school' })).id;
    ids = {
      mine,
      theirs,
      mineContact: (await addClientContact(s, mine, { name: 'Parent Mine' })).id,
      theirsContact: (await addClientContact(s, theirs, { name: 'Parent Theirs' })).id,
      org,
      orgContact: (await addContact(s, org, { name: 'Sam Senco' })).id,
      mineCase: (await openCase(s, { client_id: mine, service_line: 'paediatric', clinician_id: t.ids.clinician })).id,
      theirsCase: (await openCase(s, { client_id: theirs, service_line: 'paediatric', clinician_id: t.ids.other })).id,
      adminUser: t.ids.admin,
    };
    fresh = {
      task: async (clientId) => (await addTask(s, { title: 'Fresh task', due_on: '2026-12-02', ...(clientId ? { client_id: clientId } : {}) })).id,
      case: async (clientId) => (await openCase(s, { client_id: clientId, service_line: 'paediatric' })).id,
      doneTask: async (clientId) => {
        const id = (await addTask(s, { title: 'Done task', due_on: '2026-12-02', client_id: clientId })).id;
        await completeTask(s, id, { note: 'Sent' });
        return id;
      },
    };
    agents.owner = await t.signIn('owner');
    agents.clinician = await t.signIn('clinician');
    agents.admin = await t.signIn('admin');
    agents.none = null;
  });
  afterAll(() => t.close());

  const cases = Object.entries(ROWS).flatMap(([name, row]) => (['owner', 'clinician', 'admin', 'none'] as const).map((role) => [name, role, row] as const));

  it.each(cases)('%s as %s', async (name, role, row) => {
    const url = await row.url(ids, fresh);
    const res = await t.call(agents[role], row.method, url, row.body?.(ids, ++n));
    expect({ status: res.statusCode, body: res.statusCode >= 400 ? res.json() : undefined }).toMatchObject({ status: expected(name, row)[role] });
    expect(res.headers['content-type']).toMatch(/^application\/json/);
    if (res.statusCode >= 400) expect(res.json().error.code).toBeTypeOf('string');
  });

  it('registers every open and signed-in route of docs/API.md and the matrix covers each signed-in one', () => {
    const covered = new Set(Object.keys(ROWS).map((k) => k.split(' ').slice(0, 2).join(' ')));
    const open = ['GET /api/health', 'GET /api/setup', 'POST /api/setup', 'POST /api/auth/login', 'POST /api/auth/password-reset', 'POST /api/auth/logout'];
    const documented = [...readApiDoc().matchAll(/^\| (GET|POST|PATCH|PUT|DELETE) \| (\/api\/\S+) \|/gm)].map((m) => `${m[1]} ${m[2]}`);
    expect(documented.length).toBeGreaterThan(30);
    for (const route of documented) {
      const [method, url] = route.split(' ') as ['GET', string];
      expect(t.app.hasRoute({ method, url }), `${route} is registered`).toBe(true);
      if (!open.includes(route)) expect(covered, route).toContain(route);
    }
  });
});

/** The "Open routes" and "Signed-in routes" sections of docs/API.md; each later area's section is checked by that area's own tests. */
function readApiDoc(): string {
  const doc = readFileSync(new URL('../../docs/API.md', import.meta.url), 'utf8');
  const start = doc.indexOf('## Open routes');
  const signedIn = doc.indexOf('## Signed-in routes');
  const next = doc.indexOf('\n## ', signedIn + 1);
  return doc.slice(start, next === -1 ? undefined : next);
}
