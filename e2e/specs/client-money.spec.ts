/**
 * The Money tab of a client's record. A client whose insurer was billed and
 * who also owes their own share: the tab splits what the client owes from what payers owe,
 * lists the invoice with UK dates and pounds, and the invoice number opens the invoice.
 */
import { assert, assertAccessibleControls, assertEqual, test, visible } from '../harness.js';
import { ClientRecordPage } from '../pages/ClientRecordPage.js';
import { Shell } from '../pages/Shell.js';
import { DEMO_USERS, SignInPage } from '../pages/SignInPage.js';

interface Inv {
  number: string;
  client_id: string;
  client_name: string;
  payer_kind: string;
  payer_name: string;
  issued_on: string;
  outstanding_pence: number;
}
interface ClientMoney {
  owed_by_client: { total: number };
  owed_by_payers: { total: number };
  invoices: { number: string; share: string }[];
}

const gbp = (p: number) => new Intl.NumberFormat('en-GB', { style: 'currency', currency: 'GBP' }).format(p / 100);
const ukDate = (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}/${iso.slice(0, 4)}`;

test('client money: a client’s Money tab splits what the client owes from what the insurer owes and opens the invoice', async ({ world, page, shot }) => {
  const signIn = new SignInPage(page);
  await signIn.open(world.demoUrl);
  await signIn.signIn(DEMO_USERS.owner);
  await new Shell(page).waitUntilSignedIn();
  const get = async <T>(path: string): Promise<T> => (await (await page.request.get(`${world.demoUrl}${path}`)).json()) as T;

  // A client owing their share of insured treatment (an excess invoice) besides the insurer's invoice.
  const owed = (await get<{ invoices: Inv[] }>('/api/invoices?status=outstanding&limit=500')).invoices;
  let chosen: { inv: Inv; position: ClientMoney } | null = null;
  for (const inv of owed.filter((i) => i.payer_kind === 'insurer').slice(0, 40)) {
    const position = await get<ClientMoney>(`/api/clients/${inv.client_id}/money`);
    if (position.owed_by_client.total > 0 && position.owed_by_payers.total > 0) {
      chosen = { inv, position };
      break;
    }
  }
  assert(chosen, 'the demo has a client owing their own share while their insurer owes too');
  const { inv, position } = chosen;

  await page.goto(`${world.demoUrl}/clients/${inv.client_id}`);
  const record = new ClientRecordPage(page);
  await record.waitFor(inv.client_name);
  await record.openTab('Money');
  const invoices = page.getByRole('table', { name: 'Invoices for this client' });
  await visible(invoices, 'the client’s invoices');
  await visible(
    page.getByTestId('owed-by-client').getByText(gbp(position.owed_by_client.total), { exact: true }),
    `owed by the client ${gbp(position.owed_by_client.total)}`,
  );
  await visible(
    page.getByTestId('owed-by-payers').getByText(gbp(position.owed_by_payers.total), { exact: true }),
    `owed by payers ${gbp(position.owed_by_payers.total)}`,
  );
  const row = invoices.getByRole('row').filter({ has: page.getByRole('link', { name: inv.number, exact: true }) });
  await visible(row.getByText(ukDate(inv.issued_on), { exact: true }), `${inv.number} issued ${ukDate(inv.issued_on)}`);
  await visible(row.getByText(inv.payer_name, { exact: true }), `${inv.number} billed to ${inv.payer_name}`);
  await visible(row.getByText(gbp(inv.outstanding_pence), { exact: true }).first(), `${inv.number} balance ${gbp(inv.outstanding_pence)}`);
  const shares = new Set(position.invoices.map((i) => i.share));
  assert(shares.has('payer') && (shares.has('member_share') || shares.has('self_pay')), 'the invoices include both the payer’s and the client’s');
  await visible(
    page
      .getByRole('table', { name: 'Money by case' })
      .getByRole('link', { name: /^Sessions and money: / })
      .first(),
    'the link to a case’s money page',
  );
  await assertAccessibleControls(page, 'client-money');
  await shot('client-money-tab');

  await row.getByRole('link', { name: inv.number, exact: true }).click();
  await visible(page.getByRole('heading', { level: 1, name: `Invoice ${inv.number}` }), `invoice ${inv.number}`);
  assertEqual(new URL(page.url()).pathname, `/invoices/${encodeURIComponent(inv.number)}`, 'the invoice page address');
});
