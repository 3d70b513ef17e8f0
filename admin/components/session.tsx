/**
 * The signed-in user: loaded once from GET /sessions/current, set by login, cleared by logout.
 * Keeps the API client's CSRF token in step with the session.
 */
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { ApiError, onAuthProblem, setCsrfToken } from '../api/client.ts';
import { sessions, units } from '../api/endpoints.ts';
import type { SessionInfo, Unit, User } from '../api/types.ts';

export interface SessionState {
  /** undefined while the first check runs; null when signed out */
  user: User | null | undefined;
  unit: Unit | null;
  login(username: string, password: string): Promise<User>;
  logout(): Promise<void>;
  /** after a password change: the server clears mustChangePassword */
  refresh(): Promise<void>;
  /** why the last request was refused, for the router to act on */
  authProblem: 'AUTH_REQUIRED' | 'AUTH_PASSWORD_CHANGE_REQUIRED' | null;
}

const SessionContext = createContext<SessionState | null>(null);

export function SessionProvider({ children }: { children: ReactNode }) {
  const [info, setInfo] = useState<SessionInfo | null | undefined>(undefined);
  const [unit, setUnit] = useState<Unit | null>(null);
  const [authProblem, setAuthProblem] = useState<SessionState['authProblem']>(null);

  const apply = useCallback((s: SessionInfo | null) => {
    setCsrfToken(s?.csrfToken ?? null);
    setInfo(s);
    setAuthProblem(null);
    if (s) units.get(s.user.unitId).then(setUnit, () => setUnit(null));
    else setUnit(null);
  }, []);

  const refresh = useCallback(async () => {
    try {
      apply(await sessions.current());
    } catch (e) {
      if (e instanceof ApiError && (e.status === 401 || e.status === 404)) apply(null);
      else apply(null);
    }
  }, [apply]);

  useEffect(() => {
    void refresh();
  }, [refresh]);

  useEffect(() => {
    onAuthProblem((code) => {
      if (code === 'AUTH_REQUIRED') {
        setCsrfToken(null);
        setInfo(null);
      } else {
        setInfo((s) => (s ? { ...s, user: { ...s.user, mustChangePassword: true } } : s));
      }
      setAuthProblem(code);
    });
    return () => onAuthProblem(null);
  }, []);

  const value = useMemo<SessionState>(() => ({
    user: info === undefined ? undefined : info?.user ?? null,
    unit,
    authProblem,
    async login(username, password) {
      const s = await sessions.login(username, password);
      apply(s);
      return s.user;
    },
    async logout() {
      try {
        await sessions.logout();
      } finally {
        apply(null);
      }
    },
    refresh,
  }), [info, unit, authProblem, apply, refresh]);

  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}

export function useSession(): SessionState {
  const s = useContext(SessionContext);
  if (!s) throw new Error('useSession outside SessionProvider');
  return s;
}

/** The signed-in user; only for screens behind the login guard. */
export function useUser(): User {
  const { user } = useSession();
  if (!user) throw new Error('useUser without a signed-in user');
  return user;
}
