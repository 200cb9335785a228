import { Loader, MantineProvider } from '@mantine/core';
import { QueryClient, QueryClientProvider } from '@tanstack/react-query';
import { lazy, Suspense } from 'react';
import { BrowserRouter, Route, Routes } from 'react-router';
import { onTokenChange } from './api/client.js';
import { I18nProvider } from './i18n/i18n.js';
import { AppLayout } from './layout/app-layout.js';
import { contrastVariables, theme } from './layout/theme.js';
import { useSession } from './session/session.js';

// Each screen loads its own code when first shown (the charts library with the statistics screen only).
const AccountsPage = lazy(async () => ({ default: (await import('./accounts/accounts-page.js')).AccountsPage }));
const AuditPage = lazy(async () => ({ default: (await import('./audit/audit-page.js')).AuditPage }));
const HistoryPage = lazy(async () => ({ default: (await import('./organizations/history-page.js')).HistoryPage }));
const LoginPage = lazy(async () => ({ default: (await import('./session/login-page.js')).LoginPage }));
const MemberPage = lazy(async () => ({ default: (await import('./organizations/member-page.js')).MemberPage }));
const OrganizationsPage = lazy(async () => ({ default: (await import('./organizations/organizations-page.js')).OrganizationsPage }));
const PasswordPage = lazy(async () => ({ default: (await import('./session/password-page.js')).PasswordPage }));
const StartPage = lazy(async () => ({ default: (await import('./workflows/start-page.js')).StartPage }));
const StatisticsPage = lazy(async () => ({ default: (await import('./statistics/statistics-page.js')).StatisticsPage }));
const StatutoryReportPage = lazy(async () => ({ default: (await import('./statistics/statutory-report-page.js')).StatutoryReportPage }));
const StreamPage = lazy(async () => ({ default: (await import('./workflows/stream-page.js')).StreamPage }));
const SystemStatusPage = lazy(async () => ({ default: (await import('./system/system-status-page.js')).SystemStatusPage }));
const WorkPage = lazy(async () => ({ default: (await import('./work/work-page.js')).WorkPage }));

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
        <Route path="statistics" element={<StatisticsPage />} />
        <Route path="statistics/statutory" element={<StatutoryReportPage />} />
        <Route path="audit" element={<AuditPage />} />
        <Route path="accounts" element={<AccountsPage />} />
        <Route path="system" element={<SystemStatusPage />} />
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
            <Suspense fallback={<Loader />}>
              <Screens />
            </Suspense>
          </BrowserRouter>
        </QueryClientProvider>
      </I18nProvider>
    </MantineProvider>
  );
}
