/**
 * Sessions on an insured case until the authorisation runs out (the override reason
 * is asked for and kept), an insurer invoice from the unbilled sessions, then one remittance
 * paying three of that insurer's invoices, and the aged debt going down by exactly that much.
 */
import { assert, assertAccessibleControls, assertEqual, RUN_ID, test, visible } from '../harness.js';
import { MoneyPage } from '../pages/MoneyPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

interface Auth {
  id: string;
  case_id: string;
  client_id: string;
  client_name: string;
  insurer_org_id: string | null;
  insurer_name: string | null;
  status: string;
  sessions_left: number;
}
interface Inv {
  number: string;
  outstanding_pence: number;
  due_on: string | null;
}

const pounds = (p: number) => `${Math.floor(p / 100)}.${String(p % 100).padStart(2, '0')}`;

test('money: sessions to the end of an authorisation, an insurer invoice, one remittance over three invoices, aged debt down', async ({
  world,
  page,
  shot,
}) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  // The owner both records sessions (admins may not) and raises invoices and payments.
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();

  const get = async <T>(path: string): Promise<T> => (await (await page.request.get(`${world.demoUrl}${path}`)).json()) as T;
  const auths = (await get<{ authorisations: Auth[] }>('/api/authorisations')).authorisations;
  let chosen: { auth: Auth; others: Inv[]; title: string } | null = null;
  for (const a of auths.filter((x) => x.status === 'active' && x.sessions_left === 2 && x.insurer_org_id)) {
    const others = (await get<{ invoices: Inv[] }>(`/api/invoices?status=outstanding&payer_org_id=${a.insurer_org_id}`)).invoices;
    if (others.length >= 2) {
      const c = await get<{ title: string; service_line: string }>(`/api/cases/${a.case_id}`);
      chosen = { auth: a, others, title: c.title };
      break;
    }
  }
  assert(chosen, 'the demo has an active authorisation with two sessions left whose insurer is owed on at least two invoices');
  const { auth, others, title } = chosen;
  const insurer = auth.insurer_name!;

  const money = new MoneyPage(page);
  await page.goto(`${world.demoUrl}/clients/${auth.client_id}`);
  await visible(page.getByRole('heading', { level: 1, name: auth.client_name, exact: true }), `${auth.client_name}'s record`);
  await money.openCaseFromClientRecord(title);
  await visible(money.usage().filter({ hasText: '2 left' }), 'two sessions left on the authorisation');
  await assertAccessibleControls(page, 'case-money');

  const today = new Date().toLocaleDateString('en-GB', { timeZone: 'Europe/London' });
  await money.recordSession(today, 60, 'Therapy');
  await visible(money.usage().filter({ hasText: '1 left' }), 'one session left');
  await visible(money.warnings().filter({ hasText: 'One authorised session left' }), 'the one-session-left warning');
  await money.recordSession(today, 45, 'Review');
  await visible(money.usage().filter({ hasText: '0 left' }), 'no sessions left');

  // A third is outside the authorisation: refused until an override reason is given, which is kept.
  await money.fillSession(today, 60, 'Therapy');
  await money.sessionForm().getByRole('button', { name: 'Record session' }).click();
  await visible(money.sessionForm().getByRole('alert').filter({ hasText: 'have been used' }), 'the refusal naming the used-up authorisation');
  const reason = `Insurer agreed an extension by phone (${RUN_ID})`;
  await money.sessionForm().getByLabel('Override reason').fill(reason);
  await money.sessionForm().getByRole('button', { name: 'Record with override' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'recorded with the override reason' }), 'the session recorded under override');
  await visible(page.getByRole('table', { name: 'Sessions on this case' }).getByText(`Override: ${reason}`), 'the override reason on the session');
  await shot('money-case-sessions');

  const number = await money.createInvoice();
  await visible(page.getByRole('table', { name: 'Invoices for this case' }).getByRole('link', { name: number }), `invoice ${number} on the case`);
  const created = await get<Inv & { payer_name: string; authorisation_code: string }>(`/api/invoices/${number}`);
  assertEqual(created.payer_name, insurer, 'the invoice is billed to the insurer');
  await page.getByRole('link', { name: number }).first().click();
  await visible(page.getByRole('heading', { level: 1, name: `Invoice ${number}` }), `invoice ${number}`);
  if (created.authorisation_code) await visible(page.getByText(created.authorisation_code), 'the authorisation code on the invoice');
  await shot('money-invoice');

  await money.open('Aged debt');
  const before = await money.payerTotal(insurer);
  assert(before >= created.outstanding_pence, `the aged debt includes the new invoice (${before} ≥ ${created.outstanding_pence})`);
  await shot('money-aged-debt-before');
  await assertAccessibleControls(page, 'aged-debt');

  const paid = [created, others[0]!, others[1]!];
  const total = paid.reduce((t, i) => t + i.outstanding_pence, 0);
  await money.open('Record a payment');
  await money.recordPayment(
    insurer,
    paid.map((i) => i.number),
    pounds(total),
    `REM-${RUN_ID}`,
  );
  await assertAccessibleControls(page, 'record-payment');
  await visible(page.getByRole('table', { name: 'Recent payments' }).getByText(`REM-${RUN_ID}`), 'the remittance in recent payments');
  await shot('money-payment');

  await money.open('Aged debt');
  const after = await money.payerTotal(insurer);
  assertEqual(after, before - total, `${insurer}'s aged debt after the remittance`);
  for (const i of paid) assertEqual((await get<Inv>(`/api/invoices/${i.number}`)).outstanding_pence, 0, `${i.number} paid in full`);
  await shot('money-aged-debt-after');

  await page.getByRole('button', { name: 'Bring chasers up to date' }).click();
  await visible(page.getByRole('status').filter({ hasText: 'Chase ladder brought up to date' }), 'the chasers brought up to date');
});
