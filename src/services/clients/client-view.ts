import type { Client } from '../../db/schema.js';

/** A client as the CLI and API show it: flags as booleans, consent grouped. */
export function clientView(c: Client) {
  return {
    id: c.id,
    name: c.name,
    dob: c.dob,
    nhs_number: c.nhs_number,
    address: c.address,
    postcode: c.postcode,
    phone: c.phone,
    email: c.email,
    consent: {
      school: c.consent_school === 1,
      la: c.consent_la === 1,
      gp: c.consent_gp === 1,
      insurer: c.consent_insurer === 1,
      solicitor: c.consent_solicitor === 1,
    },
    lead_clinician_id: c.lead_clinician_id,
    notes: c.notes,
    created_at: c.created_at,
    updated_at: c.updated_at,
  };
}

export function consentColumns(consent: Partial<Record<'school' | 'la' | 'gp' | 'insurer' | 'solicitor', boolean>> | undefined) {
  const out: Partial<Record<'consent_school' | 'consent_la' | 'consent_gp' | 'consent_insurer' | 'consent_solicitor', number>> = {};
  if (!consent) return out;
  for (const k of ['school', 'la', 'gp', 'insurer', 'solicitor'] as const) {
    if (consent[k] !== undefined) out[`consent_${k}`] = consent[k] ? 1 : 0;
  }
  return out;
}
