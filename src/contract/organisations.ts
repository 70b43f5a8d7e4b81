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
