import { addMonths } from '../../domain/calendar/local-date.js';
import type { Jurisdiction } from '../../domain/vocabulary.js';
import {
  CASE_MANAGEMENT_FIRMS,
  EMPLOYERS,
  INSURER_DETAILS,
  LOCAL_AUTHORITIES,
  SCHOOL_KINDS,
  SCHOOL_PLACES,
  SOLICITOR_FIRMS,
  SURNAMES,
  TOWNS,
  type Town,
} from './fixtures.js';
import type { OrgRef } from './demo-data.js';
import type { DemoWriter } from './demo-writer.js';

const slug = (s: string) =>
  s
    .toLowerCase()
    .replace(/\(.*?\)/g, '')
    .replace(/&/g, 'and')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
const clamp = (n: number, lo: number, hi: number) => Math.max(lo, Math.min(hi, n));

function addOrg(w: DemoWriter, kind: string, name: string, jurisdiction: Jurisdiction, town: Town, contactRoles: string[], doctor = false): OrgRef {
  const id = w.ids.next();
  const { address, postcode } = w.address(town);
  const domain = `${slug(name)}.test`;
  w.data.organisations.push({
    id,
    name,
    kind,
    address: `${address}, ${postcode}`,
    phone: w.landline(),
    email: `enquiries@${domain}`,
    notes: '',
    created_at: w.stamp(addMonths(w.today, -w.rng.int(6, 36)), w.rng.int(0, 500)),
  });
  const ref: OrgRef = { id, name, kind, contacts: [], jurisdiction };
  for (const role of contactRoles) {
    const p = w.person(true);
    const cid = w.ids.next();
    const name = doctor && /GP|Consultant/.test(role) ? `Dr ${p.name}` : p.name;
    w.data.contacts.push({
      id: cid,
      organisation_id: id,
      name,
      role,
      email: `${p.first.toLowerCase()}.${p.last.toLowerCase()}@${domain}`,
      phone: w.landline(),
      updated_at: w.stamp(addMonths(w.today, -w.rng.int(0, 6)), w.rng.int(0, 500)),
    });
    ref.contacts.push({ id: cid, name, role });
  }
  const list = w.orgs.get(kind) ?? [];
  list.push(ref);
  w.orgs.set(kind, list);
  return ref;
}

/** Organisations grow with the practice but stay bounded (at most 400), as a real referral network does. */
export function generateOrganisations(w: DemoWriter): void {
  const s = w.opts.clients / 60;
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
    addOrg(w, 'local_authority', la.name, la.jurisdiction, townByName(la.town), [
      la.jurisdiction === 'england' ? 'SEN case officer' : la.jurisdiction === 'wales' ? 'ALN officer' : 'ASN officer',
      la.jurisdiction === 'england' ? 'EHC plan coordinator' : 'Inclusion manager',
      'Adult social care OT lead',
    ]);
  }

  addOrg(w, 'school', 'Ysgol Gynradd Llanfawr', 'wales', townByName('Llanfawr'), ['ALNCo', 'Headteacher']);
  addOrg(w, 'school', 'Glenmorven Primary School', 'scotland', townByName('Glenmorven'), ['Additional support needs coordinator', 'Headteacher']);
  const schoolNames = new Set<string>();
  const schools = clamp(Math.round(8 * s), 8, 150);
  for (let i = 0; i < schools; i++) {
    // Alternate primary and secondary so year 6 and year 11 children both have somewhere to be.
    const kinds = i % 2 === 0 ? SCHOOL_KINDS.filter((k) => !/High|College/.test(k)) : SCHOOL_KINDS.filter((k) => /High|College|Academy|Special/.test(k));
    const name = unique(() => `${w.rng.pick(SCHOOL_PLACES)} ${w.rng.pick(kinds)}`, schoolNames);
    addOrg(w, 'school', name, 'england', w.rng.pick(england), ['SENCO', 'Headteacher', 'Class teacher']);
  }

  for (const ins of INSURER_DETAILS) addOrg(w, 'insurer', ins.name, 'england', w.rng.pick(england), [ins.handlerRole, ins.handlerRole, 'Provider relations']);

  const firmNames = new Set<string>();
  const solicitors = clamp(Math.round(5 * s), 5, 50);
  for (let i = 0; i < solicitors; i++) {
    const name =
      i < SOLICITOR_FIRMS.length
        ? SOLICITOR_FIRMS[i]!
        : unique(() => `${w.rng.pick(SURNAMES)} ${w.rng.pick(SURNAMES)} ${w.rng.pick(['LLP', 'Solicitors'])}`, firmNames);
    firmNames.add(name);
    addOrg(w, 'solicitor', name, 'england', w.rng.pick(england), ['Partner, personal injury', 'Associate solicitor', 'Paralegal']);
  }

  const cmNames = new Set<string>();
  const cms = clamp(Math.round(3 * s), 3, 20);
  for (let i = 0; i < cms; i++) {
    const name = i < CASE_MANAGEMENT_FIRMS.length ? CASE_MANAGEMENT_FIRMS[i]! : unique(() => `${w.rng.pick(SCHOOL_PLACES)} Case Management Ltd`, cmNames);
    addOrg(w, 'case_management', name, 'england', w.rng.pick(england), ['Case manager', 'Case manager']);
  }

  const gpNames = new Set<string>();
  const gps = clamp(Math.round(5 * s), 5, 100);
  for (let i = 0; i < gps; i++) {
    const town = i < 2 ? TOWNS[8 + i]! : w.rng.pick(england);
    const name = unique(
      () => `${i < 2 ? town.name : w.rng.pick(SCHOOL_PLACES)} ${w.rng.pick(['Medical Practice', 'Surgery', 'Health Centre', 'Family Practice'])}`,
      gpNames,
    );
    addOrg(w, 'gp_practice', name, town.jurisdiction, town, ['GP partner', 'Salaried GP', 'Practice manager'], true);
  }

  addOrg(
    w,
    'nhs_trust',
    'Meadowshire Community Healthcare NHS Trust',
    'england',
    townByName('Meadowbank'),
    ['Consultant community paediatrician', 'CMHT care coordinator', 'Wheelchair service lead'],
    true,
  );
  addOrg(
    w,
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
        : unique(() => `${w.rng.pick(SCHOOL_PLACES)} ${w.rng.pick(['Foods', 'Packaging', 'Retail', 'Transport', 'Builders', 'Print'])} Ltd`, employerNames);
    addOrg(w, 'employer', name, 'england', w.rng.pick(england), ['HR business partner', 'Occupational health adviser', 'Line manager']);
  }

  const housingNames = new Set<string>();
  const housing = clamp(Math.round(2 * s), 2, 10);
  for (let i = 0; i < housing; i++) {
    const name =
      i === 0
        ? 'Kestrelford Housing Services'
        : i === 1
          ? 'Eastbrook Homes Housing Association'
          : unique(() => `${w.rng.pick(SCHOOL_PLACES)} Housing Association`, housingNames);
    addOrg(w, 'housing_authority', name, 'england', w.rng.pick(england), ['Grants officer', 'Technical officer (surveyor)']);
  }

  addOrg(w, 'other', 'Meadowshire Carers\u2019 Centre', 'england', townByName('Meadowbank'), ['Family support worker']);
  addOrg(w, 'other', 'Access to Work – Meadowbank office (demo)', 'england', townByName('Meadowbank'), ['Access to Work adviser']);
  addOrg(w, 'other', 'Meadowshire Wheelchair and Seating Service', 'england', townByName('Meadowbank'), ['Service manager']);
}
