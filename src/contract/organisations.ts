import { z } from 'zod';
import { ORGANISATION_KINDS } from '../domain/vocabulary.js';
import { optionalEmail, personName, shortText, longText } from './common.js';

export const organisationKind = z.enum(ORGANISATION_KINDS, { error: `must be one of ${ORGANISATION_KINDS.join(', ')}` });

export const addOrganisationInput = z
  .object({
    name: personName,
    kind: organisationKind,
    address: shortText.optional(),
    phone: shortText.optional(),
    email: optionalEmail.optional(),
    notes: longText.optional(),
  })
  .strict();
export type AddOrganisationInput = z.input<typeof addOrganisationInput>;

export const updateOrganisationInput = addOrganisationInput.partial().strict();
export type UpdateOrganisationInput = z.input<typeof updateOrganisationInput>;

export const listOrganisationsInput = z.object({ q: z.string().trim().max(200).optional(), kind: organisationKind.optional() }).strict();
export type ListOrganisationsInput = z.input<typeof listOrganisationsInput>;

export const contactInput = z
  .object({
    name: personName,
    role: shortText.optional(),
    email: optionalEmail.optional(),
    phone: shortText.optional(),
  })
  .strict();
export type ContactInput = z.input<typeof contactInput>;
export const updateContactInput = contactInput.partial().strict();
export type UpdateContactInput = z.input<typeof updateContactInput>;

// What the API answers: the route serialises through these, so a field not listed never leaves the server.
export const contact = z.object({
  id: z.string(),
  name: z.string(),
  email: z.string(),
  role: z.string(),
  phone: z.string(),
  updated_at: z.string(),
  organisation_id: z.string(),
});
export type Contact = z.infer<typeof contact>;
/** An organisation as stored, without its contacts. */
const organisationRecord = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.string(),
  address: z.string(),
  phone: z.string(),
  email: z.string(),
  notes: z.string(),
  created_at: z.string(),
});
export const organisation = organisationRecord.extend({ contacts: z.array(contact) });
export type Organisation = z.infer<typeof organisation>;
export const orgRow = organisationRecord.omit({ notes: true, created_at: true }).extend({ contacts: z.number() });
export type OrgRow = z.infer<typeof orgRow>;
export const addOrganisationResponse = organisationRecord.extend({ contacts: z.array(z.never()), kind: z.enum(ORGANISATION_KINDS) });
export const listOrganisationsResponse = z.object({ organisations: z.array(orgRow) });
