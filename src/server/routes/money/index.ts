/** The money area's routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import * as r from './money-routes.js';
import { clientMoneyRoute } from './client-money-route.js';

export const MONEY_ROUTES: readonly AnyRoute[] = [
  r.listAuthorisationsRoute,
  r.listSessionsRoute,
  r.addSessionRoute,
  r.listMlRoute,
  r.moveMlStageRoute,
  r.listInvoicesRoute,
  r.exportInvoicesRoute,
  r.getInvoiceRoute,
  r.createInvoiceRoute,
  r.voidInvoiceRoute,
  r.creditNoteRoute,
  r.writeOffRoute,
  r.listPaymentsRoute,
  r.getPaymentRoute,
  r.recordPaymentRoute,
  r.applyCreditRoute,
  r.agedDebtRoute,
  r.runChasersRoute,
  r.getMoneySettingsRoute,
  r.updateMoneySettingsRoute,
  clientMoneyRoute,
];
