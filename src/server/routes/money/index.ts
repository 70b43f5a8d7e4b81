/** The money area's routes, listed in ROUTES by routes/index.ts. */
import type { AnyRoute } from '../../route.js';
import listAuthorisations from './list-authorisations.js';
import listSessions from './list-sessions.js';
import addSession from './add-session.js';
import listMedicoLegal from './list-medico-legal.js';
import moveMedicoLegalStage from './move-medico-legal-stage.js';
import listInvoices from './list-invoices.js';
import exportInvoices from './export-invoices.js';
import getInvoice from './get-invoice.js';
import createInvoice from './create-invoice.js';
import voidInvoice from './void-invoice.js';
import issueCreditNote from './issue-credit-note.js';
import writeOffInvoice from './write-off-invoice.js';
import listPayments from './list-payments.js';
import getPayment from './get-payment.js';
import recordPayment from './record-payment.js';
import applyCredit from './apply-credit.js';
import getAgedDebt from './get-aged-debt.js';
import runChasers from './run-chasers.js';
import getMoneySettings from './get-money-settings.js';
import updateMoneySettings from './update-money-settings.js';
import getClientMoney from './get-client-money.js';

export const MONEY_ROUTES: readonly AnyRoute[] = [
  listAuthorisations,
  listSessions,
  addSession,
  listMedicoLegal,
  moveMedicoLegalStage,
  listInvoices,
  exportInvoices,
  getInvoice,
  createInvoice,
  voidInvoice,
  issueCreditNote,
  writeOffInvoice,
  listPayments,
  getPayment,
  recordPayment,
  applyCredit,
  getAgedDebt,
  runChasers,
  getMoneySettings,
  updateMoneySettings,
  getClientMoney,
];
