/**
 * Boot: first-run setup when the practice does not exist yet, sign-in when there is no
 * session, otherwise the shell. A 401 from any later request brings sign-in back, and
 * afterwards the user returns to the page they were on.
 */
import { useCallback, useEffect, useState } from 'react';
import { Router, useLocation, useSearch } from 'wouter';
import { ApiError, api, messageOf, onSessionLost, setCsrfToken } from './api/client.js';
import type { Session, User } from './api/types.js';
import { Shell } from './components/Shell.js';
import { useTitleFromHeading } from './components/page-title.js';
import { SetupPage } from './pages/Setup.js';
import { SignInPage } from './pages/SignIn.js';
import { NoticeProvider, SessionContext } from './session.js';

type Boot =
  | { state: 'loading' }
  | { state: 'failed'; message: string }
  | { state: 'setup' }
  | { state: 'signed_out'; reason?: string }
  | { state: 'signed_in'; session: Session };

export function App() {
  return (
    <Router>
      <NoticeProvider>
        <Root />
      </NoticeProvider>
    </Router>
  );
}

function safeNext(next: string | null): string {
  // Only same-site paths, so a crafted link cannot send the user elsewhere after sign-in.
  return next && next.startsWith('/') && !next.startsWith('//') && !next.startsWith('/sign-in') ? next : '/';
}

function Root() {
  const [boot, setBoot] = useState<Boot>({ state: 'loading' });
  const [location, navigate] = useLocation();
  const search = useSearch();

  const start = useCallback(async () => {
    setBoot({ state: 'loading' });
    try {
      const setup = await api.get<{ needed: boolean }>('/api/setup', undefined, { open: true });
      if (setup.needed) {
        setBoot({ state: 'setup' });
        return;
      }
      const me = await api.get<Session>('/api/auth/me', undefined, { open: true });
      setCsrfToken(me.csrf_token);
      setBoot({ state: 'signed_in', session: me });
    } catch (e) {
      if (e instanceof ApiError && e.status === 401) setBoot({ state: 'signed_out' });
      else setBoot({ state: 'failed', message: messageOf(e) });
    }
  }, []);

  useEffect(() => {
    void start();
  }, [start]);

  useEffect(() => {
    onSessionLost(() => {
      setCsrfToken(null);
      setBoot({ state: 'signed_out', reason: 'Your session has ended. Please sign in again.' });
    });
    return () => onSessionLost(null);
  }, []);

  useTitleFromHeading('root', `${boot.state} ${location}`);

  // Keep the address bar in step with the boot state.
  useEffect(() => {
    if (boot.state === 'setup' && location !== '/setup') navigate('/setup', { replace: true });
    if (boot.state === 'signed_out' && location !== '/sign-in') {
      const next = location === '/' || location === '/setup' ? '' : `?next=${encodeURIComponent(location + (search ? `?${search}` : ''))}`;
      navigate(`/sign-in${next}`, { replace: true });
    }
    if (boot.state === 'signed_in' && (location === '/sign-in' || location === '/setup')) {
      navigate(safeNext(new URLSearchParams(search).get('next')), { replace: true });
    }
  }, [boot.state, location, search, navigate]);

  const signedIn = useCallback(async (answer: { user: User; csrf_token: string }) => {
    setCsrfToken(answer.csrf_token);
    try {
      const me = await api.get<Session>('/api/auth/me');
      setCsrfToken(me.csrf_token);
      setBoot({ state: 'signed_in', session: me });
    } catch {
      setBoot({ state: 'signed_in', session: { user: answer.user, csrf_token: answer.csrf_token, practice: { name: 'Steve' } } });
    }
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.post('/api/auth/logout');
    } catch {
      // Signing out must always leave the user signed out here, even if the server is unreachable.
    }
    setCsrfToken(null);
    setBoot({ state: 'signed_out', reason: 'You have signed out.' });
    navigate('/sign-in', { replace: true });
  }, [navigate]);

  switch (boot.state) {
    case 'loading':
      return (
        <main className="centred" id="main">
          <p role="status">Loading Steve…</p>
        </main>
      );
    case 'failed':
      return (
        <main className="centred" id="main">
          <div className="card narrow">
            <h1>Steve cannot start</h1>
            <p role="alert" className="alert error">
              {boot.message}
            </p>
            <button type="button" onClick={() => void start()}>
              Try again
            </button>
          </div>
        </main>
      );
    case 'setup':
      return <SetupPage onDone={signedIn} />;
    case 'signed_out':
      return <SignInPage reason={boot.reason} onSignedIn={signedIn} />;
    case 'signed_in':
      return (
        <SessionContext.Provider value={{ session: boot.session, signOut }}>
          <Shell />
        </SessionContext.Provider>
      );
  }
}
