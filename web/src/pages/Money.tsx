/**
 * The Money pages: invoices with their balances, recording a payment or remittance
 * across several invoices, aged debt per payer with the chase ladder, insurer authorisations
 * and medico-legal instructions. Admins and the owner see everything; a clinician sees the
 * invoices, authorisations and instructions of their own caseload (the server filters).
 */
import { MoneyTabs, useMoneyRole } from '../money/common.js';
import '../money/money.css';
import { Debt } from './money/Debt.js';
import { Invoices } from './money/Invoices.js';
import { Payments } from './money/Payments.js';
import { Authorisations, MedicoLegal } from './money/Watch.js';

export type MoneyView = 'invoices' | 'payments' | 'debt' | 'authorisations' | 'medico-legal';

export function MoneyPage({ view }: { view: string }) {
  const { seesMoney } = useMoneyRole();
  const v = (['invoices', 'payments', 'debt', 'authorisations', 'medico-legal'].includes(view) ? view : 'invoices') as MoneyView;
  const allowed = seesMoney || !['payments', 'debt'].includes(v);
  return (
    <section aria-labelledby="money-heading">
      <div className="page-head">
        <h1 id="money-heading">Money</h1>
      </div>
      <MoneyTabs />
      {!allowed && <p className="alert error">Payments and aged debt are for the practice owner and administrators.</p>}
      {allowed && v === 'invoices' && <Invoices />}
      {allowed && v === 'payments' && <Payments />}
      {allowed && v === 'debt' && <Debt />}
      {allowed && v === 'authorisations' && <Authorisations />}
      {allowed && v === 'medico-legal' && <MedicoLegal />}
    </section>
  );
}
