/** Who is signed in, shared by every page; and the plain-language notice area of the shell. */
import { createContext, useCallback, useContext, useEffect, useState, type ReactNode } from 'react';
import { messageOf } from './api/client.js';
import type { Session } from './api/types.js';

interface SessionValue {
  session: Session;
  signOut: () => Promise<void>;
}

export const SessionContext = createContext<SessionValue | null>(null);

export function useSession(): SessionValue {
  const v = useContext(SessionContext);
  if (!v) throw new Error('useSession outside the signed-in shell');
  return v;
}

interface Notice {
  kind: 'error' | 'status';
  text: string;
  /** A confirmation can offer one way back (Undo) while it shows. */
  action?: NoticeAction;
}
export interface NoticeAction {
  label: string;
  run: () => void;
}
interface NoticeValue {
  notice: Notice | null;
  showError: (e: unknown) => void;
  showStatus: (text: string, action?: NoticeAction) => void;
  clear: () => void;
  /** Clears an error but leaves a confirmation showing: confirmations follow the user to the next page. */
  clearError: () => void;
}

/** How long a confirmation stays on screen; one with an Undo stays a little longer. */
const STATUS_MS = 8000;
const STATUS_WITH_ACTION_MS = 12000;

const NoticeContext = createContext<NoticeValue>({ notice: null, showError: () => {}, showStatus: () => {}, clear: () => {}, clearError: () => {} });

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const showError = useCallback((e: unknown) => setNotice({ kind: 'error', text: messageOf(e) }), []);
  const showStatus = useCallback((text: string, action?: NoticeAction) => setNotice(action ? { kind: 'status', text, action } : { kind: 'status', text }), []);
  const clear = useCallback(() => setNotice(null), []);
  const clearError = useCallback(() => setNotice((n) => (n?.kind === 'error' ? null : n)), []);
  useEffect(() => {
    if (notice?.kind !== 'status') return;
    const timer = setTimeout(() => setNotice((n) => (n === notice ? null : n)), notice.action ? STATUS_WITH_ACTION_MS : STATUS_MS);
    return () => clearTimeout(timer);
  }, [notice]);
  return <NoticeContext.Provider value={{ notice, showError, showStatus, clear, clearError }}>{children}</NoticeContext.Provider>;
}

export function useNotice(): NoticeValue {
  return useContext(NoticeContext);
}
