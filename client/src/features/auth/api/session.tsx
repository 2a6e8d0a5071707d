import { createContext, useCallback, useContext, useEffect, useMemo, useRef, useState, type ReactNode } from 'react';
import { useQueryClient } from '@tanstack/react-query';
import { configureAuth } from '@/lib/api-client';
import type { Session } from './auth.api';
import { isExpired, loadSession, saveSession, tokenExpiry } from './session-storage';

export const SESSION_EXPIRED = 'Your session has expired. Please sign in again.';

interface SessionContextValue {
  session: Session | null;
  /** Why the person was signed out, shown on the sign-in screen. */
  notice: string | null;
  signIn: (session: Session) => void;
  signOut: (notice?: string) => void;
}

const SessionContext = createContext<SessionContextValue | null>(null);

function initialState(): { session: Session | null; notice: string | null } {
  const saved = loadSession();
  if (saved && isExpired(saved.token)) {
    saveSession(null);
    return { session: null, notice: SESSION_EXPIRED };
  }
  return { session: saved, notice: null };
}

export function SessionProvider({ children }: { children: ReactNode }) {
  const queryClient = useQueryClient();
  const [state, setState] = useState(initialState);
  const tokenRef = useRef(state.session?.token ?? null);
  tokenRef.current = state.session?.token ?? null;

  const signOut = useCallback((notice?: string) => {
    saveSession(null);
    // Another person may sign in next on this browser: nothing of this one's may show.
    queryClient.clear();
    setState({ session: null, notice: notice ?? null });
  }, [queryClient]);

  const signIn = useCallback((session: Session) => {
    saveSession(session);
    setState({ session, notice: null });
  }, []);

  const signOutRef = useRef(signOut);
  signOutRef.current = signOut;
  // Plugged in while rendering, not in an effect: the children's queries start in their own
  // effects, which React runs before ours, and their first request must carry the token.
  useState(() => configureAuth({
    getToken: () => tokenRef.current,
    onUnauthorized: () => {
      if (tokenRef.current) signOutRef.current(SESSION_EXPIRED);
    },
  }));

  // Sign out when the token runs out rather than waiting for the next click to fail.
  const token = state.session?.token;
  useEffect(() => {
    const exp = token ? tokenExpiry(token) : null;
    if (exp === null) return;
    const timer = setTimeout(() => signOut(SESSION_EXPIRED), Math.min(exp * 1000 - Date.now(), 2 ** 31 - 1));
    return () => clearTimeout(timer);
  }, [token, signOut]);

  const value = useMemo(() => ({ ...state, signIn, signOut }), [state, signIn, signOut]);
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionContextValue {
  const value = useContext(SessionContext);
  if (!value) throw new Error('useSession must be used inside <SessionProvider>');
  return value;
}
