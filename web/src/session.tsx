/** Who is signed in, shared by every page; and the plain-language notice area of the shell. */
import { createContext, useCallback, useContext, useState, type ReactNode } from 'react';
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

export function useIsOwner(): boolean {
  return useSession().session.user.role === 'owner';
}

interface Notice {
  kind: 'error' | 'status';
  text: string;
}
interface NoticeValue {
  notice: Notice | null;
  showError: (e: unknown) => void;
  showStatus: (text: string) => void;
  clear: () => void;
}

const NoticeContext = createContext<NoticeValue>({ notice: null, showError: () => {}, showStatus: () => {}, clear: () => {} });

export function NoticeProvider({ children }: { children: ReactNode }) {
  const [notice, setNotice] = useState<Notice | null>(null);
  const showError = useCallback((e: unknown) => setNotice({ kind: 'error', text: messageOf(e) }), []);
  const showStatus = useCallback((text: string) => setNotice({ kind: 'status', text }), []);
  const clear = useCallback(() => setNotice(null), []);
  return <NoticeContext.Provider value={{ notice, showError, showStatus, clear }}>{children}</NoticeContext.Provider>;
}

export function useNotice(): NoticeValue {
  return useContext(NoticeContext);
}
