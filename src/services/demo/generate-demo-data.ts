/**
 * The demo practice as plain rows, computed in memory from a seed and a day. No I/O and no
 * clock: every date is counted from `today` and every id comes from the seeded stream, so
 * the same seed and day always give the same rows (build-demo-practice.ts writes them).
 */
import type { Insertable } from 'kysely';
import type { Database } from '../../db/schema.js';
import { addMonths, formatUkDate, type LocalDate } from '../../domain/calendar/local-date.js';
import { nhsCheckDigit } from '../../domain/people/nhs-number.js';
import type { FunderKind, Jurisdiction, ServiceLine } from '../../domain/vocabulary.js';
import {
  ACCIDENTS,
  ADAPTATIONS,
  ADULT_NEURO_CONDITIONS,
  CASE_MANAGEMENT_FIRMS,
  CHILD_DIAGNOSES,
  EMPLOYERS,
  FIRST_NAMES_ADULT,
  FIRST_NAMES_CHILD,
  INSURER_DETAILS,
  LOCAL_AUTHORITIES,
  MENTAL_HEALTH_REASONS,
  SCHOOL_KINDS,
  SCHOOL_PLACES,
  SOLICITOR_FIRMS,
  STREET_KINDS,
  STREET_NAMES,
  SURNAMES,
  TENURES,
  TOWNS,
  type Town,
} from './fixtures.js';
import { IdMaker, Rng } from './prng.js';

/** The tables the demo fills. Rows name every column they set, so each multi-row insert has one column list. */
/** Rule families the deadline engine plans itself; the generator leaves their tasks to it. */
const ENGINE_RULES = new Set([
  'EHCP-ADV-01',
  'EHCP-AR-01',
  'EHCP-AR-04',
  'EHCP-PT-01',
  'EHCP-PT-02',
  'EHCP-PT-03',
  'EHCP-PT-04',
  'EHCP-NA-05',
  'EHCP-AM-01',
  'EHCP-TR-01',
  'INS-GEN-02',
  'INS-ENG-01',
  'ML-PD-04',
  'ML-Q-01',
  'ML-Q-02',
  'DFG-03',
  'ATW-01',
]);

export const DEMO_TABLES = [
  'practice',
  'users',
  'clients',
  'client_contacts',
  'organisations',
  'contacts',
  'cases',
  'case_shares',
  'ehcp_plans',
  'authorisations',
  'medico_legal_instructions',
  'housing_adaptations',
  'workplace_assessments',
  'sessions',
  'tasks',
  'correspondence',
  'compliance_items',
  'subject_access_requests',
] as const satisfies readonly (keyof Database)[];
export type DemoTable = (typeof DEMO_TABLES)[number];
export type DemoData = { [T in DemoTable]: Insertable<Database[T]>[] };

export const DEMO_PRACTICE_NAME = 'Meadowbank Occupational Therapy';
export const DEMO_EMAIL_DOMAIN = 'demo.steve.test';

export interface DemoOptions {
  seed: number;
  clients: number;
  today: LocalDate;
  passwordHash: string;
}

interface ContactRef {
  id: string;
  name: string;
  role: string;
}
interface OrgRef {
  id: string;
  name: string;
  kind: string;
  contacts: ContactRef[];
  jurisdiction: Jurisdiction;
}
type Case = Insertable<Database['cases']> & { clinician_id: string | null; status: string; opened_on: string; service_line: string; jurisdiction: string };
type Client = Insertable<Database['clients']> & {
  address: string;
  consent_school: number;
  consent_la: number;
  consent_insurer: number;
  consent_solicitor: number;
  created_at: string;
  updated_at: string;
};

type EhcpVariant = 'advice_requested' | 'review_soon' | 'phase_transfer_6' | 'phase_transfer_11' | 'established';
type MlStage =
  | 'instructed'
  | 'records_received'
  | 'assessed'
  | 'report_drafted'
  | 'served'
  | 'questions'
  | 'addendum'
  | 'joint_statement'
  | 'trial_window'
  | 'settled'
  | 'closed';
type Scenario =
  | { kind: 'ehcp'; variant: EhcpVariant; jurisdiction: Jurisdiction; forced: boolean }
  | { kind: 'insured'; insurer: number; line: 'paediatric' | 'adult_neuro' | 'mental_health'; variant: 'nearly_used' | 'expiring' | 'normal' }
  | { kind: 'medico_legal'; stage: MlStage }
  | { kind: 'housing'; stage: 'assessment' | 'recommendation_sent' | 'application_submitted' | 'approved' | 'works_complete' }
  | { kind: 'workplace'; stage: 'referred' | 'assessed' | 'report_sent' | 'review' }
  | { kind: 'self_pay'; line: 'paediatric' | 'adult_neuro' | 'mental_health' }
  | { kind: 'case_managed' }
  | { kind: 'nhs_mental_health' }
  | { kind: 'other' };

const ML_STAGE_ORDER: MlStage[] = [
  'instructed',
  'records_received',
  'assessed',
  'report_drafted',
  'served',
  'questions',
  'addendum',
  'joint_statement',
  'trial_window',
  'settled',
  'closed',
];
const atLeast = (stage: MlStage, than: MlStage) => ML_STAGE_ORDER.indexOf(stage) >= ML_STAGE_ORDER.indexOf(than);

/** The scenarios every demo has, whatever its size, so each screen has something to show. */
function forcedScenarios(): Scenario[] {
  const s: Scenario[] = [
    { kind: 'ehcp', variant: 'advice_requested', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'advice_requested', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'review_soon', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'review_soon', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'phase_transfer_6', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'phase_transfer_11', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'established', jurisdiction: 'england', forced: true },
    { kind: 'ehcp', variant: 'established', jurisdiction: 'wales', forced: true },
    { kind: 'ehcp', variant: 'established', jurisdiction: 'scotland', forced: true },
  ];
  const variants = ['nearly_used', 'expiring', 'normal', 'nearly_used', 'expiring'] as const;
  const lines = ['paediatric', 'adult_neuro', 'mental_health', 'adult_neuro', 'paediatric'] as const;
  for (let i = 0; i < INSURER_DETAILS.length; i++) s.push({ kind: 'insured', insurer: i, line: lines[i]!, variant: variants[i]! });
  for (const stage of ['instructed', 'assessed', 'report_drafted', 'served', 'questions', 'joint_statement', 'settled'] as const)
    s.push({ kind: 'medico_legal', stage });
  s.push({ kind: 'housing', stage: 'recommendation_sent' }, { kind: 'housing', stage: 'application_submitted' });
  s.push({ kind: 'workplace', stage: 'referred' }, { kind: 'workplace', stage: 'report_sent' });
  s.push({ kind: 'case_managed' }, { kind: 'nhs_mental_health' }, { kind: 'self_pay', line: 'paediatric' }, { kind: 'other' });
  return s;
}

function randomScenario(rng: Rng): Scenario {
  const kind = rng.weighted([
    ['ehcp', 26],
    ['insured', 20],
    ['medico_legal', 13],
    ['housing', 9],
    ['workplace', 8],
    ['self_pay', 11],
    ['case_managed', 5],
    ['nhs_mental_health', 4],
    ['other', 4],
  ] as const);
  switch (kind) {
    case 'ehcp':
      return {
        kind,
        variant: rng.weighted([
          ['advice_requested', 2],
          ['review_soon', 3],
          ['phase_transfer_6', 1],
          ['phase_transfer_11', 1],
          ['established', 6],
        ] as const),
        jurisdiction: rng.weighted([
          ['england', 30],
          ['wales', 1],
          ['scotland', 1],
        ] as const),
        forced: false,
      };
    case 'insured':
      return {
        kind,
        insurer: rng.int(0, INSURER_DETAILS.length - 1),
        line: rng.weighted([
          ['paediatric', 3],
          ['adult_neuro', 4],
          ['mental_health', 3],
        ] as const),
        variant: rng.weighted([
          ['nearly_used', 2],
          ['expiring', 2],
          ['normal', 6],
        ] as const),
      };
    case 'medico_legal':
      return { kind, stage: rng.weighted(ML_STAGE_ORDER.map((st) => [st, st === 'instructed' || st === 'assessed' ? 3 : 1] as const)) };
    case 'housing':
      return { kind, stage: rng.pick(['assessment', 'recommendation_sent', 'application_submitted', 'approved', 'works_complete'] as const) };
    case 'workplace':
      return { kind, stage: rng.pick(['referred', 'assessed', 'report_sent', 'review'] as const) };
    case 'self_pay':
      return {
        kind,
        line: rng.weighted([
          ['paediatric', 5],
          ['adult_neuro', 3],
          ['mental_health', 2],
        ] as const),
      };
    default:
      return { kind };
  }
}

/*
 * Day arithmetic on day numbers with memoised ISO strings: the demo does a few million date
 * steps at 50 000 clients, and parsing and formatting each one dominated the build time.
 * Same results as domain/calendar/local-date.ts (UTC midnight, every day 24 hours).
 */
const dayOf = new Map<string, number>();
const isoOf = new Map<number, LocalDate>();
function dayNumber(d: string): number {
  let n = dayOf.get(d);
  if (n === undefined) {
    n = Math.round(Date.parse(d) / 86_400_000);
    dayOf.set(d, n);
  }
  return n;
}
function isoDay(n: number): LocalDate {
  let d = isoOf.get(n);
  if (d === undefined) {
    d = new Date(n * 86_400_000).toISOString().slice(0, 10) as LocalDate;
    isoOf.set(n, d);
    dayOf.set(d, n);
  }
  return d;
}
const addDays = (d: string, days: number): LocalDate => isoDay(dayNumber(d) + days);
/** 0 = Sunday … 6 = Saturday (1 January 1970 was a Thursday). */
const dayOfWeek = (d: string): number => (((dayNumber(d) + 4) % 7) + 7) % 7;

const pad2 = (n: number) => String(n).padStart(2, '0');
const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));
const minDate = (a: LocalDate, b: LocalDate) => (a < b ? a : b);
const maxDate = (a: LocalDate, b: LocalDate) => (a > b ? a : b);
const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .toUpperCase();

/** The whole demo in memory at once: for small practices and tests. Large builds stream batches from DemoGenerator. */
export function generateDemoData(opts: DemoOptions): DemoData {
  const gen = new DemoGenerator(opts);
  const all = gen.header();
  const rest = gen.clientBatch(0, opts.clients);
  for (const t of DEMO_TABLES) (all[t] as unknown[]).push(...(rest[t] as unknown[]));
  return all;
}

const emptyData = (): DemoData => ({
  practice: [],
  users: [],
  clients: [],
  client_contacts: [],
  organisations: [],
  contacts: [],
  cases: [],
  case_shares: [],
  ehcp_plans: [],
  authorisations: [],
  medico_legal_instructions: [],
  housing_adaptations: [],
  workplace_assessments: [],
  sessions: [],
  tasks: [],
  correspondence: [],
  compliance_items: [],
  subject_access_requests: [],
});

/** Clients whose open case is shared with a second clinician whatever the demo's size (an EHCP child, an insured client, a claimant). */
const FORCED_SHARES = new Set([2, 10, 16]);

/**
 * Generates the practice in order: `header()` once (practice, staff, organisations, the
 * compliance register), then `clientBatch()` over consecutive client numbers. Rows come out
 * in batches so a 50 000-client demo never holds a million rows in memory at once; the
 * seeded stream is consumed in the same order however the batches are cut.
 */
export class DemoGenerator {
  private readonly rng: Rng;
  private readonly ids: IdMaker;
  private readonly today: LocalDate;
  private data: DemoData = emptyData();
  private readonly forced = forcedScenarios();
  private readonly orgs = new Map<string, OrgRef[]>();
  private readonly nhsNumbers = new Set<string>();
  private readonly staff: { id: string; name: string; role: string }[] = [];
  private readonly users: { id: string; hcpc_number: string | null }[] = [];
  /** Academic year in which today falls (a year starts in September). */
  private readonly academicYear: number;

  constructor(private readonly opts: DemoOptions) {
    this.rng = new Rng(opts.seed);
    this.today = opts.today;
    const [y, m, d] = opts.today.split('-').map(Number) as [number, number, number];
    this.academicYear = m >= 9 ? y : y - 1;
    // Ids carry a time stamp like UUIDv7; it counts up from 400 days before today so ids sort in creation order.
    this.ids = new IdMaker(opts.seed, Date.UTC(y, m - 1, d) - 400 * 86_400_000);
  }

  private take(): DemoData {
    const out = this.data;
    this.data = emptyData();
    return out;
  }

  header(): DemoData {
    this.practiceAndUsers();
    this.organisations();
    this.practiceTasks();
    return this.take();
  }

  /** Clients number `from` up to (not including) `to`, with everything that hangs off them. */
  clientBatch(from: number, to: number): DemoData {
    for (let i = from; i < to; i++) this.client(i < this.forced.length ? this.forced[i]! : randomScenario(this.rng), i);
    return this.take();
  }

  // ---------- small helpers ----------

  private stamp(d: LocalDate, minute = 0): string {
    const m = minute % 540;
    return `${d}T${pad2(8 + Math.floor(m / 60))}:${pad2(m % 60)}:00.000Z`;
  }

  private past(minDays: number, maxDays: number): LocalDate {
    return addDays(this.today, -this.rng.int(minDays, maxDays));
  }

  private weekday(d: LocalDate): LocalDate {
    const w = dayOfWeek(d);
    return w === 6 ? addDays(d, 2) : w === 0 ? addDays(d, 1) : d;
  }

  private landline(): string {
    return `01632 960${this.rng.digits(3)}`;
  }
  private mobile(): string {
    return `07700 900${this.rng.digits(3)}`;
  }

  private person(adult: boolean): { first: string; last: string; name: string } {
    const first = this.rng.pick(adult ? FIRST_NAMES_ADULT : FIRST_NAMES_CHILD);
    const last = this.rng.pick(SURNAMES);
    return { first, last, name: `${first} ${last}` };
  }

  private address(town: Town): { address: string; postcode: string } {
    const street = `${this.rng.pick(STREET_NAMES)} ${this.rng.pick(STREET_KINDS)}`;
    return {
      address: `${this.rng.int(1, 148)} ${street}, ${town.name}`,
      postcode: `${town.area}${this.rng.int(1, 9)} ${this.rng.int(1, 9)}${this.rng.letters(2, 'ABDEFGHJLNPQRSTUWXYZ')}`,
    };
  }

  private nhsNumber(): string {
    // 999 is the range NHS England keeps for test patients, so no demo number can be a real person's.
    for (;;) {
      const nine = `999${this.rng.digits(6)}`;
      const check = nhsCheckDigit(nine);
      if (check === null) continue;
      const n = `${nine}${check}`;
      if (this.nhsNumbers.has(n)) continue;
      this.nhsNumbers.add(n);
      return n;
    }
  }

  private org(kind: string, predicate?: (o: OrgRef) => boolean): OrgRef {
    const all = this.orgs.get(kind) ?? [];
    const list = predicate ? all.filter(predicate) : all;
    return this.rng.pick(list.length > 0 ? list : all);
  }

  private contact(org: OrgRef, role?: RegExp): ContactRef {
    const matching = role ? org.contacts.filter((c) => role.test(c.role)) : org.contacts;
    return this.rng.pick(matching.length > 0 ? matching : org.contacts);
  }

  private clinician(line: ServiceLine | 'ehcp' | 'welsh'): string {
    const [owner, c1, c2, c3] = this.staff as unknown as [{ id: string }, { id: string }, { id: string }, { id: string }];
    const table: Record<string, [string, number][]> = {
      ehcp: [
        [c1.id, 6],
        [c3.id, 3],
        [owner.id, 1],
      ],
      welsh: [[c3.id, 1]],
      paediatric: [
        [c1.id, 5],
        [c3.id, 3],
        [owner.id, 1],
      ],
      adult_neuro: [
        [c2.id, 5],
        [c3.id, 2],
        [owner.id, 2],
      ],
      mental_health: [
        [c2.id, 4],
        [c3.id, 3],
      ],
      workplace: [
        [c2.id, 3],
        [c3.id, 2],
        [owner.id, 1],
      ],
      housing: [
        [c3.id, 4],
        [c2.id, 2],
      ],
      medico_legal: [
        [owner.id, 6],
        [c2.id, 2],
      ],
      other: [
        [c3.id, 2],
        [c1.id, 1],
        [c2.id, 1],
      ],
    };
    return this.rng.weighted(table[line]!);
  }

  // ---------- practice, staff, organisations ----------

  private practiceAndUsers(): void {
    const t = this.today;
    const created = addMonths(t, -38);
    this.data.practice.push({
      id: this.ids.next(),
      name: DEMO_PRACTICE_NAME,
      address: 'Suite 4, The Old Bobbin Mill, 12 Weaver Lane, Meadowbank, MB1 4QT',
      phone: '01632 960001',
      email: 'hello@meadowbank-ot.test',
      letterhead:
        'Meadowbank Occupational Therapy Ltd · Independent occupational therapists for children and adults\n' +
        'Suite 4, The Old Bobbin Mill, 12 Weaver Lane, Meadowbank, MB1 4QT · 01632 960001 · hello@meadowbank-ot.test\n' +
        'Registered in England and Wales, company no. 00000000 (demo). All clinicians are registered with the HCPC.',
      bank_details: 'Meadowbank Occupational Therapy Ltd · Demo Bank plc (fictional) · Sort code 00-00-00 · Account 00012345 · Reference: invoice number',
      default_jurisdiction: 'england',
      invoice_prefix: 'MOT-',
      created_at: this.stamp(created),
    });
    const people = [
      { key: 'owner', name: 'Eleanor Marsh', role: 'owner', hcpc: true, months: 38 },
      { key: 'clinician1', name: 'Tom Okafor', role: 'clinician', hcpc: true, months: 30 },
      { key: 'clinician2', name: 'Priya Nair', role: 'clinician', hcpc: true, months: 22 },
      { key: 'clinician3', name: 'Gareth Llewellyn', role: 'clinician', hcpc: true, months: 14 },
      { key: 'admin', name: 'Jo Whitfield', role: 'admin', hcpc: false, months: 34 },
    ];
    for (const p of people) {
      const id = this.ids.next();
      this.data.users.push({
        id,
        name: p.name,
        email: `${p.key}@${DEMO_EMAIL_DOMAIN}`,
        role: p.role,
        hcpc_number: p.hcpc ? `OT${this.rng.int(10000, 99999)}` : null,
        password_hash: this.opts.passwordHash,
        totp_secret: null,
        active: 1,
        created_at: this.stamp(addMonths(t, -p.months), 30),
      });
      if (p.role !== 'admin') this.staff.push({ id, name: p.name, role: p.role });
      this.users.push({ id, hcpc_number: this.data.users.at(-1)!.hcpc_number ?? null });
    }
  }

  private addOrg(kind: string, name: string, jurisdiction: Jurisdiction, town: Town, contactRoles: string[], doctor = false): OrgRef {
    const id = this.ids.next();
    const { address, postcode } = this.address(town);
    const domain = `${slug(name)}.test`;
    this.data.organisations.push({
      id,
      name,
      kind,
      address: `${address}, ${postcode}`,
      phone: this.landline(),
      email: `enquiries@${domain}`,
      notes: '',
      created_at: this.stamp(addMonths(this.today, -this.rng.int(6, 36)), this.rng.int(0, 500)),
    });
    const ref: OrgRef = { id, name, kind, contacts: [], jurisdiction };
    for (const role of contactRoles) {
      const p = this.person(true);
      const cid = this.ids.next();
      const name = doctor && /GP|Consultant/.test(role) ? `Dr ${p.name}` : p.name;
      this.data.contacts.push({
        id: cid,
        organisation_id: id,
        name,
        role,
        email: `${p.first.toLowerCase()}.${p.last.toLowerCase()}@${domain}`,
        phone: this.landline(),
        updated_at: this.stamp(addMonths(this.today, -this.rng.int(0, 6)), this.rng.int(0, 500)),
      });
      ref.contacts.push({ id: cid, name, role });
    }
    const list = this.orgs.get(kind) ?? [];
    list.push(ref);
    this.orgs.set(kind, list);
    return ref;
  }

  /** Organisations grow with the practice but stay bounded (at most 400), as a real referral network does. */
  private organisations(): void {
    const s = this.opts.clients / 60;
    const townByName = (n: string) => TOWNS.find((t) => t.name === n)!;
    const england = TOWNS.filter((t) => t.jurisdiction === 'england');
    const unique = (make: () => string, used: Set<string>): string => {
      for (let i = 0; i < 50; i++) {
        const n = make();
        if (!used.has(n)) {
          used.add(n);
          return n;
        }
      }
      let k = 2;
      const base = make();
      while (used.has(`${base} ${k}`)) k++;
      used.add(`${base} ${k}`);
      return `${base} ${k}`;
    };

    for (const la of LOCAL_AUTHORITIES) {
      this.addOrg('local_authority', la.name, la.jurisdiction, townByName(la.town), [
        la.jurisdiction === 'england' ? 'SEN case officer' : la.jurisdiction === 'wales' ? 'ALN officer' : 'ASN officer',
        la.jurisdiction === 'england' ? 'EHC plan coordinator' : 'Inclusion manager',
        'Adult social care OT lead',
      ]);
    }

    this.addOrg('school', 'Ysgol Gynradd Llanfawr', 'wales', townByName('Llanfawr'), ['ALNCo', 'Headteacher']);
    this.addOrg('school', 'Glenmorven Primary School', 'scotland', townByName('Glenmorven'), ['Additional support needs coordinator', 'Headteacher']);
    const schoolNames = new Set<string>();
    const schools = clamp(Math.round(8 * s), 8, 150);
    for (let i = 0; i < schools; i++) {
      // Alternate primary and secondary so year 6 and year 11 children both have somewhere to be.
      const kinds = i % 2 === 0 ? SCHOOL_KINDS.filter((k) => !/High|College/.test(k)) : SCHOOL_KINDS.filter((k) => /High|College|Academy|Special/.test(k));
      const name = unique(() => `${this.rng.pick(SCHOOL_PLACES)} ${this.rng.pick(kinds)}`, schoolNames);
      this.addOrg('school', name, 'england', this.rng.pick(england), ['SENCO', 'Headteacher', 'Class teacher']);
    }

    for (const ins of INSURER_DETAILS)
      this.addOrg('insurer', ins.name, 'england', this.rng.pick(england), [ins.handlerRole, ins.handlerRole, 'Provider relations']);

    const firmNames = new Set<string>();
    const solicitors = clamp(Math.round(5 * s), 5, 50);
    for (let i = 0; i < solicitors; i++) {
      const name =
        i < SOLICITOR_FIRMS.length
          ? SOLICITOR_FIRMS[i]!
          : unique(() => `${this.rng.pick(SURNAMES)} ${this.rng.pick(SURNAMES)} ${this.rng.pick(['LLP', 'Solicitors'])}`, firmNames);
      firmNames.add(name);
      this.addOrg('solicitor', name, 'england', this.rng.pick(england), ['Partner, personal injury', 'Associate solicitor', 'Paralegal']);
    }

    const cmNames = new Set<string>();
    const cms = clamp(Math.round(3 * s), 3, 20);
    for (let i = 0; i < cms; i++) {
      const name = i < CASE_MANAGEMENT_FIRMS.length ? CASE_MANAGEMENT_FIRMS[i]! : unique(() => `${this.rng.pick(SCHOOL_PLACES)} Case Management Ltd`, cmNames);
      this.addOrg('case_management', name, 'england', this.rng.pick(england), ['Case manager', 'Case manager']);
    }

    const gpNames = new Set<string>();
    const gps = clamp(Math.round(5 * s), 5, 100);
    for (let i = 0; i < gps; i++) {
      const town = i < 2 ? TOWNS[8 + i]! : this.rng.pick(england);
      const name = unique(
        () => `${i < 2 ? town.name : this.rng.pick(SCHOOL_PLACES)} ${this.rng.pick(['Medical Practice', 'Surgery', 'Health Centre', 'Family Practice'])}`,
        gpNames,
      );
      this.addOrg('gp_practice', name, town.jurisdiction, town, ['GP partner', 'Salaried GP', 'Practice manager'], true);
    }

    this.addOrg(
      'nhs_trust',
      'Meadowshire Community Healthcare NHS Trust',
      'england',
      townByName('Meadowbank'),
      ['Consultant community paediatrician', 'CMHT care coordinator', 'Wheelchair service lead'],
      true,
    );
    this.addOrg(
      'nhs_trust',
      'Kestrelford and Eastbrook Hospitals NHS Foundation Trust',
      'england',
      townByName('Kestrelford'),
      ['Consultant in neuro-rehabilitation', 'Discharge coordinator'],
      true,
    );

    const employerNames = new Set<string>();
    const employers = clamp(Math.round(4 * s), 4, 40);
    for (let i = 0; i < employers; i++) {
      const name =
        i < EMPLOYERS.length
          ? EMPLOYERS[i]!.name
          : unique(
              () => `${this.rng.pick(SCHOOL_PLACES)} ${this.rng.pick(['Foods', 'Packaging', 'Retail', 'Transport', 'Builders', 'Print'])} Ltd`,
              employerNames,
            );
      this.addOrg('employer', name, 'england', this.rng.pick(england), ['HR business partner', 'Occupational health adviser', 'Line manager']);
    }

    const housingNames = new Set<string>();
    const housing = clamp(Math.round(2 * s), 2, 10);
    for (let i = 0; i < housing; i++) {
      const name =
        i === 0
          ? 'Kestrelford Housing Services'
          : i === 1
            ? 'Eastbrook Homes Housing Association'
            : unique(() => `${this.rng.pick(SCHOOL_PLACES)} Housing Association`, housingNames);
      this.addOrg('housing_authority', name, 'england', this.rng.pick(england), ['Grants officer', 'Technical officer (surveyor)']);
    }

    this.addOrg('other', 'Meadowshire Carers\u2019 Centre', 'england', townByName('Meadowbank'), ['Family support worker']);
    this.addOrg('other', 'Access to Work – Meadowbank office (demo)', 'england', townByName('Meadowbank'), ['Access to Work adviser']);
    this.addOrg('other', 'Meadowshire Wheelchair and Seating Service', 'england', townByName('Meadowbank'), ['Service manager']);
  }

  // ---------- clients and their cases ----------

  private client(sc: Scenario, index: number): void {
    const child =
      sc.kind === 'ehcp' ||
      ((sc.kind === 'insured' || sc.kind === 'self_pay') && sc.line === 'paediatric') ||
      (sc.kind === 'medico_legal' && this.rng.chance(0.12));
    const jurisdiction: Jurisdiction = sc.kind === 'ehcp' ? sc.jurisdiction : 'england';
    const town = this.rng.pick(TOWNS.filter((t) => t.jurisdiction === jurisdiction));
    const who = this.person(!child);
    const dob = this.dobFor(sc, child);
    const { address, postcode } = this.address(town);
    const id = this.ids.next();
    const client: Client = {
      id,
      name: who.name,
      dob,
      // Scotland uses CHI numbers, and some adults never give an NHS number.
      nhs_number: jurisdiction === 'scotland' || this.rng.chance(0.06) ? null : this.nhsNumber(),
      address,
      postcode,
      phone: child ? '' : this.mobile(),
      email: child ? '' : `${who.first.toLowerCase()}.${who.last.toLowerCase()}${this.rng.int(1, 99)}@mail.demo.test`,
      consent_school: 0,
      consent_la: 0,
      consent_gp: this.rng.chance(0.85) ? 1 : 0,
      consent_insurer: 0,
      consent_solicitor: 0,
      lead_clinician_id: null,
      notes: '',
      created_at: '',
      updated_at: '',
    };
    if (sc.kind === 'ehcp') {
      client.consent_school = 1;
      client.consent_la = 1;
    }
    if (sc.kind === 'insured') client.consent_insurer = 1;
    if (sc.kind === 'medico_legal') client.consent_solicitor = 1;
    if (child && sc.kind !== 'ehcp') client.consent_school = this.rng.chance(0.6) ? 1 : 0;
    this.data.clients.push(client);

    const carers = child ? this.childContacts(client, who.last, town) : this.adultContacts(client, who.last);
    const primary = this.primaryCase(sc, client, carers);

    client.lead_clinician_id = primary.clinician_id;
    if (primary.status === 'open' && (FORCED_SHARES.has(index) || this.rng.chance(0.05))) {
      const other = this.rng.pick(this.staff.filter((u) => u.id !== primary.clinician_id));
      this.data.case_shares.push({ case_id: primary.id!, user_id: other.id });
    }
    let earliest = primary.opened_on;
    // About one client in five came before, for an earlier episode that has since ended.
    if (this.rng.chance(0.2)) earliest = this.earlierEpisode(client, primary, carers);
    client.created_at = this.stamp(earliest as LocalDate, 60);
    client.updated_at = this.stamp(maxDate(primary.opened_on as LocalDate, this.past(0, 30)), 90);
  }

  private dobFor(sc: Scenario, child: boolean): LocalDate {
    if (sc.kind === 'ehcp' && (sc.variant === 'phase_transfer_6' || sc.variant === 'phase_transfer_11')) {
      // Transfer happens in the September of next calendar year: year 6 (or 11) in the autumn term, year 5 (or 10) before it.
      const transferYear = Number(this.today.slice(0, 4)) + 1;
      const yearGroupThen = sc.variant === 'phase_transfer_6' ? 6 : 11;
      const yearGroupNow = yearGroupThen - (transferYear - (this.academicYear + 1));
      const cohort = this.academicYear - 5 - yearGroupNow;
      return addDays(`${cohort}-09-01` as LocalDate, this.rng.int(0, 364));
    }
    if (child) {
      const age = sc.kind === 'ehcp' ? this.rng.int(4, 17) : this.rng.int(3, 15);
      return addDays(this.today, -(age * 365 + this.rng.int(0, 364)));
    }
    const age =
      sc.kind === 'workplace' || sc.kind === 'nhs_mental_health' || (sc.kind === 'insured' && sc.line === 'mental_health')
        ? this.rng.int(22, 62)
        : this.rng.int(19, 86);
    return addDays(this.today, -(age * 365 + this.rng.int(0, 364)));
  }

  private yearGroup(dob: LocalDate): { label: string; n: number } {
    const [y, m] = dob.split('-').map(Number) as [number, number];
    const cohort = m >= 9 ? y : y - 1;
    const n = this.academicYear - (cohort + 5);
    return { n, label: n <= 0 ? 'Reception' : n > 13 ? 'Post-19' : `Year ${n}` };
  }

  private childContacts(client: Client, surname: string, town: Town): { name: string; label: string }[] {
    const out: { name: string; label: string }[] = [];
    const arrangement = this.rng.weighted([
      ['two_parents', 5],
      ['mother', 3],
      ['father', 1],
      ['foster', 1],
      ['grandparent', 1],
    ] as const);
    const add = (relationship: string, pr: number, carer: number, last = surname) => {
      const first = this.rng.pick(FIRST_NAMES_ADULT);
      const name = `${first} ${last}`;
      this.data.client_contacts.push({
        id: this.ids.next(),
        client_id: client.id,
        name,
        relationship,
        is_carer: carer,
        parental_responsibility: pr,
        phone: this.mobile(),
        email: `${first.toLowerCase()}.${last.toLowerCase()}${this.rng.int(1, 99)}@mail.demo.test`,
        address: relationship === 'foster carer' ? this.address(town).address : client.address,
      });
      out.push({ name, label: relationship });
    };
    if (arrangement === 'two_parents') {
      add('mother', 1, 1);
      add('father', 1, 1);
    } else if (arrangement === 'mother' || arrangement === 'father') add(arrangement, 1, 1);
    else if (arrangement === 'foster') {
      add('foster carer', 0, 1, this.rng.pick(SURNAMES));
      add('social worker', 0, 0, this.rng.pick(SURNAMES));
    } else {
      add('grandmother (special guardian)', 1, 1);
    }
    return out;
  }

  private adultContacts(client: Client, surname: string): { name: string; label: string }[] {
    if (!this.rng.chance(0.45)) return [];
    const relationship = this.rng.pick(['wife', 'husband', 'partner', 'daughter', 'son', 'sister']);
    const first = this.rng.pick(FIRST_NAMES_ADULT);
    const name = `${first} ${relationship === 'partner' ? this.rng.pick(SURNAMES) : surname}`;
    this.data.client_contacts.push({
      id: this.ids.next(),
      client_id: client.id,
      name,
      relationship,
      is_carer: this.rng.chance(0.5) ? 1 : 0,
      parental_responsibility: 0,
      phone: this.mobile(),
      email: '',
      address: relationship === 'daughter' || relationship === 'son' || relationship === 'sister' ? '' : client.address,
    });
    return [{ name, label: relationship }];
  }

  private addCase(c: {
    client: Client;
    title: string;
    line: ServiceLine;
    funder_kind: FunderKind;
    funder?: OrgRef | null;
    referrer?: OrgRef | null;
    referrer_contact?: ContactRef | null;
    jurisdiction: Jurisdiction;
    status: string;
    clinician: string;
    opened_on: LocalDate;
    closed_on?: LocalDate | null;
  }): Case {
    const row: Case = {
      id: this.ids.next(),
      client_id: c.client.id,
      title: c.title,
      service_line: c.line,
      funder_kind: c.funder_kind,
      funder_org_id: c.funder?.id ?? null,
      referrer_org_id: c.referrer?.id ?? null,
      referrer_contact_id: c.referrer_contact?.id ?? null,
      jurisdiction: c.jurisdiction,
      status: c.status,
      clinician_id: c.clinician,
      opened_on: c.opened_on,
      closed_on: c.closed_on ?? null,
      created_at: this.stamp(c.opened_on, this.rng.int(0, 500)),
    };
    this.data.cases.push(row);
    return row;
  }

  private session(
    cs: Case,
    on: LocalDate,
    kind: string,
    opts: { minutes?: number; attendance?: string; authorisation?: string | null; billable?: number; notes?: string } = {},
  ): void {
    const minutes =
      opts.minutes ??
      (
        {
          assessment: this.rng.pick([90, 120]),
          therapy: this.rng.pick([45, 60, 60]),
          review: 60,
          report_writing: this.rng.pick([120, 180, 240]),
          travel: this.rng.pick([30, 45, 60, 90]),
          case_conference: 60,
          phone_call: this.rng.pick([15, 20, 30]),
        } as Record<string, number>
      )[kind]!;
    const face = kind === 'assessment' || kind === 'therapy' || kind === 'review';
    const attendance = opts.attendance ?? 'attended';
    this.data.sessions.push({
      id: this.ids.next(),
      case_id: cs.id,
      clinician_id: cs.clinician_id,
      on_date: on,
      start_time: kind === 'report_writing' ? null : `${pad2(this.rng.int(9, 16))}:${this.rng.pick(['00', '30'])}`,
      duration_minutes: minutes,
      kind,
      attendance,
      // A late cancellation or DNA is charged to the client under the practice's terms; never to an insurer (INS-GEN-03).
      billable: opts.billable ?? (attendance === 'cancelled' || (kind === 'travel' && this.rng.chance(0.5)) ? 0 : 1),
      authorisation_id: opts.authorisation ?? null,
      notes: opts.notes ?? (face && attendance === 'dna' ? 'Did not attend; no contact beforehand' : ''),
    });
  }

  /** Face-to-face work from `from` to `to` every `every` days or so, with the odd cancellation and DNA. */
  private regularSessions(cs: Case, from: LocalDate, to: LocalDate, every: number, kinds: readonly string[] = ['therapy']): number {
    const start = addDays(this.today, -365);
    // Jump over the years before the demo's year of sessions instead of stepping through them.
    let on = this.weekday(addDays(maxDate(from, addDays(start, -this.rng.int(0, every))), this.rng.int(0, 3)));
    let n = 0;
    while (on <= to && on <= this.today) {
      if (on >= start) {
        const attendance = this.rng.weighted([
          ['attended', 88],
          ['cancelled', 4],
          ['late_cancellation', 4],
          ['dna', 4],
        ] as const);
        this.session(cs, on, this.rng.pick(kinds), { attendance });
        n++;
      }
      on = this.weekday(addDays(on, every + this.rng.int(-2, 3)));
    }
    return n;
  }

  private corr(
    cs: Case | null,
    client: Client | null,
    c: {
      dir: 'in' | 'out';
      channel: string;
      org?: OrgRef | null;
      contact?: ContactRef | null;
      party?: string;
      on: LocalDate;
      subject: string;
      summary?: string;
      follow_up_on?: LocalDate | null;
    },
  ): void {
    if (c.on > this.today) return;
    const party = c.party ?? (c.contact && c.org ? `${c.contact.name}, ${c.contact.role} (${c.org.name})` : (c.org?.name ?? ''));
    this.data.correspondence.push({
      id: this.ids.next(),
      client_id: client?.id ?? null,
      case_id: cs?.id ?? null,
      direction: c.dir,
      channel: c.channel,
      party_org_id: c.org?.id ?? null,
      party_contact_id: c.contact?.id ?? null,
      party_name: party,
      on_date: c.on,
      subject: c.subject,
      summary: c.summary ?? '',
      file_path: null,
      follow_up_on: c.follow_up_on ?? null,
      created_at: this.stamp(c.on, this.rng.int(0, 530)),
    });
  }

  /** The next seeded id, for rows made after generation (the deadline engine's tasks). */
  nextId(): string {
    return this.ids.next();
  }

  private task(
    cs: Case | null,
    t: {
      title: string;
      kind: string;
      hardness: 'hard' | 'soft';
      due_on: LocalDate;
      assignee?: string | null;
      rule_id?: string;
      rule_key?: string;
      reason?: string;
      trigger_kind?: string;
      trigger_on?: LocalDate;
      trigger_ref?: string;
      notes?: string;
      done?: boolean;
    },
  ): void {
    // Deadlines the engine keeps (src/domain/deadlines/plan.ts) are made by it after generation,
    // from the plans, authorisations and instructions written here, so they follow their triggers.
    if (t.rule_id && ENGINE_RULES.has(t.rule_id)) return;
    const created = minDate(t.trigger_on ?? addDays(t.due_on, -this.rng.int(7, 28)), this.today);
    const done = t.done === true;
    this.data.tasks.push({
      id: this.ids.next(),
      title: t.title,
      kind: t.kind,
      hardness: t.hardness,
      due_on: t.due_on,
      status: done ? 'done' : 'open',
      rule_id: t.rule_id ?? null,
      rule_key: t.rule_key ?? null,
      reason: t.reason ?? null,
      trigger_kind: t.trigger_kind ?? null,
      trigger_on: t.trigger_on ?? null,
      trigger_ref: t.trigger_ref ?? null,
      snoozed_until: null,
      assignee_id: t.assignee === undefined ? (cs?.clinician_id ?? null) : t.assignee,
      client_id: cs?.client_id ?? null,
      case_id: cs?.id ?? null,
      notes: t.notes ?? '',
      completed_on: done ? minDate(t.due_on, this.today) : null,
      created_at: this.stamp(created, this.rng.int(0, 530)),
    });
  }

  /** Practice-made tasks: some overdue, some due today, most in the next two months. */
  private softDue(): LocalDate {
    return this.rng.weighted([
      [addDays(this.today, -this.rng.int(1, 20)), 15],
      [this.today, 10],
      [addDays(this.today, this.rng.int(1, 60)), 75],
    ] as const);
  }

  private genericTasks(cs: Case, carers: { name: string; label: string }[], count: number): void {
    const titles = [
      ['Book follow-up appointment', 'practice'],
      ['Update goals and outcome measures (COPM)', 'practice'],
      ['Send equipment recommendations', 'report_back'],
      ['Chase signed consent form', 'chaser'],
      ['Report back to referrer', 'report_back'],
      ['Call to discuss home programme', 'general'],
      ['Order assessment forms', 'general'],
    ] as const;
    for (let i = 0; i < count; i++) {
      const [title, kind] = this.rng.pick(titles);
      const who = carers[0] ? ` with ${carers[0].name} (${carers[0].label})` : '';
      this.task(cs, {
        title: title.startsWith('Call') ? `${title}${who}` : title,
        kind,
        hardness: 'soft',
        due_on: this.softDue(),
        done: this.rng.chance(0.12),
      });
    }
  }

  private genericCorrespondence(cs: Case, client: Client, carers: { name: string; label: string }[], from: LocalDate): void {
    const n = this.rng.int(1, 3);
    for (let i = 0; i < n; i++) {
      const on = this.weekday(addDays(from, this.rng.int(3, Math.max(4, Math.min(330, (Date.parse(this.today) - Date.parse(from)) / 86_400_000)))));
      const party = carers.length > 0 ? `${carers[0]!.name} (${carers[0]!.label})` : client.name;
      const [dir, channel, subject] = this.rng.pick([
        ['out', 'letter', 'Appointment confirmation'],
        ['in', 'email', 'Consent form returned'],
        ['in', 'phone', 'Telephone call – update on progress at home'],
        ['out', 'email', 'Home programme and activity sheets'],
        ['in', 'email', 'Request to rearrange appointment'],
        ['out', 'letter', 'Appointment letter and directions to clinic'],
      ] as const);
      this.corr(cs, client, { dir, channel, party, on: minDate(on, this.today), subject });
    }
  }

  private primaryCase(sc: Scenario, client: Client, carers: { name: string; label: string }[]): Case {
    switch (sc.kind) {
      case 'ehcp':
        return this.ehcpCase(sc, client, carers);
      case 'insured':
        return this.insuredCase(sc, client, carers);
      case 'medico_legal':
        return this.medicoLegalCase(sc.stage, client, carers);
      case 'housing':
        return this.housingCase(sc.stage, client, carers);
      case 'workplace':
        return this.workplaceCase(sc.stage, client, carers);
      default:
        return this.otherCase(sc, client, carers);
    }
  }

  private ehcpCase(sc: Extract<Scenario, { kind: 'ehcp' }>, client: Client, carers: { name: string; label: string }[]): Case {
    const t = this.today;
    const la = this.org('local_authority', (o) => o.jurisdiction === sc.jurisdiction);
    const yg = this.yearGroup(client.dob as LocalDate);
    const secondary = yg.n >= 7;
    const school = this.org(
      'school',
      (o) =>
        o.jurisdiction === sc.jurisdiction &&
        (sc.jurisdiction !== 'england' || (secondary ? /High|College|Academy|Special/.test(o.name) : !/High|College/.test(o.name))),
    );
    const senco = this.contact(school, /SENCO|ALNCo|support needs/);
    const laOfficer = this.contact(la, /officer|coordinator/i);
    const laRef = `${initials(la.name.replace(/\(.*\)/, '')).slice(0, 3)}/${sc.jurisdiction === 'england' ? 'EHC' : sc.jurisdiction === 'wales' ? 'IDP' : 'CSP'}/${this.rng.digits(5)}`;
    const diagnosis = this.rng.pick(CHILD_DIAGNOSES);
    const parent = carers[0] ? `${carers[0].name} (${carers[0].label})` : client.name;

    let opened: LocalDate;
    let plan_issued_on: LocalDate | null = null;
    let last_review_on: LocalDate | null = null;
    let next_review_meeting_on: LocalDate | null = null;
    let advice_requested_on: LocalDate | null = null;
    let transfer_year: number | null = null;
    if (sc.variant === 'advice_requested') {
      advice_requested_on = sc.forced ? this.past(2, 6) : this.past(2, 45);
      opened = advice_requested_on;
    } else {
      plan_issued_on = maxDate(this.past(400, 365 * 5), addDays(client.dob as LocalDate, 365 * 3));
      opened = addDays(plan_issued_on, -this.rng.int(40, 90));
      if (sc.variant === 'review_soon') next_review_meeting_on = this.weekday(addDays(t, this.rng.int(10, 40)));
      else if (sc.variant === 'established') next_review_meeting_on = this.weekday(addDays(t, this.rng.int(41, 330)));
      else next_review_meeting_on = this.weekday(addDays(t, this.rng.int(-20, 60)));
      last_review_on = addDays(addMonths(next_review_meeting_on, -12), this.rng.int(0, 10));
      if (last_review_on < plan_issued_on) last_review_on = null;
      if (sc.variant === 'phase_transfer_6' || sc.variant === 'phase_transfer_11') transfer_year = Number(t.slice(0, 4)) + 1;
      // Recent episodes only go back so far in the demo's year of sessions.
      opened = maxDate(opened, addDays(t, -365 * 3));
    }
    const title =
      sc.jurisdiction === 'wales'
        ? `Individual development plan (ALN) – OT advice and provision`
        : sc.jurisdiction === 'scotland'
          ? `Co-ordinated support plan – OT report and provision`
          : sc.variant === 'advice_requested'
            ? `EHC needs assessment – OT advice (${diagnosis})`
            : `EHCP section F OT provision (${diagnosis})`;
    const cs = this.addCase({
      client,
      title,
      line: 'paediatric',
      funder_kind: 'local_authority',
      funder: la,
      ...(sc.variant !== 'advice_requested' && this.rng.chance(0.5)
        ? { referrer: school, referrer_contact: senco }
        : { referrer: la, referrer_contact: laOfficer }),
      jurisdiction: sc.jurisdiction,
      status: 'open',
      clinician: sc.jurisdiction === 'wales' ? this.clinician('welsh') : this.clinician('ehcp'),
      opened_on: opened,
    });
    this.data.ehcp_plans.push({
      id: this.ids.next(),
      case_id: cs.id,
      la_org_id: la.id,
      la_reference: laRef,
      school_org_id: school.id,
      senco_contact_id: senco.id,
      plan_issued_on,
      last_review_on,
      next_review_meeting_on,
      advice_requested_on,
      draft_served_on: null,
      // Some English plans are mid-way through an amendment or a decision, so those windows show too.
      amendment_notice_on: sc.jurisdiction === 'england' && last_review_on && this.rng.chance(0.15) ? this.past(1, 12) : null,
      decision_letter_on: sc.jurisdiction === 'england' && plan_issued_on && this.rng.chance(0.1) ? this.past(5, 50) : null,
      transfer_kind: transfer_year ? (sc.variant === 'phase_transfer_11' ? 'post16' : 'secondary') : null,
      year_group: sc.jurisdiction === 'scotland' ? (yg.n <= 7 ? `P${Math.max(1, yg.n)}` : `S${yg.n - 7}`) : yg.label,
      transfer_year,
    });

    if (advice_requested_on) {
      const due = addDays(advice_requested_on, 42);
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: la,
        contact: laOfficer,
        on: advice_requested_on,
        subject: 'Request for OT advice – EHC needs assessment',
        summary: `${la.name} asks for occupational therapy advice for ${client.name} (ref ${laRef}) within six weeks.`,
        follow_up_on: due,
      });
      this.corr(cs, client, {
        dir: 'out',
        channel: 'letter',
        party: parent,
        on: addDays(advice_requested_on, 2),
        subject: 'Appointment letter – OT assessment for EHC needs assessment',
      });
      this.task(cs, {
        title: `Send OT advice to ${la.name} (EHC needs assessment)`,
        kind: 'statutory',
        hardness: 'hard',
        due_on: due,
        rule_id: 'EHCP-ADV-01',
        trigger_kind: 'advice_request_received',
        trigger_on: advice_requested_on,
        trigger_ref: laRef,
        rule_key: `EHCP-ADV-01|case:${cs.id}|req:${advice_requested_on.slice(0, 4)}`,
        reason: `The LA asked for advice on ${formatUkDate(advice_requested_on)}; advice is due within 6 weeks of the request [EHCP-ADV-01; SEND Regs 2014 reg 8(1)].`,
      });
      this.task(cs, {
        title: `Request school observation visit at ${school.name}`,
        kind: 'practice',
        hardness: 'soft',
        due_on: addDays(advice_requested_on, 7),
        done: addDays(advice_requested_on, 7) < t,
      });
      if (addDays(advice_requested_on, 10) <= t)
        this.session(cs, this.weekday(addDays(advice_requested_on, this.rng.int(7, 10))), 'assessment', { minutes: 120 });
      if (addDays(advice_requested_on, 14) <= t)
        this.session(cs, this.weekday(addDays(advice_requested_on, 12)), 'case_conference', { minutes: 60, notes: '' });
      return cs;
    }

    // An established plan: sessions in school every few weeks, and the review cycle's letters.
    this.regularSessions(cs, opened, t, this.rng.pick([14, 21, 28]), ['therapy', 'therapy', 'review']);
    this.corr(cs, client, {
      dir: 'in',
      channel: 'letter',
      org: la,
      contact: laOfficer,
      on: plan_issued_on!,
      subject: `Final EHC plan issued – ${client.name}`,
      summary: `Section F names occupational therapy provision (ref ${laRef}).`,
    });
    if (last_review_on) {
      this.corr(cs, client, {
        dir: 'out',
        channel: 'email',
        org: school,
        contact: senco,
        on: addDays(last_review_on, -21),
        subject: 'Annual review contribution – occupational therapy',
      });
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: school,
        contact: senco,
        on: addDays(last_review_on, 10),
        subject: 'Annual review meeting notes',
      });
    }
    if (next_review_meeting_on) {
      const invited = addDays(next_review_meeting_on, -this.rng.int(28, 42));
      const contributionDue = addDays(next_review_meeting_on, -21);
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: school,
        contact: senco,
        on: invited,
        subject: sc.jurisdiction === 'england' ? 'Annual review invitation' : 'Review meeting invitation',
        summary: `Review meeting on ${formatUkDate(next_review_meeting_on)} at ${school.name}; written contributions requested two weeks before.`,
        follow_up_on: contributionDue,
      });
      if (invited <= t && sc.jurisdiction === 'england') {
        this.task(cs, {
          title: `Send OT contribution for annual review on ${formatUkDate(next_review_meeting_on)}`,
          kind: 'statutory',
          hardness: 'hard',
          due_on: contributionDue,
          rule_id: 'EHCP-AR-04',
          trigger_kind: 'review_meeting',
          trigger_on: next_review_meeting_on,
          trigger_ref: laRef,
          rule_key: `EHCP-AR-04|case:${cs.id}|after:${last_review_on ?? plan_issued_on ?? 'none'}`,
          reason: `Advice must be circulated at least 2 weeks before the review meeting on ${formatUkDate(next_review_meeting_on)}; the practice sends it 3 weeks before [EHCP-AR-04; SEND Regs 2014 reg 20].`,
        });
      }
    }
    if (transfer_year) {
      const y6 = sc.variant === 'phase_transfer_6';
      const deadline = `${transfer_year}-${y6 ? '02-15' : '03-31'}` as LocalDate;
      this.task(cs, {
        title: `Phase transfer: plan must be amended by ${formatUkDate(deadline)} – send OT advice on ${y6 ? 'secondary school' : 'post-16 setting'} needs`,
        kind: 'statutory',
        hardness: 'hard',
        due_on: addDays(deadline, -28),
        rule_id: y6 ? 'EHCP-PT-01' : 'EHCP-PT-02',
        trigger_kind: 'phase_transfer',
        trigger_on: deadline,
        trigger_ref: laRef,
      });
      this.corr(cs, client, {
        dir: 'in',
        channel: 'letter',
        org: la,
        contact: laOfficer,
        on: this.past(5, 40),
        subject: `Phase transfer review – ${y6 ? 'secondary school' : 'post-16'} consultation`,
      });
    }
    if (sc.jurisdiction !== 'england') {
      this.task(cs, {
        title:
          sc.jurisdiction === 'wales'
            ? 'Check IDP timescales with Llanfawr ALN team (Welsh ALN Code, not EHCP rules)'
            : 'Confirm CSP review date with Glenmorven ASN team (Scottish ASL Act timescales)',
        kind: 'practice',
        hardness: 'soft',
        due_on: this.softDue(),
      });
    }
    this.genericCorrespondence(cs, client, carers, opened);
    this.genericTasks(cs, carers, this.rng.int(0, 2));
    return cs;
  }

  private insuredCase(sc: Extract<Scenario, { kind: 'insured' }>, client: Client, carers: { name: string; label: string }[]): Case {
    const t = this.today;
    const info = INSURER_DETAILS[sc.insurer]!;
    const insurer = (this.orgs.get('insurer') ?? []).find((o) => o.name === info.name)!;
    const handler = this.contact(insurer, /handler|assessor|manager|officer/i);
    const referrer = this.rng.chance(0.6) ? this.org('gp_practice', (o) => o.jurisdiction === 'england') : this.org('nhs_trust');
    const referrerContact = this.contact(referrer, /GP|Consultant|coordinator/);
    const reason =
      sc.line === 'paediatric'
        ? `Sensory and motor OT – ${this.rng.pick(CHILD_DIAGNOSES)}`
        : sc.line === 'adult_neuro'
          ? `Community neuro-rehabilitation after ${this.rng.pick(ADULT_NEURO_CONDITIONS)}`
          : `OT for ${this.rng.pick(MENTAL_HEALTH_REASONS)}`;

    const authorised = this.rng.pick([6, 8, 10, 12]);
    let delivered: number;
    let validFrom: LocalDate;
    let validUntil: LocalDate;
    if (sc.variant === 'nearly_used') {
      delivered = authorised - 1;
      validFrom = addDays(t, -(delivered * 7 + this.rng.int(5, 12)));
      validUntil = maxDate(addMonths(validFrom, 6), addDays(t, 45));
    } else if (sc.variant === 'expiring') {
      validUntil = addDays(t, this.rng.int(5, 28));
      validFrom = addMonths(validUntil, -6);
      delivered = this.rng.int(2, authorised - 3);
    } else {
      validFrom = this.past(10, 150);
      validUntil = maxDate(addMonths(validFrom, this.rng.pick([6, 12])), addDays(t, 31));
      delivered = Math.min(authorised - 2, Math.max(1, Math.floor((Date.parse(t) - Date.parse(validFrom)) / (86_400_000 * 9))));
    }
    const hadEarlier = sc.variant !== 'expiring' && this.rng.chance(0.3);
    const opened = hadEarlier ? addDays(validFrom, -this.rng.int(100, 160)) : addDays(validFrom, -this.rng.int(3, 14));
    const cs = this.addCase({
      client,
      title: reason,
      line: sc.line,
      funder_kind: 'insurer',
      funder: insurer,
      referrer,
      referrer_contact: referrerContact,
      jurisdiction: 'england',
      status: 'open',
      clinician: this.clinician(sc.line),
      opened_on: opened,
    });
    const membership = `${this.rng.letters(2)}${this.rng.digits(7)}`;
    const addAuth = (from: LocalDate, until: LocalDate, sessions: number, used: number): { id: string; code: string } => {
      const id = this.ids.next();
      const code = info.code(this.rng.digits(info.digits));
      this.data.authorisations.push({
        id,
        case_id: cs.id,
        insurer_org_id: insurer.id,
        membership_number: membership,
        authorisation_code: code,
        sessions_authorised: sessions,
        valid_from: from,
        valid_until: until,
        per_session_limit_pence: info.perSession,
        total_limit_pence: info.perSession * sessions,
        excess_pence: this.rng.pick([0, 0, 5_000, 10_000]),
      });
      // Delivered sessions on the authorisation: attended ones only, spread from its start to today.
      const last = minDate(until, t);
      const span = Math.max(used, Math.floor((Date.parse(last) - Date.parse(from)) / 86_400_000));
      const step = Math.max(1, Math.min(14, Math.floor(span / Math.max(1, used))));
      let on = addDays(from, 1);
      for (let i = 0; i < used; i++) {
        const d = minDate(this.weekday(on), last);
        this.session(cs, d, i === 0 ? 'assessment' : this.rng.chance(0.15) ? 'review' : 'therapy', { authorisation: id, billable: 1 });
        if (this.rng.chance(0.08))
          this.session(cs, minDate(addDays(d, 3), t), 'therapy', {
            attendance: this.rng.pick(['dna', 'late_cancellation']),
            billable: 1,
            notes: 'Charged to client, not the insurer',
          });
        on = addDays(on, step);
      }
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: insurer,
        contact: handler,
        on: addDays(from, -this.rng.int(1, 3)),
        subject: `Authorisation confirmed – ${sessions} sessions`,
        summary: `${info.name} authorisation ${code} for ${sessions} sessions, valid ${formatUkDate(from)} to ${formatUkDate(until)}.`,
      });
      return { id, code };
    };
    if (hadEarlier) {
      const prevFrom = addDays(opened, 3);
      const prevUntil = addDays(validFrom, -1);
      const prevSessions = this.rng.pick([4, 6]);
      addAuth(prevFrom, prevUntil, prevSessions, prevSessions);
    }
    const current = addAuth(validFrom, validUntil, authorised, delivered);

    this.corr(cs, client, {
      dir: 'in',
      channel: 'letter',
      org: referrer,
      contact: referrerContact,
      on: addDays(opened, -this.rng.int(3, 10)),
      subject: `Referral for occupational therapy – ${client.name}`,
    });
    this.corr(cs, client, {
      dir: 'out',
      channel: 'email',
      org: insurer,
      contact: handler,
      on: addDays(validFrom, this.rng.int(8, 14)),
      subject: 'Initial assessment report and treatment plan',
    });
    this.corr(cs, client, {
      dir: 'out',
      channel: 'letter',
      org: referrer,
      contact: referrerContact,
      on: addDays(validFrom, this.rng.int(9, 16)),
      subject: 'Assessment summary for referrer',
    });
    if (sc.variant === 'nearly_used') {
      this.task(cs, {
        title: `One session left on ${info.name} authorisation ${current.code}: send progress report and request further sessions`,
        kind: 'contractual',
        hardness: 'soft',
        due_on: addDays(t, this.rng.int(0, 4)),
        rule_id: 'INS-GEN-02',
        trigger_kind: 'authorisation',
        trigger_on: validFrom,
        trigger_ref: current.code,
      });
    }
    if (sc.variant === 'expiring') {
      this.task(cs, {
        title: `${info.name} authorisation ${current.code} ends ${formatUkDate(validUntil)}: request an extension or plan discharge`,
        kind: 'contractual',
        hardness: 'soft',
        due_on: addDays(validUntil, -7),
        rule_id: 'INS-GEN-02',
        trigger_kind: 'authorisation',
        trigger_on: validUntil,
        trigger_ref: current.code,
      });
      this.corr(cs, client, {
        dir: 'in',
        channel: 'phone',
        party: carers[0] ? `${carers[0].name} (${carers[0].label})` : client.name,
        on: this.past(1, 10),
        subject: 'Query about sessions left before the authorisation ends',
      });
    }
    if (info.name === 'Bupa' || info.name === 'AXA Health') {
      const treated = addDays(validFrom, 1);
      this.task(cs, {
        title: `Invoice ${info.name} for treatment from ${formatUkDate(treated)} (six-month limit)`,
        kind: 'contractual',
        hardness: 'hard',
        due_on: addMonths(treated, 6),
        rule_id: info.name === 'Bupa' ? 'INS-BUPA-01' : 'INS-AXA-01',
        trigger_kind: 'treatment',
        trigger_on: treated,
        trigger_ref: current.code,
        done: addMonths(treated, 6) < t,
      });
    }
    this.genericCorrespondence(cs, client, carers, validFrom);
    this.genericTasks(cs, carers, this.rng.int(0, 2));
    return cs;
  }

  private medicoLegalCase(stage: MlStage, client: Client, carers: { name: string; label: string }[]): Case {
    const t = this.today;
    const firm = this.org('solicitor');
    const solicitor = this.contact(firm, /Partner|Associate/);
    const instructedBy = this.rng.weighted([
      ['claimant', 7],
      ['defendant', 2],
      ['single_joint', 1],
    ] as const);
    const reportType = this.rng.weighted([
      ['care_and_needs', 7],
      ['immediate_needs', 2],
      ['condition_and_prognosis', 1],
    ] as const);
    const accident = this.rng.pick(ACCIDENTS);
    const ageDays: Record<MlStage, [number, number]> = {
      instructed: [3, 14],
      records_received: [15, 30],
      assessed: [30, 50],
      report_drafted: [55, 68],
      served: [80, 100],
      questions: [95, 120],
      addendum: [130, 200],
      joint_statement: [200, 320],
      trial_window: [300, 420],
      settled: [350, 500],
      closed: [500, 700],
    };
    const instructedOn = this.past(...ageDays[stage]);
    const reportDue = addDays(instructedOn, 70);
    const served = atLeast(stage, 'served') ? addDays(instructedOn, this.rng.int(60, 70)) : null;
    const servedClamped = served ? minDate(served, this.past(21, 27)) : null;
    const questionsOn =
      stage === 'questions' ? this.past(2, 10) : atLeast(stage, 'addendum') && this.rng.chance(0.5) && servedClamped ? addDays(servedClamped, 25) : null;
    const trialFrom = stage === 'trial_window' ? this.weekday(addDays(t, this.rng.int(60, 200))) : null;
    const cs = this.addCase({
      client,
      title: `${reportType === 'immediate_needs' ? 'Immediate needs assessment (Rehabilitation Code)' : reportType === 'care_and_needs' ? 'Care and needs report' : 'Condition and prognosis report'} – ${accident}`,
      line: 'medico_legal',
      funder_kind: 'solicitor',
      funder: firm,
      referrer: firm,
      referrer_contact: solicitor,
      jurisdiction: 'england',
      status: stage === 'settled' ? 'discharged' : stage === 'closed' ? 'closed' : 'open',
      clinician: this.clinician('medico_legal'),
      opened_on: instructedOn,
      closed_on: stage === 'closed' ? this.past(10, 90) : null,
    });
    const claimRef = `${initials(firm.name).slice(0, 2)}/${this.rng.digits(5)}/${initials(client.name)}`;
    const courtNo = atLeast(stage, 'served') && this.rng.chance(0.6) ? `${this.rng.letters(1)}${this.rng.digits(2)}MB${this.rng.digits(3)}` : '';
    this.data.medico_legal_instructions.push({
      id: this.ids.next(),
      case_id: cs.id,
      solicitor_org_id: firm.id,
      solicitor_contact_id: solicitor.id,
      instructed_by: instructedBy,
      claim_reference: claimRef,
      court_claim_number: courtNo,
      accident_date: addDays(instructedOn, -this.rng.int(120, 1400)),
      report_type: reportType,
      fee_basis:
        stage === 'settled' || stage === 'closed'
          ? 'deferred'
          : this.rng.weighted([
              ['fixed', 4],
              ['hourly', 3],
              ['deferred', 2],
            ] as const),
      stage,
      instructed_on: instructedOn,
      report_due_on: reportDue,
      report_served_on: servedClamped,
      questions_received_on: questionsOn,
      trial_window_from: trialFrom,
      trial_window_to: trialFrom ? addDays(trialFrom, 14) : null,
    });

    this.corr(cs, client, {
      dir: 'in',
      channel: 'letter',
      org: firm,
      contact: solicitor,
      on: instructedOn,
      subject: `Letter of instruction – ${reportType.replace(/_/g, ' ')} report`,
      summary: `Instructed by the ${instructedBy.replace('_', ' ')}${instructedBy === 'single_joint' ? ' parties' : ''}; claim ref ${claimRef}; report due ${formatUkDate(reportDue)}.`,
    });
    this.task(cs, {
      title: 'Acknowledge instructions and confirm no conflict of interest',
      kind: 'acknowledgement',
      hardness: 'soft',
      due_on: addDays(instructedOn, 3),
      done: true,
    });
    if (stage === 'instructed' || stage === 'records_received') {
      this.task(cs, { title: `Arrange home assessment with ${client.name}`, kind: 'practice', hardness: 'soft', due_on: addDays(t, this.rng.int(0, 10)) });
    }
    if (atLeast(stage, 'records_received'))
      this.corr(cs, client, {
        dir: 'in',
        channel: 'portal',
        org: firm,
        contact: this.contact(firm, /Paralegal/),
        on: addDays(instructedOn, this.rng.int(10, 16)),
        subject: 'Medical records and witness statements received',
      });
    if (atLeast(stage, 'assessed')) {
      const visit = this.weekday(addDays(instructedOn, this.rng.int(20, 28)));
      this.session(cs, visit, 'travel', { minutes: this.rng.pick([60, 90]) });
      this.session(cs, visit, 'assessment', { minutes: 180 });
      this.corr(cs, client, { dir: 'out', channel: 'letter', party: client.name, on: addDays(visit, -10), subject: 'Appointment for home assessment visit' });
    }
    if (!served && atLeast(stage, 'records_received')) {
      this.task(cs, {
        title: `Serve ${reportType.replace(/_/g, ' ')} report (statement of truth, PD35 3.3) to ${firm.name}`,
        kind: 'court',
        hardness: 'hard',
        due_on: reportDue,
        rule_id: 'ML-PD-04',
        trigger_kind: 'instruction',
        trigger_on: instructedOn,
        trigger_ref: claimRef,
      });
    }
    if (stage === 'instructed') {
      this.task(cs, {
        title: `Serve report to ${firm.name}`,
        kind: 'court',
        hardness: 'hard',
        due_on: reportDue,
        trigger_kind: 'instruction',
        trigger_on: instructedOn,
        trigger_ref: claimRef,
      });
    }
    if (atLeast(stage, 'report_drafted')) {
      this.session(cs, minDate(addDays(instructedOn, 45), t), 'report_writing', { minutes: this.rng.pick([300, 360, 420]) });
    }
    if (servedClamped) {
      this.corr(cs, client, {
        dir: 'out',
        channel: 'email',
        org: firm,
        contact: solicitor,
        on: servedClamped,
        subject: 'Expert report served',
        summary: `Signed report with statement of truth; invoice to follow (${claimRef}).`,
      });
      if (stage === 'served') {
        this.task(cs, {
          title: 'Watch for CPR 35.6 written questions (28 days from service)',
          kind: 'court',
          hardness: 'soft',
          due_on: addDays(servedClamped, 28),
          rule_id: 'ML-Q-01',
          trigger_kind: 'report_served',
          trigger_on: servedClamped,
          trigger_ref: claimRef,
        });
      }
    }
    if (stage === 'questions') {
      const received = questionsOn!;
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: firm,
        contact: solicitor,
        on: received,
        subject: 'CPR 35.6 questions from the defendant\u2019s solicitors',
        follow_up_on: addDays(received, 28),
      });
      this.task(cs, {
        title: 'Answer CPR 35.6 questions (answers form part of the report)',
        kind: 'court',
        hardness: 'hard',
        due_on: addDays(received, 28),
        rule_id: 'ML-Q-02',
        trigger_kind: 'questions_received',
        trigger_on: received,
        trigger_ref: claimRef,
      });
    }
    if (stage === 'addendum')
      this.task(cs, {
        title: 'Addendum report on updated records',
        kind: 'court',
        hardness: 'hard',
        due_on: addDays(t, this.rng.int(5, 30)),
        trigger_ref: claimRef,
      });
    if (stage === 'joint_statement') {
      const discussion = this.weekday(addDays(t, this.rng.int(5, 25)));
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: firm,
        contact: solicitor,
        on: this.past(5, 20),
        subject: 'Directions order – experts\u2019 discussion and joint statement',
      });
      this.task(cs, {
        title: `Experts\u2019 discussion on ${formatUkDate(discussion)}; joint statement to follow`,
        kind: 'court',
        hardness: 'hard',
        due_on: discussion,
        trigger_kind: 'court_order',
        trigger_ref: claimRef,
      });
      this.session(cs, this.past(1, 20), 'phone_call', { minutes: 30 });
    }
    if (stage === 'trial_window')
      this.task(cs, {
        title: 'Confirm availability for trial window',
        kind: 'court',
        hardness: 'hard',
        due_on: addDays(t, this.rng.int(3, 20)),
        trigger_ref: claimRef,
      });
    if (stage === 'settled' || stage === 'closed') {
      const settled = this.past(5, 40);
      this.corr(cs, client, {
        dir: 'in',
        channel: 'email',
        org: firm,
        contact: solicitor,
        on: settled,
        subject: 'Notice of settlement',
        summary: 'Claim settled; deferred fees now payable.',
      });
      this.task(cs, {
        title: `Invoice deferred fee to ${firm.name} on settlement`,
        kind: 'practice',
        hardness: 'soft',
        due_on: addDays(settled, 14),
        done: stage === 'closed',
      });
    }
    this.genericCorrespondence(cs, client, carers, instructedOn);
    return cs;
  }

  private housingCase(stage: Extract<Scenario, { kind: 'housing' }>['stage'], client: Client, carers: { name: string; label: string }[]): Case {
    const t = this.today;
    const housing = this.rng.chance(0.7) ? this.org('housing_authority') : this.org('local_authority', (o) => o.jurisdiction === 'england');
    const la = this.org('local_authority', (o) => o.jurisdiction === 'england');
    const laContact = this.contact(la, /social care/);
    const officer = this.contact(housing, /Grants|officer/i);
    const adaptation = this.rng.pick(ADAPTATIONS);
    const opened = this.past(
      stage === 'assessment' ? 5 : stage === 'recommendation_sent' ? 20 : stage === 'application_submitted' ? 60 : 200,
      stage === 'assessment' ? 20 : stage === 'recommendation_sent' ? 50 : stage === 'application_submitted' ? 170 : 330,
    );
    const cs = this.addCase({
      client,
      title: `Home adaptations – ${adaptation.toLowerCase()} (DFG)`,
      line: 'housing',
      funder_kind: 'local_authority',
      funder: la,
      referrer: la,
      referrer_contact: laContact,
      jurisdiction: 'england',
      status: stage === 'works_complete' ? 'discharged' : 'open',
      clinician: this.clinician('housing'),
      opened_on: opened,
    });
    const applied = stage === 'application_submitted' || stage === 'approved' || stage === 'works_complete' ? addDays(opened, this.rng.int(25, 45)) : null;
    const approved = applied && (stage === 'approved' || stage === 'works_complete') ? addDays(applied, this.rng.int(60, 150)) : null;
    this.data.housing_adaptations.push({
      id: this.ids.next(),
      case_id: cs.id,
      housing_org_id: housing.id,
      adaptation,
      tenure: this.rng.pick(TENURES),
      dfg_application_on: applied ? minDate(applied, t) : null,
      dfg_approved_on: approved ? minDate(approved, t) : null,
      stage,
    });
    this.corr(cs, client, {
      dir: 'in',
      channel: 'email',
      org: la,
      contact: laContact,
      on: addDays(opened, -3),
      subject: 'Referral for home adaptations assessment',
    });
    this.session(cs, this.weekday(addDays(opened, this.rng.int(4, 10))), 'assessment', { minutes: 120 });
    this.session(cs, this.weekday(addDays(opened, this.rng.int(4, 10))), 'travel');
    if (stage === 'assessment') {
      this.task(cs, {
        title: `Send DFG recommendation (${adaptation.toLowerCase()}) to ${housing.name}`,
        kind: 'report_back',
        hardness: 'soft',
        due_on: addDays(t, this.rng.int(1, 14)),
      });
    } else {
      const sent = minDate(addDays(opened, this.rng.int(12, 20)), t);
      this.session(cs, addDays(sent, -1), 'report_writing', { minutes: 120 });
      this.corr(cs, client, {
        dir: 'out',
        channel: 'letter',
        org: housing,
        contact: officer,
        on: sent,
        subject: 'Recommendation for adaptations – Disabled Facilities Grant',
        summary: `${adaptation} recommended as necessary and appropriate (DFG-02).`,
      });
    }
    if (applied && !approved) {
      this.task(cs, {
        title: `Chase ${housing.name} for DFG decision (due within six months of application)`,
        kind: 'chaser',
        hardness: 'soft',
        due_on: addMonths(applied, 6),
        rule_id: 'DFG-03',
        trigger_kind: 'dfg_application',
        trigger_on: applied,
      });
    }
    if (approved) {
      this.corr(cs, client, {
        dir: 'in',
        channel: 'letter',
        org: housing,
        contact: officer,
        on: minDate(approved, t),
        subject: 'Disabled Facilities Grant approved',
      });
      if (stage === 'works_complete') this.session(cs, this.past(5, 40), 'review');
      else this.task(cs, { title: 'Post-works review visit', kind: 'practice', hardness: 'soft', due_on: this.softDue() });
    }
    this.genericCorrespondence(cs, client, carers, opened);
    return cs;
  }

  private workplaceCase(stage: Extract<Scenario, { kind: 'workplace' }>['stage'], client: Client, carers: { name: string; label: string }[]): Case {
    const t = this.today;
    const employer = this.org('employer');
    const hr = this.contact(employer, /HR|Occupational/);
    const emp = EMPLOYERS.find((e) => e.name === employer.name);
    const job = emp ? this.rng.pick(emp.jobs) : this.rng.pick(['Administrator', 'Sales assistant', 'Driver', 'Team leader']);
    const opened = this.past(stage === 'referred' ? 3 : 25, stage === 'referred' ? 14 : stage === 'review' ? 300 : 90);
    const newStarter = this.rng.chance(0.4);
    const jobStart = newStarter ? addDays(opened, -this.rng.int(0, 20)) : addDays(opened, -this.rng.int(400, 4000));
    const cs = this.addCase({
      client,
      title: `Workplace needs assessment – ${job.toLowerCase()}`,
      line: 'workplace',
      funder_kind: 'employer',
      funder: employer,
      referrer: employer,
      referrer_contact: hr,
      jurisdiction: 'england',
      status: 'open',
      clinician: this.clinician('workplace'),
      opened_on: opened,
    });
    const atw = newStarter && stage !== 'referred' ? addDays(jobStart, this.rng.int(10, 30)) : null;
    this.data.workplace_assessments.push({
      id: this.ids.next(),
      case_id: cs.id,
      employer_org_id: employer.id,
      job_title: job,
      job_start_on: jobStart,
      atw_application_on: atw ? minDate(atw, t) : null,
      stage,
    });
    this.corr(cs, client, { dir: 'in', channel: 'email', org: employer, contact: hr, on: opened, subject: `Workplace assessment referral – ${client.name}` });
    if (newStarter && !atw) {
      this.task(cs, {
        title: 'Tell the client to apply to Access to Work within six weeks of starting the job',
        kind: 'practice',
        hardness: 'soft',
        due_on: addDays(jobStart, 42),
        rule_id: 'ATW-01',
        trigger_kind: 'job_start',
        trigger_on: jobStart,
      });
    }
    if (stage === 'referred')
      this.task(cs, { title: `Book workplace visit at ${employer.name}`, kind: 'practice', hardness: 'soft', due_on: addDays(t, this.rng.int(0, 7)) });
    else {
      const visit = this.weekday(addDays(opened, this.rng.int(7, 14)));
      this.session(cs, visit, 'assessment', { minutes: 120 });
      this.session(cs, visit, 'travel');
      if (stage === 'assessed')
        this.task(cs, { title: `Send workplace assessment report to ${employer.name}`, kind: 'report_back', hardness: 'soft', due_on: addDays(visit, 14) });
      else {
        this.session(cs, addDays(visit, 3), 'report_writing');
        this.corr(cs, client, {
          dir: 'out',
          channel: 'email',
          org: employer,
          contact: hr,
          on: addDays(visit, this.rng.int(7, 12)),
          subject: 'Workplace assessment report and recommendations',
        });
      }
      if (atw)
        this.corr(cs, client, {
          dir: 'in',
          channel: 'email',
          org: this.org('other', (o) => /Access to Work/.test(o.name)),
          on: minDate(addDays(atw, 20), t),
          subject: 'Access to Work – request for supporting evidence',
        });
      if (stage === 'review') this.regularSessions(cs, addDays(visit, 30), t, 42, ['review']);
    }
    this.genericCorrespondence(cs, client, carers, opened);
    this.genericTasks(cs, carers, this.rng.int(0, 1));
    return cs;
  }

  private otherCase(
    sc: Extract<Scenario, { kind: 'self_pay' | 'case_managed' | 'nhs_mental_health' | 'other' }>,
    client: Client,
    carers: { name: string; label: string }[],
  ): Case {
    const t = this.today;
    const opened = this.past(10, 420);
    if (sc.kind === 'case_managed') {
      const cm = this.org('case_management');
      const manager = this.contact(cm);
      const cs = this.addCase({
        client,
        title: `Neuro-rehabilitation after ${this.rng.pick(ADULT_NEURO_CONDITIONS)} (case-managed)`,
        line: 'adult_neuro',
        funder_kind: 'case_manager',
        funder: cm,
        referrer: cm,
        referrer_contact: manager,
        jurisdiction: 'england',
        status: 'open',
        clinician: this.clinician('adult_neuro'),
        opened_on: opened,
      });
      this.session(cs, this.weekday(addDays(opened, 5)), 'assessment', { minutes: 120 });
      this.regularSessions(cs, addDays(opened, 12), t, 7, ['therapy', 'therapy', 'therapy', 'review', 'case_conference']);
      this.corr(cs, client, { dir: 'in', channel: 'email', org: cm, contact: manager, on: opened, subject: 'Referral: OT for community rehabilitation' });
      this.corr(cs, client, { dir: 'out', channel: 'email', org: cm, contact: manager, on: this.past(20, 35), subject: 'Monthly update to case manager' });
      this.task(cs, {
        title: `Monthly update to ${manager.name} (${cm.name})`,
        kind: 'report_back',
        hardness: 'soft',
        due_on: addDays(t, this.rng.int(-3, 10)),
        rule_id: 'ML-CM-01',
        trigger_kind: 'monthly_report',
      });
      this.genericCorrespondence(cs, client, carers, opened);
      this.genericTasks(cs, carers, this.rng.int(0, 2));
      return cs;
    }
    if (sc.kind === 'nhs_mental_health') {
      const trust = (this.orgs.get('nhs_trust') ?? [])[0]!;
      const cc = this.contact(trust, /CMHT/);
      const cs = this.addCase({
        client,
        title: `Community OT – ${this.rng.pick(MENTAL_HEALTH_REASONS)} (NHS subcontract)`,
        line: 'mental_health',
        funder_kind: 'nhs',
        funder: trust,
        referrer: trust,
        referrer_contact: cc,
        jurisdiction: 'england',
        status: this.rng.chance(0.15) ? 'on_hold' : 'open',
        clinician: this.clinician('mental_health'),
        opened_on: opened,
      });
      this.session(cs, this.weekday(addDays(opened, 7)), 'assessment');
      this.regularSessions(cs, addDays(opened, 14), t, 14, ['therapy', 'therapy', 'review']);
      this.corr(cs, client, { dir: 'in', channel: 'letter', org: trust, contact: cc, on: opened, subject: 'Referral from community mental health team' });
      this.corr(cs, client, { dir: 'out', channel: 'letter', org: trust, contact: cc, on: this.past(5, 60), subject: 'OT progress summary for CPA review' });
      this.genericCorrespondence(cs, client, carers, opened);
      this.genericTasks(cs, carers, this.rng.int(1, 2));
      return cs;
    }
    if (sc.kind === 'other') {
      const org = this.org('other', (o) => /Wheelchair|Carers/.test(o.name));
      const cs = this.addCase({
        client,
        title: this.rng.pick([
          'Wheelchair and seating review',
          'Falls prevention and equipment review',
          'Fatigue management course',
          'Return to driving advice',
        ]),
        line: 'other',
        funder_kind: this.rng.pick(['self_pay', 'other'] as const),
        funder: null,
        referrer: org,
        referrer_contact: this.contact(org),
        jurisdiction: 'england',
        status: this.rng.pick(['open', 'referred']),
        clinician: this.clinician('other'),
        opened_on: opened,
      });
      this.session(cs, this.weekday(addDays(opened, 6)), 'assessment');
      this.corr(cs, client, { dir: 'in', channel: 'letter', org, contact: this.contact(org), on: opened, subject: 'Referral for occupational therapy' });
      this.genericCorrespondence(cs, client, carers, opened);
      this.genericTasks(cs, carers, 1);
      return cs;
    }
    const line = sc.line;
    const gp = this.org('gp_practice', (o) => o.jurisdiction === 'england');
    const fromSchool = line === 'paediatric' && this.rng.chance(0.4);
    const referrer = fromSchool ? this.org('school', (o) => o.jurisdiction === 'england') : gp;
    const refContact = this.contact(referrer, fromSchool ? /SENCO/ : /GP/);
    const title =
      line === 'paediatric'
        ? `Handwriting and fine motor skills – ${this.rng.pick(CHILD_DIAGNOSES)}`
        : line === 'adult_neuro'
          ? `Private neuro-rehabilitation after ${this.rng.pick(ADULT_NEURO_CONDITIONS)}`
          : `OT for ${this.rng.pick(MENTAL_HEALTH_REASONS)}`;
    const cs = this.addCase({
      client,
      title,
      line,
      funder_kind: 'self_pay',
      funder: null,
      referrer,
      referrer_contact: refContact,
      jurisdiction: 'england',
      status: this.rng.weighted([
        ['open', 8],
        ['on_hold', 1],
        ['referred', 1],
      ] as const),
      clinician: this.clinician(line),
      opened_on: opened,
    });
    if (cs.status !== 'referred') {
      this.session(cs, this.weekday(addDays(opened, 7)), 'assessment');
      this.regularSessions(cs, addDays(opened, 14), cs.status === 'on_hold' ? addDays(opened, 90) : t, this.rng.pick([7, 14]), [
        'therapy',
        'therapy',
        'review',
      ]);
    } else {
      this.task(cs, {
        title: `Acknowledge referral from ${referrer.name}`,
        kind: 'acknowledgement',
        hardness: 'soft',
        due_on: addDays(opened, 5) < t ? t : addDays(opened, 5),
      });
    }
    this.corr(cs, client, {
      dir: 'in',
      channel: 'letter',
      org: referrer,
      contact: refContact,
      on: opened,
      subject: `Referral for occupational therapy – ${client.name}`,
    });
    this.corr(cs, client, {
      dir: 'out',
      channel: 'letter',
      org: referrer,
      contact: refContact,
      on: minDate(addDays(opened, 21), t),
      subject: 'Assessment summary for referrer',
    });
    this.genericCorrespondence(cs, client, carers, opened);
    this.genericTasks(cs, carers, this.rng.int(0, 2));
    return cs;
  }

  /** A finished earlier episode (self-funded, discharged or closed), so history exists behind the open work. */
  private earlierEpisode(client: Client, current: Case, carers: { name: string; label: string }[]): string {
    // Never before the client was two years old.
    const opened = maxDate(addDays(current.opened_on as LocalDate, -this.rng.int(200, 700)), addDays(client.dob as LocalDate, 730));
    const closed = addDays(opened, this.rng.int(60, 150));
    const cs = this.addCase({
      client,
      title: 'Earlier episode – assessment and short block of therapy',
      line: current.service_line === 'medico_legal' ? 'other' : (current.service_line as ServiceLine),
      funder_kind: 'self_pay',
      funder: null,
      jurisdiction: current.jurisdiction as Jurisdiction,
      status: this.rng.chance(0.5) ? 'closed' : 'discharged',
      clinician: current.clinician_id!,
      opened_on: opened,
      closed_on: closed,
    });
    this.session(cs, this.weekday(addDays(opened, 7)), 'assessment');
    this.regularSessions(cs, addDays(opened, 14), closed, 14, ['therapy']);
    this.corr(cs, client, {
      dir: 'out',
      channel: 'letter',
      party: carers[0] ? `${carers[0].name} (${carers[0].label})` : client.name,
      on: closed,
      subject: 'Discharge letter and summary',
    });
    return opened;
  }

  /**
   * The practice's compliance register (COMP-* rules). The renewal tasks themselves are the
   * deadline engine's to plan from these rows; the demo adds only the practice's own chores.
   */
  private practiceTasks(): void {
    const t = this.today;
    const owner = this.staff[0]!.id;
    const admin = this.users[4]!.id;
    const item = (rule_id: string, title: string, user_id: string | null, reference: string, last_done_on: LocalDate) =>
      this.data.compliance_items.push({
        id: this.ids.next(),
        rule_id,
        title,
        user_id,
        reference,
        last_done_on,
        notes: '',
        created_at: this.stamp(minDate(last_done_on, t), 15),
      });
    // OTs renew in the August–October window of odd years (COMP-HCPC-01): each renewed in the latest window.
    const [ty] = t.split('-').map(Number) as [number];
    let windowYear = ty % 2 === 1 ? ty : ty - 1;
    if (`${windowYear}-08-01` > t) windowYear -= 2;
    this.staff.forEach((s, i) => {
      const hcpc = this.users.find((u) => u.id === s.id)!.hcpc_number ?? '';
      const renewed = minDate(addDays(`${windowYear}-08-01` as LocalDate, this.rng.int(0, 91)), t);
      item('COMP-HCPC-01', 'HCPC registration', s.id, hcpc, renewed);
      // A new starter's DBS certificate arrived recently: they must join the Update Service within 30 days (COMP-DBS-01).
      if (i === this.staff.length - 1) item('COMP-DBS-01', 'Join the DBS Update Service', s.id, `00${this.rng.digits(10)}`, this.past(8, 25));
    });
    item('COMP-IND-01', 'Professional indemnity insurance', null, `PI-${this.rng.digits(7)}`, addMonths(addDays(t, this.rng.int(20, 60)), -12));
    item('COMP-ICO-01', 'ICO data protection fee', null, `ZB${this.rng.digits(6)}`, addMonths(addDays(t, this.rng.int(5, 40)), -12));
    item('COMP-CE-01', 'Cyber Essentials certificate', null, `CE-${this.rng.digits(6)}`, this.past(100, 300));
    item('COMP-RCOT-01', 'RCOT membership (needed for Bupa recognition)', owner, `RCOT-${this.rng.digits(6)}`, this.past(30, 330));
    // The DSPT was last submitted before the most recent 30 June deadline.
    const [dy] = t.split('-').map(Number) as [number];
    const lastJune = `${t.slice(5) >= '06-30' ? dy : dy - 1}-06-30` as LocalDate;
    item('COMP-DSPT-01', 'Data Security and Protection Toolkit', null, `DSPT-${this.rng.digits(5)}`, addDays(lastJune, -this.rng.int(3, 40)));
    // Subject access requests (GDPR-02): one waiting for an answer, one answered.
    // (Written before any client exists, so the requests name the requester only.)
    const sar = (requester: string, received_on: LocalDate, responded_on: LocalDate | null) =>
      this.data.subject_access_requests.push({
        id: this.ids.next(),
        client_id: null,
        requester,
        received_on,
        extended: 0,
        responded_on,
        notes: '',
        created_at: this.stamp(received_on, 30),
      });
    sar('Harrowgate Lane Solicitors, for a former client', this.past(6, 20), null);
    sar('Parent of a former client', this.past(60, 120), this.past(20, 40));
    this.task(null, { title: 'Month-end aged debt check and chasers', kind: 'practice', hardness: 'soft', due_on: t, assignee: admin });
    this.task(null, {
      title: 'Update the referrer mailing list',
      kind: 'practice',
      hardness: 'soft',
      due_on: addDays(t, this.rng.int(3, 30)),
      assignee: admin,
    });
    this.task(null, {
      title: 'Clinical supervision notes for the quarter',
      kind: 'practice',
      hardness: 'soft',
      due_on: addDays(t, -this.rng.int(1, 6)),
      assignee: owner,
    });
    this.task(null, {
      title: 'CPD portfolio update',
      kind: 'practice',
      hardness: 'soft',
      due_on: addDays(t, -this.rng.int(15, 40)),
      assignee: owner,
      done: true,
    });
  }
}
