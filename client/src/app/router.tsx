import { BrowserRouter, Navigate, Route, Routes } from 'react-router';
import { DashboardPage } from '@/features/dashboard/components/dashboard-page';
import { OperationsPage } from '@/features/operations/components/operations-page';
import { PublicLayout, SignedInLayout } from './layout';
import { SignInRoute, SignUpRoute } from './routes/auth-routes';
import { RequireNoSession, RequireSession } from './routes/guards';
import { TransactionsRoute } from './routes/transactions-route';

export function AppRouter() {
  return (
    <BrowserRouter>
      <Routes>
        <Route element={<RequireNoSession><PublicLayout /></RequireNoSession>}>
          <Route path="/signin" element={<SignInRoute />} />
          <Route path="/signup" element={<SignUpRoute />} />
        </Route>
        <Route element={<RequireSession><SignedInLayout /></RequireSession>}>
          <Route path="/" element={<TransactionsRoute />} />
          <Route path="/dashboard" element={<DashboardPage />} />
          <Route path="/operations" element={<OperationsPage />} />
        </Route>
        <Route path="*" element={<Navigate to="/" replace />} />
      </Routes>
    </BrowserRouter>
  );
}
