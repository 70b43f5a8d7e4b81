/**
 * The signed-in user's own settings: professional details (what a signature shows), two-step
 * sign-in (TOTP) and the private calendar feed.
 */
import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api/client.js';
import type { Session } from '../api/types.js';
import { CalendarFeed } from '../components/CalendarFeed.js';
import { FormError, TextField } from '../components/Field.js';
import { useNotice } from '../session.js';
import { useResource } from '../components/Async.js';
import { ProfessionalDetails } from './account/ProfessionalDetails.js';

export function AccountPage() {
  const me = useResource(() => api.get<Session>('/api/auth/me'), []);
  return (
    <section aria-labelledby="account-heading">
      <div className="page-head">
        <h1 id="account-heading">Your account</h1>
      </div>
      {me.data && (
        <p className="muted">
          {me.data.user.name} · {me.data.user.email}
          {me.data.user.hcpc_number ? ` · HCPC ${me.data.user.hcpc_number}` : ''}
        </p>
      )}
      <ProfessionalDetails />
      {me.data && <TwoStep enabled={me.data.user.totp_enabled} onChanged={me.reload} />}
      <CalendarFeed />
    </section>
  );
}

function TwoStep({ enabled, onChanged }: { enabled: boolean; onChanged: () => void }) {
  const { showStatus } = useNotice();
  const [setup, setSetup] = useState<{ secret: string; otpauth_uri: string } | null>(null);
  const [code, setCode] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<string | null>(null);

  async function begin() {
    try {
      setSetup(await api.post<{ secret: string; otpauth_uri: string }>('/api/auth/totp/setup'));
      setError(null);
    } catch (e) {
      setError(messageOf(e));
    }
  }
  async function enable(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/auth/totp/enable', { token: code.trim() });
      setSetup(null);
      setCode('');
      setError(null);
      showStatus('Two-step sign-in is on. You will be asked for a code each time you sign in.');
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  }
  async function disable(e: FormEvent) {
    e.preventDefault();
    try {
      await api.post('/api/auth/totp/disable', { password });
      setPassword('');
      setError(null);
      showStatus('Two-step sign-in is off.');
      onChanged();
    } catch (err) {
      setError(messageOf(err));
    }
  }

  return (
    <section className="panel" aria-labelledby="twostep-h">
      <h2 id="twostep-h">Two-step sign-in</h2>
      <FormError message={error} />
      {enabled ? (
        <form onSubmit={(e) => void disable(e)} aria-label="Turn off two-step sign-in">
          <p>Two-step sign-in is on: signing in needs your password and a 6-digit code from your authenticator app.</p>
          <TextField
            label="Your password, to turn it off"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          <button type="submit" className="secondary">
            Turn off
          </button>
        </form>
      ) : setup ? (
        <form onSubmit={(e) => void enable(e)} aria-label="Turn on two-step sign-in">
          <p>Add this key to your authenticator app (Microsoft Authenticator, Google Authenticator, 1Password…), then enter the 6-digit code it shows.</p>
          <p>
            Key: <code data-testid="totp-secret">{setup.secret}</code>
          </p>
          <p className="muted small">
            Or open this setup address on the phone: <code>{setup.otpauth_uri}</code>
          </p>
          <TextField label="6-digit code" inputMode="numeric" autoComplete="one-time-code" value={code} onChange={(e) => setCode(e.target.value)} />
          <button type="submit" className="primary">
            Turn on
          </button>
        </form>
      ) : (
        <>
          <p>Protect your account with a code from an authenticator app as well as your password.</p>
          <button type="button" className="secondary" onClick={() => void begin()}>
            Set up two-step sign-in
          </button>
        </>
      )}
    </section>
  );
}
