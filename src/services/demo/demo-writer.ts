import type { LocalDate } from '../../domain/calendar/local-date.js';
import { nhsCheckDigit } from '../../domain/people/nhs-number.js';
import type { FunderKind, Jurisdiction, ServiceLine } from '../../domain/vocabulary.js';
import { FIRST_NAMES_ADULT, FIRST_NAMES_CHILD, STREET_KINDS, STREET_NAMES, SURNAMES, type Town } from './fixtures.js';
import { IdMaker, Rng } from './prng.js';
import { emptyData, type Case, type Client, type ContactRef, type DemoData, type DemoOptions, type OrgRef } from './demo-data.js';
import { addDays, dayOfWeek, maxDate, minDate, pad2 } from './demo-calendar.js';
import { forcedScenarios } from './demo-scenarios.js';

/** Rule families the deadline engine plans itself; the generator leaves their tasks to it. */
export const ENGINE_RULES = new Set([
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

export const initials = (name: string) =>
  name
    .split(/\s+/)
    .map((w) => w[0])
    .join('')
    .toUpperCase();

/**
 * The seeded state every part of the demo writes through: the random stream, the ids, the
 * rows so far and the people and organisations already made, with the helpers that add rows.
 * Each generator takes it as its first argument, so the stream is consumed in one order.
 */
export class DemoWriter {
  readonly rng: Rng;
  readonly ids: IdMaker;
  readonly today: LocalDate;
  data: DemoData = emptyData();
  readonly forced = forcedScenarios();
  readonly orgs = new Map<string, OrgRef[]>();
  readonly nhsNumbers = new Set<string>();
  readonly staff: { id: string; name: string; role: string }[] = [];
  readonly users: { id: string; hcpc_number: string | null }[] = [];
  /** Academic year in which today falls (a year starts in September). */
  readonly academicYear: number;

  constructor(readonly opts: DemoOptions) {
    this.rng = new Rng(opts.seed);
    this.today = opts.today;
    const [y, m, d] = opts.today.split('-').map(Number) as [number, number, number];
    this.academicYear = m >= 9 ? y : y - 1;
    // Ids carry a time stamp like UUIDv7; it counts up from 400 days before today so ids sort in creation order.
    this.ids = new IdMaker(opts.seed, Date.UTC(y, m - 1, d) - 400 * 86_400_000);
  }

  // ---------- small helpers ----------

  stamp(d: LocalDate, minute = 0): string {
    const m = minute % 540;
    return `${d}T${pad2(8 + Math.floor(m / 60))}:${pad2(m % 60)}:00.000Z`;
  }

  past(minDays: number, maxDays: number): LocalDate {
    return addDays(this.today, -this.rng.int(minDays, maxDays));
  }

  weekday(d: LocalDate): LocalDate {
    const w = dayOfWeek(d);
    return w === 6 ? addDays(d, 2) : w === 0 ? addDays(d, 1) : d;
  }

  landline(): string {
    return `01632 960${this.rng.digits(3)}`;
  }
  mobile(): string {
    return `07700 900${this.rng.digits(3)}`;
  }

  person(adult: boolean): { first: string; last: string; name: string } {
    const first = this.rng.pick(adult ? FIRST_NAMES_ADULT : FIRST_NAMES_CHILD);
    const last = this.rng.pick(SURNAMES);
    return { first, last, name: `${first} ${last}` };
  }

  address(town: Town): { address: string; postcode: string } {
    const street = `${this.rng.pick(STREET_NAMES)} ${this.rng.pick(STREET_KINDS)}`;
    return {
      address: `${this.rng.int(1, 148)} ${street}, ${town.name}`,
      postcode: `${town.area}${this.rng.int(1, 9)} ${this.rng.int(1, 9)}${this.rng.letters(2, 'ABDEFGHJLNPQRSTUWXYZ')}`,
    };
  }

  nhsNumber(): string {
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

  org(kind: string, predicate?: (o: OrgRef) => boolean): OrgRef {
    const all = this.orgs.get(kind) ?? [];
    const list = predicate ? all.filter(predicate) : all;
    return this.rng.pick(list.length > 0 ? list : all);
  }

  contact(org: OrgRef, role?: RegExp): ContactRef {
    const matching = role ? org.contacts.filter((c) => role.test(c.role)) : org.contacts;
    return this.rng.pick(matching.length > 0 ? matching : org.contacts);
  }

  clinician(line: ServiceLine | 'ehcp' | 'welsh'): string {
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

  yearGroup(dob: LocalDate): { label: string; n: number } {
    const [y, m] = dob.split('-').map(Number) as [number, number];
    const cohort = m >= 9 ? y : y - 1;
    const n = this.academicYear - (cohort + 5);
    return { n, label: n <= 0 ? 'Reception' : n > 13 ? 'Post-19' : `Year ${n}` };
  }

  addCase(c: {
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

  session(
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
  regularSessions(cs: Case, from: LocalDate, to: LocalDate, every: number, kinds: readonly string[] = ['therapy']): number {
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

  corr(
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

  task(
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
  softDue(): LocalDate {
    return this.rng.weighted([
      [addDays(this.today, -this.rng.int(1, 20)), 15],
      [this.today, 10],
      [addDays(this.today, this.rng.int(1, 60)), 75],
    ] as const);
  }

  genericTasks(cs: Case, carers: { name: string; label: string }[], count: number): void {
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

  genericCorrespondence(cs: Case, client: Client, carers: { name: string; label: string }[], from: LocalDate): void {
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
}
