/** The owner's settings: practice details and letterhead, users and roles, and the audit log. */
import { Link, useLocation, useSearch } from 'wouter';
import { AuditSection } from './settings/AuditSection.js';
import { PracticeSection } from './settings/PracticeSection.js';
import { UsersSection } from './settings/UsersSection.js';

type Section = 'practice' | 'users' | 'audit';

export function SettingsPage() {
  const search = useSearch();
  const [, navigate] = useLocation();
  const params = new URLSearchParams(search);
  const auditClient = params.get('audit_client');
  const section: Section = auditClient !== null || params.get('section') === 'audit' ? 'audit' : params.get('section') === 'users' ? 'users' : 'practice';
  const items: [Section, string][] = [
    ['practice', 'Practice'],
    ['users', 'Users and roles'],
    ['audit', 'Audit log'],
  ];
  return (
    <section aria-labelledby="settings-heading">
      <div className="page-head">
        <h1 id="settings-heading">Settings</h1>
      </div>
      <nav aria-label="Settings sections" className="subnav">
        {items.map(([k, label]) => (
          <Link
            key={k}
            href={k === 'practice' ? '/settings' : `/settings?section=${k}`}
            aria-current={section === k ? 'page' : undefined}
            className={section === k ? 'current' : undefined}
          >
            {label}
          </Link>
        ))}
      </nav>
      {section === 'practice' && <PracticeSection />}
      {section === 'users' && <UsersSection />}
      {section === 'audit' && (
        <AuditSection
          clientId={auditClient}
          onClientChange={(id) => navigate(id ? `/settings?audit_client=${id}` : '/settings?section=audit')}
          key={auditClient ?? ''}
        />
      )}
    </section>
  );
}
