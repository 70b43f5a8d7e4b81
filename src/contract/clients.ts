import { z } from 'zod';
import { id, isoDate, nhsNumber, optionalEmail, personName, shortText, longText } from './common.js';
import { caseSummary } from './cases.js';
import { taskRow } from './tasks.js';

export const consentSchema = z.object({
  school: z.boolean(),
  la: z.boolean(),
  gp: z.boolean(),
  insurer: z.boolean(),
  solicitor: z.boolean(),
});

export const addClientInput = z
  .object({
    name: personName,
    dob: isoDate,
    nhs_number: nhsNumber.optional(),
    address: shortText.optional(),
    postcode: shortText.optional(),
    phone: shortText.optional(),
    email: optionalEmail.optional(),
    consent: consentSchema.partial().optional(),
    lead_clinician_id: id.optional(),
    notes: longText.optional(),
    /** The person adding confirms this is someone else who shares a name and date of birth with an existing client. */
    different_person: z.boolean().optional(),
  })
  .strict();
export type AddClientInput = z.input<typeof addClientInput>;

export const updateClientInput = addClientInput
  .omit({ different_person: true })
  .partial()
  .extend({ nhs_number: z.union([z.literal(''), nhsNumber]).optional() })
  .strict();
export type UpdateClientInput = z.input<typeof updateClientInput>;

export const listClientsInput = z
  .object({
    q: z.string().trim().max(200).optional(),
    limit: z.coerce.number().int().min(1).max(100_000).optional(),
    offset: z.coerce.number().int().min(0).optional(),
  })
  .strict();
export type ListClientsInput = z.input<typeof listClientsInput>;

export const clientContactInput = z
  .object({
    name: personName,
    relationship: shortText.optional(),
    is_carer: z.boolean().optional(),
    parental_responsibility: z.boolean().optional(),
    phone: shortText.optional(),
    email: optionalEmail.optional(),
    address: shortText.optional(),
  })
  .strict();
export type ClientContactInput = z.input<typeof clientContactInput>;

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const consent = z.object({ school: z.boolean(), la: z.boolean(), gp: z.boolean(), insurer: z.boolean(), solicitor: z.boolean() });

export const client = z.object({
  id: z.string(),
  name: z.string(),
  dob: z.string(),
  nhs_number: z.string().nullable(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  consent,
  lead_clinician_id: z.string().nullable(),
  notes: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Client = z.infer<typeof client>;

/** A client in a list or a search result. */
export const clientRow = z.object({
  id: z.string(),
  name: z.string(),
  dob: z.string(),
  nhs_number: z.string().nullable(),
  postcode: z.string(),
  lead_clinician_id: z.string().nullable(),
  lead_clinician_name: z.string().nullable(),
});
export type ClientRow = z.infer<typeof clientRow>;
export const listClientsResponse = z.object({ clients: z.array(clientRow) });

const contactFields = {
  id: z.string(),
  client_id: z.string(),
  name: z.string(),
  relationship: z.string(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
};
/** A carer or contact as stored: adding or changing one answers with its flags as 0/1. */
export const clientContactRow = z.object({ ...contactFields, is_carer: z.number(), parental_responsibility: z.number() });
/** A carer or contact as the client's record shows them. */
export const clientContact = z.object({ ...contactFields, is_carer: z.boolean(), parental_responsibility: z.boolean() });
export type ClientContact = z.infer<typeof clientContact>;

export const correspondenceRow = z.object({
  id: z.string(),
  case_id: z.string().nullable(),
  direction: z.string(),
  channel: z.string(),
  party_name: z.string(),
  on_date: z.string(),
  subject: z.string(),
  summary: z.string(),
  follow_up_on: z.string().nullable(),
});

export const clientSession = z.object({
  id: z.string(),
  case_id: z.string(),
  on_date: z.string(),
  duration_minutes: z.number(),
  kind: z.string(),
  attendance: z.string(),
  billable: z.boolean(),
  notes: z.string(),
});

/** How long the record must be kept (REC-03), once care has ended. */
export const retention = z.discriminatedUnion('state', [
  z.object({ state: z.literal('ongoing'), reason: z.string() }),
  z.object({ state: z.literal('not_modelled'), reason: z.string() }),
  z.object({ state: z.literal('keep_until'), until: z.string(), reason: z.string(), rule: z.literal('REC-03'), citation: z.string() }),
]);

/** A client's whole record; sessions are null for a role that may not see them. */
export const clientDetail = client.extend({
  lead_clinician: z.object({ id: z.string(), name: z.string(), hcpc_number: z.string().nullable() }).nullable(),
  contacts: z.array(clientContact),
  cases: z.array(caseSummary),
  tasks: z.array(taskRow),
  correspondence: z.array(correspondenceRow),
  sessions: z.array(clientSession).nullable(),
  retention,
});
export type ClientDetail = z.infer<typeof clientDetail>;
