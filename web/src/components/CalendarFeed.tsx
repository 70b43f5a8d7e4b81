/**
 * The user's own calendar feed: a secret address for Outlook, Google or Apple Calendar.
 * It is shown once when made; making a new one or revoking stops the old one at once.
 */
import { useState } from 'react';
import { api } from '../api/client.js';
import { useNotice } from '../session.js';
import { useResource } from './Async.js';

export function CalendarFeed() {
  const { showError, showStatus } = useNotice();
  const status = useResource(() => api.get<{ enabled: boolean }>('/api/auth/calendar'), []);
  const [address, setAddress] = useState<string | null>(null);

  async function issue() {
    try {
      const r = await api.post<{ path: string }>('/api/auth/calendar');
      setAddress(`${window.location.origin}${r.path}`);
      showStatus('A new calendar address is ready. Any earlier address no longer works.');
      status.reload();
    } catch (e) {
      showError(e);
    }
  }
  async function revoke() {
    try {
      await api.delete('/api/auth/calendar');
      setAddress(null);
      showStatus('The calendar address is revoked.');
      status.reload();
    } catch (e) {
      showError(e);
    }
  }
  return (
    <section className="panel" aria-labelledby="feed-h">
      <h2 id="feed-h">Your calendar feed</h2>
      <p className="muted small">
        Subscribe to your deadlines and review meetings in Outlook, Google or Apple Calendar. Keep the address private: anyone with it can read the feed.
      </p>
      {address && (
        <div className="field">
          <label htmlFor="feed-url">Calendar address (shown once)</label>
          <input id="feed-url" readOnly value={address} onFocus={(e) => e.currentTarget.select()} />
        </div>
      )}
      <div className="buttons">
        <button type="button" className="secondary" onClick={() => void issue()}>
          {status.data?.enabled ? 'Make a new address' : 'Make a calendar address'}
        </button>
        {status.data?.enabled && (
          <button type="button" className="secondary" onClick={() => void revoke()}>
            Revoke
          </button>
        )}
      </div>
    </section>
  );
}
