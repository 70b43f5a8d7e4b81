/**
 * The API's answers as the pages name them. Every shape is the contract's own (src/contract), the schema the
 * server serialises through, so a page and the server cannot drift.
 */
import type { GetMeResponse, PublicUser } from '../../../src/contract/auth.js';
import type { ListAuditResponse } from '../../../src/contract/audit.js';
import type { BriefingItem } from '../../../src/contract/deadlines.js';
import type { UserRow } from '../../../src/contract/practice.js';

export type { BriefingResponse as Briefing, BriefingItem } from '../../../src/contract/deadlines.js';
export type { CaseDetail, CaseSummary } from '../../../src/contract/cases.js';
export type { Client, ClientContact, ClientDetail, ClientRow } from '../../../src/contract/clients.js';
export type { Contact, Organisation, OrgRow } from '../../../src/contract/organisations.js';
export type { Practice } from '../../../src/contract/practice.js';

/** The signed-in user, or one of the practice's users as the owner's settings list them (with `active`). */
export type User = PublicUser & Partial<UserRow>;
export type Session = GetMeResponse;
export type BriefingSection = BriefingItem['section'];
export type AuditEvent = ListAuditResponse['events'][number];
/** A case's detail record (EHCP, medico-legal, housing, workplace) as the page lists its fields. */
export type DetailRecord = Record<string, string | number | null>;
