/** What the practice watches over time: insurer authorisations running down, and open medico-legal instructions. */
import { useState } from 'react';
import { api } from '../../api/client.js';
import { Async, useResource } from '../../components/Async.js';
import { CheckField } from '../../components/Field.js';
import { Money } from '../../components/Money.js';
import { Table } from '../../components/Table.js';
import { UkDate } from '../../components/UkDate.js';
import { humanise } from '../../format.js';
import { UseBar } from '../../money/common.js';
import type { Authorisation, MlInstruction } from '../../money/types.js';

export function Authorisations() {
  const [warnings, setWarnings] = useState(false);
  const auths = useResource(() => api.get<{ authorisations: Authorisation[] }>('/api/authorisations', { warnings: warnings ? 'true' : undefined }), [warnings]);
  return (
    <div className="panel">
      <h2>Insurer authorisations</h2>
      <CheckField label="Only those with a warning" checked={warnings} onChange={(e) => setWarnings(e.target.checked)} />
      <Async resource={auths} loading="Loading authorisations…">
        {(data) => (
          <Table
            label="Insurer authorisations"
            rows={data.authorisations}
            rowKey={(a) => a.id}
            empty="No authorisations to watch."
            columns={[
              { header: 'Client', cell: (a) => a.client_name, href: (a) => `/cases/${a.case_id}/money` },
              { header: 'Insurer', cell: (a) => a.insurer_name ?? '—' },
              {
                header: 'Authorisation',
                className: 'nowrap',
                cell: (a) => (
                  <>
                    {a.authorisation_code || '—'}
                    <div className="muted small">{a.membership_number}</div>
                  </>
                ),
              },
              {
                header: 'Valid',
                className: 'nowrap',
                cell: (a) => (
                  <>
                    <UkDate iso={a.valid_from} /> – <UkDate iso={a.valid_until} />
                  </>
                ),
              },
              { header: 'Sessions', cell: (a) => <UseBar a={a} /> },
              { header: 'Warnings', cell: (a) => a.warnings.join(' '), className: 'small' },
            ]}
          />
        )}
      </Async>
    </div>
  );
}

export function MedicoLegal() {
  const instructions = useResource(() => api.get<{ instructions: MlInstruction[] }>('/api/medico-legal'), []);
  return (
    <div className="panel">
      <h2>Medico-legal instructions</h2>
      <Async resource={instructions} loading="Loading instructions…">
        {(data) => (
          <Table
            label="Medico-legal instructions"
            rows={data.instructions}
            rowKey={(m) => m.id}
            empty="No open instructions."
            columns={[
              { header: 'Claimant', cell: (m) => m.client_name, href: (m) => `/cases/${m.case_id}/money` },
              {
                header: 'Instructing solicitor',
                cell: (m) => (
                  <>
                    {m.solicitor_name ?? '—'}
                    {m.solicitor_contact_name && <div className="muted small">{m.solicitor_contact_name}</div>}
                  </>
                ),
              },
              { header: 'Claim reference', cell: (m) => m.claim_reference || '—' },
              { header: 'Report', cell: (m) => humanise(m.report_type) },
              { header: 'Stage', cell: (m) => m.stage_label },
              { header: 'Next court date', cell: (m) => <UkDate iso={m.next_court_date} />, className: 'nowrap' },
              { header: 'Fee basis', cell: (m) => (m.fee_basis === 'deferred' ? 'Deferred to settlement' : humanise(m.fee_basis)) },
              { header: 'Deferred fees', cell: (m) => <Money pence={m.deferred_fees_pence} dashIfZero />, className: 'num' },
            ]}
          />
        )}
      </Async>
    </div>
  );
}
