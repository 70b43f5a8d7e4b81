/** The signed-in frame: header with search and the user, navigation, the notice region and the pages. */
import { lazy, Suspense, useEffect, useState } from 'react';
import { Link, Route, Switch, useLocation } from 'wouter';
import { ClientDetailPage } from '../pages/ClientDetail.js';
import { AccountPage } from '../pages/Account.js';
import { ClientsPage } from '../pages/Clients.js';
import { CompliancePage } from '../pages/Compliance.js';
import { EhcpPage } from '../pages/Ehcp.js';
import { EhcpChildPage } from '../pages/EhcpChild.js';
import { InboxPage } from '../pages/Inbox.js';
import { ReferralsPage } from '../pages/Referrals.js';
import { ReferrersPage } from '../pages/Referrers.js';
import { OrganisationDetailPage } from '../pages/OrganisationDetail.js';
import { OrganisationsPage } from '../pages/Organisations.js';
import { SettingsPage } from '../pages/Settings.js';
import { TodayPage } from '../pages/Today.js';
import { roleCan, type Permission } from '../../../src/domain/permissions.js';
import { ROLE_LABELS } from '../format.js';
import { useNotice, useSession } from '../session.js';
import { SearchBox } from './SearchBox.js';

const CaseFindingsPage = lazy(() => import('../pages/CaseFindings.js').then((m) => ({ default: m.CaseFindingsPage })));
const DocumentsPage = lazy(() => import('../pages/Documents.js').then((m) => ({ default: m.DocumentsPage })));
const DocumentPage = lazy(() => import('../pages/Documents.js').then((m) => ({ default: m.DocumentPage })));

const MoneyPage = lazy(() => import('../pages/Money.js').then((m) => ({ default: m.MoneyPage })));
const InvoicePage = lazy(() => import('../pages/MoneyInvoice.js').then((m) => ({ default: m.InvoicePage })));
const CaseMoneyPage = lazy(() => import('../pages/CaseMoney.js').then((m) => ({ default: m.CaseMoneyPage })));

/** The navigation; a link with a permission shows only to the roles holding it. */
const NAV: readonly { href: string; label: string; permission?: Permission }[] = [
  { href: '/', label: 'Today' },
  { href: '/clients', label: 'Clients' },
  { href: '/ehcp', label: 'EHCP', permission: 'ehcp.read' },
  { href: '/documents', label: 'Documents', permission: 'clinical.read' },
  { href: '/inbox', label: 'Inbox', permission: 'inbox.use' },
  { href: '/referrals', label: 'Referrals' },
  { href: '/money', label: 'Money' },
  { href: '/organisations', label: 'Organisations' },
  { href: '/compliance', label: 'Compliance', permission: 'compliance.keep' },
  { href: '/settings', label: 'Settings', permission: 'practice.change' },
];

function NavLink({ href, children }: { href: string; children: string }) {
  const [location] = useLocation();
  const current = href === '/' ? location === '/' : location === href || location.startsWith(`${href}/`);
  return (
    <Link href={href} aria-current={current ? 'page' : undefined} className={current ? 'current' : undefined}>
      {children}
    </Link>
  );
}

export function Shell() {
  const { session, signOut } = useSession();
  const { notice, clear, clearError } = useNotice();
  const [location] = useLocation();
  const [menuOpen, setMenuOpen] = useState(false);
  const role = session.user.role;
  const isOwner = roleCan(role, 'practice.change');
  const clinical = roleCan(role, 'clinical.read');

  // An error belongs to the page it was shown on; a confirmation follows the user to the next one.
  useEffect(() => {
    clearError();
    setMenuOpen(false);
    window.scrollTo(0, 0);
  }, [location, clearError]);

  return (
    <div className="shell">
      <a href="#main" className="skip-link">
        Skip to content
      </a>
      <header className="topbar">
        <div className="brand">
          <span className="brand-name">Steve</span>
          <span className="practice-name">{session.practice.name}</span>
        </div>
        <SearchBox />
        <div className="who">
          <Link href="/account" className="user-name" data-testid="user-name" title="Your account: professional details, two-step sign-in and calendar feed">
            {session.user.name}
          </Link>
          <span className="user-role" data-testid="user-role">
            {ROLE_LABELS[session.user.role] ?? session.user.role}
          </span>
          <button type="button" className="secondary" onClick={() => void signOut()}>
            Sign out
          </button>
        </div>
      </header>
      <nav aria-label="Main" className={`mainnav${menuOpen ? ' open' : ''}`}>
        {/* On a tablet the links fold behind this button; on a wide screen it is not shown. */}
        <button type="button" className="menu-toggle secondary" aria-expanded={menuOpen} aria-controls="main-links" onClick={() => setMenuOpen((o) => !o)}>
          {menuOpen ? 'Close menu' : 'Menu'}
        </button>
        <ul id="main-links" className="nav-links">
          {NAV.filter((link) => !link.permission || roleCan(role, link.permission)).map((link) => (
            <li key={link.href}>
              <NavLink href={link.href}>{link.label}</NavLink>
            </li>
          ))}
        </ul>
      </nav>
      <main id="main" tabIndex={-1}>
        <div className="notice-region" role="alert" aria-live="assertive">
          {notice?.kind === 'error' && (
            <div className="alert error">
              <span>{notice.text}</span>
              <button type="button" className="link" onClick={clear}>
                Dismiss
              </button>
            </div>
          )}
        </div>
        {/* The message itself is the live region; its buttons sit beside it so it reads as one sentence. */}
        <div className={`toast-region${notice?.kind === 'status' ? ' has-toast' : ''}`}>
          <div className="notice-region toast-text" role="status" aria-live="polite">
            {notice?.kind === 'status' ? notice.text : null}
          </div>
          {notice?.kind === 'status' && (
            <span className="buttons">
              {notice.action && (
                <button
                  type="button"
                  className="small"
                  onClick={() => {
                    const run = notice.action?.run;
                    clear();
                    run?.();
                  }}
                >
                  {notice.action.label}
                </button>
              )}
              <button type="button" className="link" onClick={clear} aria-label="Dismiss the message">
                Dismiss
              </button>
            </span>
          )}
        </div>
        <Switch>
          <Route path="/" component={TodayPage} />
          <Route path="/sign-in" component={TodayPage} />
          <Route path="/setup" component={TodayPage} />
          <Route path="/clients" component={ClientsPage} />
          <Route path="/clients/:id">{(p) => <ClientDetailPage id={p.id} />}</Route>
          <Route path="/ehcp" component={EhcpPage} />
          <Route path="/ehcp/:caseId">{(p) => <EhcpChildPage caseId={p.caseId} />}</Route>
          <Route path="/cases/:id/findings">
            {(p) =>
              clinical ? (
                <Suspense fallback={<p role="status">Loading…</p>}>
                  <CaseFindingsPage caseId={p.id} />
                </Suspense>
              ) : (
                <ClinicalOnly />
              )
            }
          </Route>
          <Route path="/documents">
            {clinical ? (
              <Suspense fallback={<p role="status">Loading…</p>}>
                <DocumentsPage />
              </Suspense>
            ) : (
              <ClinicalOnly />
            )}
          </Route>
          <Route path="/documents/:id">
            {(p) =>
              clinical ? (
                <Suspense fallback={<p role="status">Loading…</p>}>
                  <DocumentPage id={p.id} />
                </Suspense>
              ) : (
                <ClinicalOnly />
              )
            }
          </Route>
          <Route path="/compliance" component={CompliancePage} />
          <Route path="/account" component={AccountPage} />
          <Route path="/inbox" component={InboxPage} />
          <Route path="/referrals" component={ReferralsPage} />
          <Route path="/referrers" component={ReferrersPage} />
          <Route path="/money">
            {
              <Suspense fallback={<p role="status">Loading…</p>}>
                <MoneyPage view="invoices" />
              </Suspense>
            }
          </Route>
          <Route path="/money/:view">
            {(p) => (
              <Suspense fallback={<p role="status">Loading…</p>}>
                <MoneyPage view={p.view} />
              </Suspense>
            )}
          </Route>
          <Route path="/invoices/:ref">
            {(p) => (
              <Suspense fallback={<p role="status">Loading…</p>}>
                <InvoicePage invoiceRef={decodeURIComponent(p.ref)} />
              </Suspense>
            )}
          </Route>
          <Route path="/cases/:id/money">
            {(p) => (
              <Suspense fallback={<p role="status">Loading…</p>}>
                <CaseMoneyPage caseId={p.id} />
              </Suspense>
            )}
          </Route>
          <Route path="/organisations" component={OrganisationsPage} />
          <Route path="/organisations/:id">{(p) => <OrganisationDetailPage id={p.id} />}</Route>
          <Route path="/settings">{isOwner ? <SettingsPage /> : <Forbidden />}</Route>
          <Route>
            <section>
              <h1>Page not found</h1>
              <p>
                There is no page at this address. <Link href="/">Go to Today</Link>.
              </p>
            </section>
          </Route>
        </Switch>
      </main>
    </div>
  );
}

function Forbidden() {
  return (
    <section>
      <h1>Settings</h1>
      <p className="alert error">Only the practice owner can open Settings.</p>
    </section>
  );
}

function ClinicalOnly() {
  return (
    <section>
      <h1>Clinical records</h1>
      <p className="alert error">Findings and documents are for clinicians and the practice owner.</p>
    </section>
  );
}
