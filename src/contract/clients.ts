import { z } from 'zod';
import { email, id, isoDate, nhsNumber, optionalEmail, personName, shortText, longText } from './common.js';
import { caseSummary } from './cases.js';

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
  })
  .strict();
export type AddClientInput = z.input<typeof addClientInput>;

export const updateClientInput = addClientInput
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

export { email };

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const client = z.object({
  id: z.string(),
  name: z.string(),
  dob: z.string(),
  nhs_number: z.string().nullable(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  consent: z.object({ school: z.boolean(), la: z.boolean(), gp: z.boolean(), insurer: z.boolean(), solicitor: z.boolean() }),
  lead_clinician_id: z.string().nullable(),
  notes: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type Client = z.infer<typeof client>;
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
export const addClientContactResponse = z.object({
  id: z.string(),
  client_id: z.string(),
  name: z.string(),
  relationship: z.string(),
  is_carer: z.number(),
  parental_responsibility: z.number(),
  phone: z.string(),
  email: z.string(),
  address: z.string(),
});
export type AddClientContactResponse = z.infer<typeof addClientContactResponse>;
export const getClientResponse = z.object({
  lead_clinician: z.object({ id: z.string(), name: z.string(), hcpc_number: z.string().nullable() }).nullable(),
  contacts: z.array(
    z.object({
      is_carer: z.boolean(),
      parental_responsibility: z.boolean(),
      client_id: z.string(),
      id: z.string(),
      name: z.string(),
      email: z.string(),
      address: z.string(),
      phone: z.string(),
      relationship: z.string(),
    }),
  ),
  cases: z.array(caseSummary),
  tasks: z.array(
    z.object({
      client_id: z.string().nullable(),
      id: z.string(),
      title: z.string(),
      created_at: z.string(),
      case_id: z.string().nullable(),
      kind: z.string(),
      reason: z.string().nullable(),
      status: z.string(),
      notes: z.string(),
      hardness: z.string(),
      due_on: z.string(),
      rule_id: z.string().nullable(),
      trigger_kind: z.string().nullable(),
      trigger_on: z.string().nullable(),
      trigger_ref: z.string().nullable(),
      snoozed_until: z.string().nullable(),
      assignee_id: z.string().nullable(),
      completed_on: z.string().nullable(),
      rule_key: z.string().nullable(),
    }),
  ),
  correspondence: z.array(
    z.object({
      id: z.string(),
      case_id: z.string().nullable(),
      direction: z.string(),
      channel: z.string(),
      party_name: z.string(),
      on_date: z.string(),
      subject: z.string(),
      summary: z.string(),
      follow_up_on: z.string().nullable(),
    }),
  ),
  sessions: z
    .array(
      z.object({
        billable: z.boolean(),
        case_id: z.string(),
        id: z.string(),
        kind: z.string(),
        notes: z.string(),
        on_date: z.string(),
        duration_minutes: z.number(),
        attendance: z.string(),
      }),
    )
    .nullable(),
  retention: z.union([
    z.object({ state: z.literal('ongoing'), reason: z.string() }),
    z.object({ state: z.literal('not_modelled'), reason: z.string() }),
    z.object({ state: z.literal('keep_until'), until: z.string(), reason: z.string(), rule: z.literal('REC-03'), citation: z.string() }),
  ]),
  id: z.string(),
  name: z.string(),
  dob: z.string(),
  nhs_number: z.string().nullable(),
  address: z.string(),
  postcode: z.string(),
  phone: z.string(),
  email: z.string(),
  consent: z.object({ school: z.boolean(), la: z.boolean(), gp: z.boolean(), insurer: z.boolean(), solicitor: z.boolean() }),
  lead_clinician_id: z.string().nullable(),
  notes: z.string(),
  created_at: z.string(),
  updated_at: z.string(),
});
export type GetClientResponse = z.infer<typeof getClientResponse>;
export const listClientsResponse = z.object({ clients: z.array(clientRow) });
export type ListClientsResponse = z.infer<typeof listClientsResponse>;
export const updateClientContactResponse = z.object({
  client_id: z.string(),
  id: z.string(),
  name: z.string(),
  email: z.string(),
  address: z.string(),
  phone: z.string(),
  relationship: z.string(),
  is_carer: z.number(),
  parental_responsibility: z.number(),
});
export type UpdateClientContactResponse = z.infer<typeof updateClientContactResponse>;
