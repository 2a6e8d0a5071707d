import { NavLink, Outlet } from 'react-router';
import { useSession } from '@/features/auth/api/session';
import { LiveStatsProvider } from '@/features/dashboard/api/live-stats';

/** The signed-in frame: brand, the two screens, who is signed in, and the way out. */
export function SignedInLayout() {
  const { session, signOut } = useSession();
  return (
    <LiveStatsProvider>
      <header className="topbar">
        <div className="topbar-inner">
          <span className="brand"><span className="brand-mark" aria-hidden="true">◆</span> paymesh</span>
          <nav aria-label="Main">
            <NavLink to="/" end>Transactions</NavLink>
            <NavLink to="/dashboard">Dashboard</NavLink>
            <NavLink to="/operations">Operations</NavLink>
          </nav>
          <div className="who">
            <span className="muted" data-testid="signed-in-as">{session?.username}</span>
            <button type="button" className="button ghost" onClick={() => signOut()}>Sign out</button>
          </div>
        </div>
      </header>
      <main className="page">
        <Outlet />
      </main>
    </LiveStatsProvider>
  );
}

export function PublicLayout() {
  return (
    <main className="page auth-page">
      <p className="brand center"><span className="brand-mark" aria-hidden="true">◆</span> paymesh</p>
      <Outlet />
    </main>
  );
}
