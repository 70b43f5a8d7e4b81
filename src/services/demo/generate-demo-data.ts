/**
 * The demo practice as plain rows, computed in memory from a seed and a day. No I/O and no
 * clock: every date is counted from `today` and every id comes from the seeded stream, so
 * the same seed and day always give the same rows (build-demo-practice.ts writes them).
 */
import { addMonths, type LocalDate } from '../../domain/calendar/local-date.js';
import type { Jurisdiction, ServiceLine } from '../../domain/vocabulary.js';
import { FIRST_NAMES_ADULT, SURNAMES, TOWNS, type Town } from './fixtures.js';
import { DEMO_EMAIL_DOMAIN, DEMO_PRACTICE_NAME, emptyData, type Case, type Client, type DemoData } from './demo-data.js';
import { addDays, maxDate } from './demo-calendar.js';
import { randomScenario, type Scenario } from './demo-scenarios.js';
import { DemoWriter } from './demo-writer.js';
import { generateOrganisations } from './generate-organisations.js';
import { generatePracticeTasks } from './generate-practice-tasks.js';
import { generateEhcpCase } from './generate-ehcp-case.js';
import { generateInsuredCase } from './generate-insured-case.js';
import { generateMedicoLegalCase } from './generate-medico-legal-case.js';
import { generateHousingCase } from './generate-housing-case.js';
import { generateWorkplaceCase } from './generate-workplace-case.js';
import { generateOtherCase } from './generate-other-case.js';

/** Clients whose open case is shared with a second clinician whatever the demo's size (an EHCP child, an insured client, a claimant). */
const FORCED_SHARES = new Set([2, 10, 16]);

/**
 * Generates the practice in order: `header()` once (practice, staff, organisations, the
 * compliance register), then `clientBatch()` over consecutive client numbers. Rows come out
 * in batches so a 50 000-client demo never holds a million rows in memory at once; the
 * seeded stream is consumed in the same order however the batches are cut.
 */
export class DemoGenerator extends DemoWriter {
  private take(): DemoData {
    const out = this.data;
    this.data = emptyData();
    return out;
  }

  header(): DemoData {
    this.practiceAndUsers();
    generateOrganisations(this);
    generatePracticeTasks(this);
    return this.take();
  }

  /** Clients number `from` up to (not including) `to`, with everything that hangs off them. */
  clientBatch(from: number, to: number): DemoData {
    for (let i = from; i < to; i++) this.client(i < this.forced.length ? this.forced[i]! : randomScenario(this.rng), i);
    return this.take();
  }

  // ---------- practice and staff ----------

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
      {
        key: 'owner',
        name: 'Eleanor Marsh',
        role: 'owner',
        hcpc: true,
        months: 38,
        quals: 'BSc (Hons) Occupational Therapy; MSc Advanced Practice',
        bodies: 'Royal College of Occupational Therapists (RCOT); CLASP',
      },
      {
        key: 'clinician1',
        name: 'Tom Okafor',
        role: 'clinician',
        hcpc: true,
        months: 30,
        quals: 'BSc (Hons) Occupational Therapy',
        bodies: 'Royal College of Occupational Therapists (RCOT)',
      },
      {
        key: 'clinician2',
        name: 'Priya Nair',
        role: 'clinician',
        hcpc: true,
        months: 22,
        quals: 'MSc Occupational Therapy (pre-registration); PG Cert Sensory Integration',
        bodies: 'Royal College of Occupational Therapists (RCOT)',
      },
      {
        key: 'clinician3',
        name: 'Gareth Llewellyn',
        role: 'clinician',
        hcpc: true,
        months: 14,
        quals: 'BSc (Hons) Occupational Therapy',
        bodies: 'Royal College of Occupational Therapists (RCOT); BABICM',
      },
      { key: 'admin', name: 'Jo Whitfield', role: 'admin', hcpc: false, months: 34, quals: null, bodies: null },
    ];
    for (const p of people) {
      const id = this.ids.next();
      this.data.users.push({
        id,
        name: p.name,
        email: `${p.key}@${DEMO_EMAIL_DOMAIN}`,
        role: p.role,
        hcpc_number: p.hcpc ? `OT${this.rng.int(10000, 99999)}` : null,
        qualifications: p.quals,
        professional_bodies: p.bodies,
        password_hash: this.opts.passwordHash,
        totp_secret: null,
        active: 1,
        created_at: this.stamp(addMonths(t, -p.months), 30),
      });
      if (p.role !== 'admin') this.staff.push({ id, name: p.name, role: p.role });
      this.users.push({ id, hcpc_number: this.data.users.at(-1)!.hcpc_number ?? null });
    }
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

  private primaryCase(sc: Scenario, client: Client, carers: { name: string; label: string }[]): Case {
    switch (sc.kind) {
      case 'ehcp':
        return generateEhcpCase(this, sc, client, carers);
      case 'insured':
        return generateInsuredCase(this, sc, client, carers);
      case 'medico_legal':
        return generateMedicoLegalCase(this, sc.stage, client, carers);
      case 'housing':
        return generateHousingCase(this, sc.stage, client, carers);
      case 'workplace':
        return generateWorkplaceCase(this, sc.stage, client, carers);
      default:
        return generateOtherCase(this, sc, client, carers);
    }
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
}
