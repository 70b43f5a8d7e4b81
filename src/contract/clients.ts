import { z } from 'zod';
import { email, id, isoDate, nhsNumber, optionalEmail, personName, shortText, longText } from './common.js';

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
