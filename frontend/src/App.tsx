import { lazy } from 'react';
import { Outlet, Route, Routes } from 'react-router';
import { AppShell } from '@/components/layout/AppShell';
import { HomeRedirect, RequireAuth, RequireRole } from '@/components/layout/RequireAuth';
import { EmptyState } from '@/components/ui/states';
import { useT } from '@/i18n/I18nProvider';

// Every screen is its own chunk: the initial bundle holds only the shell and sign-in.
const SignInPage = lazy(() => import('@/features/auth/pages/SignInPage'));
const AccountPage = lazy(() => import('@/features/auth/pages/AccountPage'));
const SsoLandingPage = lazy(() => import('@/features/auth/pages/SsoLandingPage'));
const AcceptInvitePage = lazy(() => import('@/features/auth/pages/AcceptInvitePage'));
const DevMailboxPage = lazy(() => import('@/features/notifications/pages/DevMailboxPage'));
const DevSlackPage = lazy(() => import('@/features/integrations/pages/DevSlackPage'));
const MyBalancesPage = lazy(() => import('@/features/balances/pages/MyBalancesPage'));
const MyRequestsPage = lazy(() => import('@/features/requests/pages/MyRequestsPage'));
const ApprovalsPage = lazy(() => import('@/features/approvals/pages/ApprovalsPage'));
const MyTeamPage = lazy(() => import('@/features/team/pages/MyTeamPage'));
const TeamCalendarPage = lazy(() => import('@/features/calendar/pages/TeamCalendarPage'));
const DashboardPage = lazy(() => import('@/features/dashboard/pages/DashboardPage'));
const PoliciesPage = lazy(() => import('@/features/policies/pages/PoliciesPage'));
const PolicyFormPage = lazy(() => import('@/features/policies/pages/PolicyFormPage'));
const PolicyDetailPage = lazy(() => import('@/features/policies/pages/PolicyDetailPage'));
const EmployeesPage = lazy(() => import('@/features/employees/pages/EmployeesPage'));
const EmployeeFormPage = lazy(() => import('@/features/employees/pages/EmployeeFormPage'));
const EmployeeDetailPage = lazy(() => import('@/features/employees/pages/EmployeeDetailPage'));
const ImportPage = lazy(() => import('@/features/imports/pages/ImportPage'));
const HolidaysPage = lazy(() => import('@/features/holidays/pages/HolidaysPage'));
const AuditLogPage = lazy(() => import('@/features/audit/pages/AuditLogPage'));
const ReportsPage = lazy(() => import('@/features/reports/pages/ReportsPage'));
const CompanySettingsPage = lazy(() => import('@/features/company/pages/CompanySettingsPage'));

export function App() {
  return (
    <Routes>
      <Route path="/sign-in" element={<SignInPage />} />
      <Route path="/sign-in/sso" element={<SsoLandingPage />} />
      <Route path="/accept-invite" element={<AcceptInvitePage />} />
      <Route
        element={
          <RequireAuth>
            <AppShell />
          </RequireAuth>
        }
      >
        <Route index element={<HomeRedirect />} />
        <Route path="balances" element={<MyBalancesPage />} />
        <Route path="requests" element={<MyRequestsPage />} />
        <Route path="account" element={<AccountPage />} />
        <Route path="dev/mailbox" element={<DevMailboxPage />} />
        <Route path="dev/slack" element={<DevSlackPage />} />
        <Route
          path="approvals"
          element={
            <RequireRole roles={['manager', 'admin']}>
              <ApprovalsPage />
            </RequireRole>
          }
        />
        <Route
          path="team"
          element={
            <RequireRole roles={['manager', 'admin']}>
              <MyTeamPage />
            </RequireRole>
          }
        />
        <Route path="team-calendar" element={<TeamCalendarPage />} />
        <Route
          path="admin"
          element={
            <RequireRole roles={['admin']}>
              <OutletPassthrough />
            </RequireRole>
          }
        >
          <Route index element={<DashboardPage />} />
          <Route path="policies" element={<PoliciesPage />} />
          <Route path="policies/new" element={<PolicyFormPage />} />
          <Route path="policies/:pid" element={<PolicyDetailPage />} />
          <Route path="policies/:pid/edit" element={<PolicyFormPage />} />
          <Route path="employees" element={<EmployeesPage />} />
          <Route path="employees/new" element={<EmployeeFormPage />} />
          <Route path="employees/import" element={<ImportPage />} />
          <Route path="employees/:eid" element={<EmployeeDetailPage />} />
          <Route path="employees/:eid/edit" element={<EmployeeFormPage />} />
          <Route path="holidays" element={<HolidaysPage />} />
          <Route path="audit" element={<AuditLogPage />} />
          <Route path="reports" element={<ReportsPage />} />
          <Route path="settings" element={<CompanySettingsPage />} />
        </Route>
        <Route path="*" element={<NotFound />} />
      </Route>
    </Routes>
  );
}

function OutletPassthrough() {
  return <Outlet />;
}

function NotFound() {
  const t = useT();
  return <EmptyState title={t('ui.notFound')}>{t('ui.notFoundHint')}</EmptyState>;
}
