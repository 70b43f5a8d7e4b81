import type { Selectable } from 'kysely';
import type { InvoicesTable } from '../../db/schema.js';

export type Invoice = Selectable<InvoicesTable>;
