import { useState, type FormEvent } from 'react';
import { ApiError, api, messageOf } from '../api/client.js';
import type { User } from '../api/types.js';
import { FormError, TextField } from '../components/Field.js';

export function SignInPage({ reason, onSignedIn }: { reason?: string; onSignedIn: (a: { user: User; csrf_token: string }) => Promise<void> }) {
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [totp, setTotp] = useState('');
  const [needsCode, setNeedsCode] = useState(false);
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    setBusy(true);
    try {
      const body: Record<string, string> = { email, password };
      if (needsCode && totp) body.totp = totp.replace(/\s/g, '');
      const answer = await api.post<{ user: User; csrf_token: string }>('/api/auth/login', body, { open: true });
      await onSignedIn(answer);
    } catch (err) {
      if (err instanceof ApiError && err.totpRequired) {
        setError(needsCode ? messageOf(err) : null);
        setNeedsCode(true);
      } else if (err instanceof ApiError && err.status === 401) {
        setError(messageOf(err) || 'The email or password is not right.');
      } else {
        setError(messageOf(err));
      }
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centred" id="main">
      <div className="card narrow">
        <p className="brand-large">Steve</p>
        <h1>Sign in</h1>
        {reason && !error && (
          <p role="status" className="alert info">
            {reason}
          </p>
        )}
        <form onSubmit={submit} aria-label="Sign in" noValidate>
          <TextField
            label="Email"
            type="email"
            name="email"
            autoComplete="username"
            required
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            autoFocus
          />
          <TextField
            label="Password"
            type="password"
            name="password"
            autoComplete="current-password"
            required
            value={password}
            onChange={(e) => setPassword(e.target.value)}
          />
          {needsCode && (
            <TextField
              label="6-digit code"
              hint="From the authenticator app on your phone."
              name="totp"
              inputMode="numeric"
              autoComplete="one-time-code"
              pattern="[0-9 ]*"
              maxLength={7}
              required
              value={totp}
              onChange={(e) => setTotp(e.target.value)}
              autoFocus
            />
          )}
          <FormError message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
