import { Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { AuditPage } from './audit/audit-page.js';
import { I18nProvider } from './i18n/i18n.js';
import { AppLayout } from './layout/app-layout.js';
import { contrastVariables, theme } from './layout/theme.js';
import { HistoryPage } from './organizations/history-page.js';
import { MemberPage } from './organizations/member-page.js';
import { OrganizationsPage } from './organizations/organizations-page.js';
import { AccountsPage } from './accounts/accounts-page.js';
import { LoginPage } from './session/login-page.js';
import { PasswordPage } from './session/password-page.js';
import { onTokenChange } from './api/client.js';
import { useSession } from './session/session.js';
import { WorkPage } from './work/work-page.js';
import { StartPage } from './workflows/start-page.js';
import { StreamPage } from './workflows/stream-page.js';

// The charts library is most of the bundle: loaded with the statistics screen only.
const StatisticsPage = lazy(async () => ({ default: (await import('./statistics/statistics-page.js')).StatisticsPage }));

const queryClient = new QueryClient({ defaultOptions: { queries: { retry: false, staleTime: 5_000 } } });
// What one account was shown is never shown to the next one signed in on the same page.
onTokenChange(() => queryClient.clear());

function Screens() {
  const session = useSession();
  if (!session) return <LoginPage />;
  if (session.mustChangePassword) return <PasswordPage forced />;
  return (
    <Routes>
      <Route element={<AppLayout />}>
        <Route index element={<WorkPage />} />
        <Route path="organizations" element={<OrganizationsPage />} />
        <Route path="organizations/:id" element={<OrganizationsPage />} />
        <Route path="organizations/:id/history" element={<HistoryPage />} />
        <Route path="members/:id" element={<MemberPage />} />
        <Route
          path="statistics"
          element={
            <Suspense fallback={<Loader />}>
              <StatisticsPage />
            </Suspense>
          }
        />
        <Route path="audit" element={<AuditPage />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="password" element={<PasswordPage forced={false} />} />
        <Route path=":workflow" element={<StartPage />} />
        <Route path=":workflow/new" element={<StartPage />} />
        <Route path=":workflow/:id" element={<StreamPage />} />
      </Route>
    </Routes>
  );
}

export function App() {
  return (
    <MantineProvider theme={theme} cssVariablesResolver={contrastVariables}>
      <I18nProvider>
        <QueryClientProvider client={queryClient}>
          <BrowserRouter>
            <Screens />
          </BrowserRouter>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
