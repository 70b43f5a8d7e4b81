import { useState, type FormEvent } from 'react';
import { api, messageOf } from '../api/client.js';
import type { User } from '../api/types.js';
import { FormError, TextField } from '../components/Field.js';

/** First run: the database is empty, so the person at the keyboard creates the practice and becomes its owner. */
export function SetupPage({ onDone }: { onDone: (a: { user: User; csrf_token: string }) => Promise<void> }) {
  const [form, setForm] = useState({ practice: '', owner_name: '', owner_email: '', owner_password: '', confirm: '', owner_hcpc_number: '' });
  const [error, setError] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const set = (k: keyof typeof form) => (e: { target: { value: string } }) => setForm((f) => ({ ...f, [k]: e.target.value }));

  async function submit(e: FormEvent) {
    e.preventDefault();
    setError(null);
    if (form.owner_password !== form.confirm) {
      setError('The two passwords do not match.');
      return;
    }
    setBusy(true);
    try {
      const { confirm: _confirm, owner_hcpc_number, ...rest } = form;
      const body = owner_hcpc_number.trim() ? { ...rest, owner_hcpc_number } : rest;
      const answer = await api.post<{ user: User; csrf_token: string }>('/api/setup', body, { open: true });
      await onDone(answer);
    } catch (err) {
      setError(messageOf(err));
    } finally {
      setBusy(false);
    }
  }

  return (
    <main className="centred" id="main">
      <div className="card medium">
        <p className="brand-large">Steve</p>
        <h1>Set up your practice</h1>
        <p>This is the first time Steve has run with this data folder. Enter your practice and your own details: you will be its owner.</p>
        <form onSubmit={submit} aria-label="Set up your practice" noValidate>
          <TextField label="Practice name" name="practice" required value={form.practice} onChange={set('practice')} autoFocus />
          <TextField label="Your name" name="owner_name" autoComplete="name" required value={form.owner_name} onChange={set('owner_name')} />
          <TextField label="Your email" name="owner_email" type="email" autoComplete="email" required value={form.owner_email} onChange={set('owner_email')} />
          <TextField
            label="HCPC number (optional)"
            name="owner_hcpc_number"
            hint="For example OT12345."
            value={form.owner_hcpc_number}
            onChange={set('owner_hcpc_number')}
          />
          <TextField
            label="Password"
            name="owner_password"
            type="password"
            autoComplete="new-password"
            hint="At least 12 characters, not a common password."
            required
            value={form.owner_password}
            onChange={set('owner_password')}
          />
          <TextField
            label="Confirm password"
            name="confirm"
            type="password"
            autoComplete="new-password"
            required
            value={form.confirm}
            onChange={set('confirm')}
          />
          <FormError message={error} />
          <button type="submit" className="primary" disabled={busy}>
            {busy ? 'Setting up…' : 'Create practice and sign in'}
          </button>
        </form>
      </div>
    </main>
  );
}
