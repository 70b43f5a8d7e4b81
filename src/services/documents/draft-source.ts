/**
 * Gathers the DraftSource of a case: the recorded fields a template may read, and nothing
 * else. Names of linked organisations are looked up here so templates never query.
 */
import type { DraftSource, LaProfile } from '../../drafting/index.js';
import { emptySource } from '../../drafting/index.js';
import type { ScoreMetric } from '../../domain/outcomes/scores.js';
import type { NoteKey } from '../../domain/documents/notes.js';
import type { LocalDate } from '../../domain/calendar/local-date.js';
import { authorisationPosition } from '../../domain/money/authorisation.js';
import { roleCan } from '../../domain/permissions.js';
import { sessionsUsed } from '../sessions/add-session.js';
import type { Db } from '../context.js';
import { loadFindings } from '../findings/load-findings.js';

/** How a user's role reads under their name on a document. */
export function roleTitle(role: string): string {
  return role === 'admin' ? 'Administrator' : 'Occupational therapist';
}

const orgName = async (db: Db, id: string | null | undefined): Promise<string | null> =>
  id ? ((await db.selectFrom('organisations').select('name').where('id', '=', id).executeTakeFirst())?.name ?? null) : null;

export function profileFromRow(r: {
  id: string;
  organisation_id: string | null;
  name: string;
  section_order: string;
  headings: string;
  front_sheet_fields: string;
  reference_format: string | null;
  provision_layout: string;
  scores_in: string;
  max_words: number | null;
  max_pages: number | null;
  freshness_months: number | null;
  return_to: string | null;
}): LaProfile {
  return {
    id: r.id,
    organisation_id: r.organisation_id,
    name: r.name,
    section_order: JSON.parse(r.section_order) as string[],
    headings: JSON.parse(r.headings) as Record<string, string>,
    front_sheet_fields: JSON.parse(r.front_sheet_fields) as string[],
    reference_format: r.reference_format,
    provision_layout: r.provision_layout === 'single' ? 'single' : 'split',
    scores_in: r.scores_in === 'body' ? 'body' : 'appendix',
    max_words: r.max_words,
    max_pages: r.max_pages,
    freshness_months: r.freshness_months,
    return_to: r.return_to,
  };
}

/** A letter with no case drafted from the command line: in a one-clinician practice, theirs. */
async function soleClinician(db: Db): Promise<string | null> {
  const rows = await db.selectFrom('users').select(['id', 'role']).where('active', '=', 1).execute();
  const clinicians = rows.filter((u) => roleCan(u.role, 'documents.sign'));
  return clinicians.length === 1 ? clinicians[0]!.id : null;
}

export async function loadDraftSource(
  db: Db,
  opts: { today: string; caseId: string | null; authorId: string | null; letter: DraftSource['letter'] },
): Promise<DraftSource> {
  const s = emptySource(opts.today);
  s.letter = opts.letter;
  const practice = await db.selectFrom('practice').selectAll().executeTakeFirst();
  if (practice)
    s.practice = {
      name: practice.name,
      address: practice.address,
      phone: practice.phone,
      email: practice.email,
      letterhead: practice.letterhead,
      bank_details: practice.bank_details,
    };
  const c = opts.caseId ? await db.selectFrom('cases').selectAll().where('id', '=', opts.caseId).executeTakeFirst() : undefined;
  const authorId = opts.authorId ?? c?.clinician_id ?? (await soleClinician(db));
  if (authorId) {
    const u = await db
      .selectFrom('users')
      .select(['name', 'hcpc_number', 'role', 'qualifications', 'professional_bodies'])
      .where('id', '=', authorId)
      .executeTakeFirst();
    if (u)
      s.author = {
        name: u.name,
        hcpc_number: u.hcpc_number,
        role: roleTitle(u.role),
        qualifications: u.qualifications,
        professional_bodies: u.professional_bodies,
      };
  }
  if (!c) return s;
  const client = await db.selectFrom('clients').selectAll().where('id', '=', c.client_id).executeTakeFirstOrThrow();
  s.client = { id: client.id, name: client.name, dob: client.dob, nhs_number: client.nhs_number, address: client.address };
  const contacts = await db
    .selectFrom('client_contacts')
    .select(['name', 'relationship'])
    .where('client_id', '=', client.id)
    .where('parental_responsibility', '=', 1)
    .orderBy('name')
    .execute();
  s.parents = contacts.map((p) => (p.relationship ? `${p.name} (${p.relationship})` : p.name));
  const referrer = c.referrer_contact_id
    ? ((await db.selectFrom('contacts').select('name').where('id', '=', c.referrer_contact_id).executeTakeFirst())?.name ?? null)
    : await orgName(db, c.referrer_org_id);
  s.case = {
    id: c.id,
    title: c.title,
    service_line: c.service_line,
    funder_kind: c.funder_kind,
    funder_name: await orgName(db, c.funder_org_id),
    referrer_name: referrer,
    jurisdiction: c.jurisdiction,
    status: c.status,
    opened_on: c.opened_on,
    closed_on: c.closed_on,
  };
  const [ehcp, auth, ml, housing, work, sessions] = await Promise.all([
    db.selectFrom('ehcp_plans').selectAll().where('case_id', '=', c.id).executeTakeFirst(),
    db.selectFrom('authorisations').selectAll().where('case_id', '=', c.id).orderBy('valid_from', 'desc').executeTakeFirst(),
    db.selectFrom('medico_legal_instructions').selectAll().where('case_id', '=', c.id).executeTakeFirst(),
    db.selectFrom('housing_adaptations').selectAll().where('case_id', '=', c.id).executeTakeFirst(),
    db.selectFrom('workplace_assessments').selectAll().where('case_id', '=', c.id).executeTakeFirst(),
    db.selectFrom('sessions').select(['on_date', 'kind', 'attendance', 'duration_minutes']).where('case_id', '=', c.id).orderBy('on_date').execute(),
  ]);
  if (ehcp) {
    s.ehcp = {
      la_name: await orgName(db, ehcp.la_org_id),
      la_reference: ehcp.la_reference,
      school_name: await orgName(db, ehcp.school_org_id),
      year_group: ehcp.year_group,
      advice_requested_on: ehcp.advice_requested_on,
      plan_issued_on: ehcp.plan_issued_on,
      last_review_on: ehcp.last_review_on,
      next_review_meeting_on: ehcp.next_review_meeting_on,
      transfer_kind: ehcp.transfer_kind,
    };
    if (ehcp.la_org_id) {
      const p = await db.selectFrom('la_profiles').selectAll().where('organisation_id', '=', ehcp.la_org_id).executeTakeFirst();
      if (p) s.la_profile = profileFromRow(p);
    }
  }
  if (auth) {
    // The same count `steve authorisations` shows: a session not charged to the authorisation is not used from it.
    const position = authorisationPosition(auth, (await sessionsUsed(db, [auth.id])).get(auth.id) ?? 0, opts.today as LocalDate, 0);
    s.authorisation = {
      insurer_name: await orgName(db, auth.insurer_org_id),
      membership_number: auth.membership_number,
      authorisation_code: auth.authorisation_code,
      sessions_authorised: position.sessions_authorised,
      valid_from: auth.valid_from,
      valid_until: auth.valid_until,
      sessions_used: position.sessions_used,
      sessions_left: position.sessions_left,
    };
  }
  if (ml)
    s.medico_legal = {
      solicitor_name: await orgName(db, ml.solicitor_org_id),
      instructed_by: ml.instructed_by,
      claim_reference: ml.claim_reference,
      court_claim_number: ml.court_claim_number,
      accident_date: ml.accident_date,
      report_type: ml.report_type,
      instructed_on: ml.instructed_on,
      report_due_on: ml.report_due_on,
    };
  if (housing) s.housing = { housing_name: await orgName(db, housing.housing_org_id), adaptation: housing.adaptation, tenure: housing.tenure };
  if (work) s.workplace = { employer_name: await orgName(db, work.employer_org_id), job_title: work.job_title };
  s.sessions = sessions;
  const f = await loadFindings(db, c.id);
  for (const n of f.notes) s.notes[n.key as NoteKey] = n.text;
  const item = (i: (typeof f.items)[number]) => ({ id: i.id, area: i.area, text: i.text, on_date: i.on_date, setting: i.setting });
  s.needs = f.items.filter((i) => i.kind === 'need').map(item);
  s.observations = f.items.filter((i) => i.kind === 'observation').map(item);
  s.recommendations = f.items.filter((i) => i.kind === 'recommendation').map(item);
  s.assessments = f.assessments.map((a) => ({ ...a, metric: a.metric as ScoreMetric }));
  s.goals = f.goals.map((g) => ({ ...g, kind: g.kind as 'smart' | 'copm' | 'gas' }));
  s.provision = f.provision.map((p) => ({ ...p, section: p.section as 'F' | 'G' | 'H', delivery: p.delivery as 'direct' | 'indirect' | null }));
  return s;
}
