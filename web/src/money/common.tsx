/** Small pieces the money pages share: pounds typed by a person, who sees what, the used/left bar, the money tabs. */
import { Link, useLocation } from 'wouter';
import { parsePounds } from '../../../src/domain/money/pence.js';
import { useSession } from '../session.js';
import type { Authorisation } from './types.js';

/** "£1,234.56" or "85" → pence; null (with the reason) when it is not an amount. */
export function readPounds(text: string, what: string): { pence: number } | { error: string } {
  try {
    return { pence: parsePounds(text, what) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : `Enter the ${what} in pounds, such as 85.00.` };
  }
}

export function useMoneyRole() {
  const role = useSession().session.user.role;
  return { seesMoney: role === 'owner' || role === 'admin', recordsSessions: role === 'owner' || role === 'clinician' };
}

export function MoneyTabs() {
  const [location] = useLocation();
  const { seesMoney } = useMoneyRole();
  const tabs: [string, string][] = [
    ['/money', 'Invoices'],
    ...(seesMoney
      ? ([
          ['/money/payments', 'Record a payment'],
          ['/money/debt', 'Aged debt'],
        ] as [string, string][])
      : []),
    ['/money/authorisations', 'Authorisations'],
    ['/money/medico-legal', 'Medico-legal'],
  ];
  return (
    <nav aria-label="Money" className="money-tabs">
      {tabs.map(([href, label]) => (
        <Link key={href} href={href} aria-current={location === href ? 'page' : undefined}>
          {label}
        </Link>
      ))}
    </nav>
  );
}

export function UseBar({ a }: { a: Authorisation }) {
  const used = Math.min(a.sessions_used, a.sessions_authorised);
  const pct = a.sessions_authorised > 0 ? Math.round((used / a.sessions_authorised) * 100) : 100;
  const cls = a.sessions_over > 0 ? 'usebar over' : a.sessions_left <= 1 ? 'usebar warn' : 'usebar';
  return (
    <div>
      <div className={cls} role="img" aria-label={`${a.sessions_used} of ${a.sessions_authorised} sessions used, ${a.sessions_left} left`}>
        <span style={{ width: `${pct}%` }} />
      </div>
      <span className="small" data-testid="auth-usage">
        {a.sessions_used} used / {a.sessions_left} left of {a.sessions_authorised}
        {a.sessions_over > 0 ? ` (${a.sessions_over} over, by override)` : ''}
      </span>
    </div>
  );
}
