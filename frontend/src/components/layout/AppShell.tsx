import { Suspense, useEffect, useState } from 'react';
import { NavLink, Outlet, useLocation } from 'react-router';
import * as DropdownMenu from '@radix-ui/react-dropdown-menu';
import { useMe, useAuth } from '@/lib/auth';
import { fullName, humanize, initials } from '@/lib/format';
import { cn } from '@/lib/utils';
import type { Role } from '@/lib/types';
import { LoadingState } from '@/components/ui/states';
import { useIntl } from 'react-intl';
import type { MessageKey } from '@/i18n/messages/en';
import { setTheme } from '@/i18n/theme';

interface NavItem {
  to: string;
  label: string;
  /** Message key of the label (i18n/messages); `label` is the English fallback. */
  msg?: MessageKey;
  roles: Role[];
  end?: boolean;
}

const NAV: { section: string; msg?: MessageKey; items: NavItem[] }[] = [
  {
    section: 'My time off',
    msg: 'nav.section.mine' as MessageKey,
    items: [
      { to: '/balances', label: 'My balances', msg: 'nav.balances', roles: ['employee', 'manager', 'admin'] },
      { to: '/requests', label: 'My requests', msg: 'nav.requests', roles: ['employee', 'manager', 'admin'] },
    ],
  },
  {
    section: 'Team',
    msg: 'nav.section.team' as MessageKey,
    items: [
      { to: '/approvals', label: 'Approvals', msg: 'nav.approvals', roles: ['manager', 'admin'] },
      { to: '/team', label: 'My team', msg: 'nav.team', roles: ['manager', 'admin'] },
      { to: '/team-calendar', label: 'Team calendar', msg: 'nav.calendar', roles: ['employee', 'manager', 'admin'] },
    ],
  },
  {
    section: 'Administration',
    msg: 'nav.section.admin' as MessageKey,
    items: [
      { to: '/admin', label: 'Dashboard', msg: 'nav.dashboard', roles: ['admin'], end: true },
      { to: '/admin/policies', label: 'Policies', msg: 'nav.policies', roles: ['admin'] },
      { to: '/admin/employees', label: 'Employees', msg: 'nav.employees', roles: ['admin'] },
      { to: '/admin/holidays', label: 'Holidays', msg: 'nav.holidays', roles: ['admin'] },
      { to: '/admin/audit', label: 'Audit log', msg: 'nav.audit', roles: ['admin'] },
      { to: '/admin/reports', label: 'Reports', msg: 'nav.reports', roles: ['admin'] },
      { to: '/admin/settings', label: 'Company settings', msg: 'nav.companySettings', roles: ['admin'] },
    ],
  },
];

export function navFor(role: Role) {
  return NAV.map((s) => ({ ...s, items: s.items.filter((i) => i.roles.includes(role)) })).filter((s) => s.items.length);
}

export function AppShell() {
  const me = useMe();
  const { signOut } = useAuth();
  const [open, setOpen] = useState(false);
  const location = useLocation();
  useEffect(() => setOpen(false), [location.pathname]);
  const sections = navFor(me.role);
  const name = me.employee ? fullName(me.employee) : me.user_id;
  const intl = useIntl();
  const t = (id: MessageKey | undefined, fallback: string) => (id ? intl.formatMessage({ id, defaultMessage: fallback }) : fallback);
  const dark = typeof document !== 'undefined' && document.documentElement.classList.contains('dark');
  const [, rerender] = useState(0);
  const toggleTheme = () => {
    setTheme(dark ? 'light' : 'dark');
    rerender((n) => n + 1);
  };

  return (
    <div className="min-h-screen md:grid md:grid-cols-[15rem_1fr] print:block">
      <a
        href="#main"
        className="sr-only focus:not-sr-only focus:absolute focus:left-2 focus:top-2 focus:z-50 focus:rounded focus:bg-white focus:px-3 focus:py-2"
      >
        {t('app.skip', 'Skip to content')}
      </a>
      <header className="sticky top-0 z-30 flex items-center justify-between border-b border-slate-200 bg-white px-4 py-3 dark:border-slate-700 dark:bg-slate-900 md:hidden print:hidden">
        <span className="text-lg font-bold text-brand-700 dark:text-brand-100">Power PTO</span>
        <button
          type="button"
          className="rounded-md border border-slate-300 px-3 py-1.5 text-sm font-medium"
          aria-expanded={open}
          aria-controls="primary-nav"
          onClick={() => setOpen((o) => !o)}
          data-testid="nav-toggle"
        >
          {open ? t('app.closeMenu', 'Close menu') : t('app.menu', 'Menu')}
        </button>
      </header>
      <aside
        className={cn(
          'border-r border-slate-200 bg-white dark:border-slate-700 dark:bg-slate-900 md:sticky md:top-0 md:flex md:h-screen md:flex-col print:hidden',
          open ? 'block' : 'hidden md:flex',
        )}
      >
        <div className="hidden px-5 py-5 md:block">
          <span className="text-xl font-bold text-brand-700 dark:text-brand-100">Power PTO</span>
        </div>
        <nav id="primary-nav" aria-label={t('nav.primary', 'Primary')} className="flex-1 overflow-y-auto px-3 pb-4">
          {sections.map((s) => (
            <div key={s.section} className="mt-3">
              <p className="px-2 pb-1 text-xs font-semibold uppercase tracking-wide text-slate-600 dark:text-slate-300">{t(s.msg, s.section)}</p>
              <ul className="space-y-0.5">
                {s.items.map((item) => (
                  <li key={item.to}>
                    <NavLink
                      to={item.to}
                      end={item.end}
                      className={({ isActive }) =>
                        cn(
                          'block rounded-md px-2 py-2 text-sm font-medium',
                          isActive
                            ? 'bg-brand-50 text-brand-700 dark:bg-slate-800 dark:text-brand-100'
                            : 'text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800',
                        )
                      }
                    >
                      {t(item.msg, item.label)}
                    </NavLink>
                  </li>
                ))}
              </ul>
            </div>
          ))}
        </nav>
        <div className="border-t border-slate-200 p-3 dark:border-slate-700">
          <button
            type="button"
            onClick={toggleTheme}
            className="mb-2 w-full rounded-md px-2 py-1.5 text-left text-sm text-slate-700 hover:bg-slate-100 dark:text-slate-200 dark:hover:bg-slate-800"
            data-testid="theme-toggle"
          >
            {intl.formatMessage({ id: 'theme.toggle' }, { mode: dark ? 'light' : 'dark' })}
          </button>
          <DropdownMenu.Root>
            <DropdownMenu.Trigger
              className="flex w-full items-center gap-2 rounded-md p-2 text-left hover:bg-slate-100"
              data-testid="user-menu"
              aria-label={intl.formatMessage({ id: 'nav.accountMenu' }, { name })}
            >
              <span
                aria-hidden="true"
                className="flex h-8 w-8 items-center justify-center rounded-full bg-brand-100 text-xs font-bold text-brand-700"
              >
                {initials(me.employee)}
              </span>
              <span className="min-w-0 flex-1">
                <span className="block truncate text-sm font-medium">{name}</span>
                <span className="block text-xs text-slate-600 dark:text-slate-300">{t(`role.${me.role}` as MessageKey, humanize(me.role))}</span>
              </span>
            </DropdownMenu.Trigger>
            <DropdownMenu.Portal>
              <DropdownMenu.Content
                side="top"
                align="start"
                sideOffset={6}
                className="z-50 min-w-48 rounded-md border border-slate-200 bg-white p-1 shadow-lg dark:border-slate-700 dark:bg-slate-900"
              >
                <DropdownMenu.Item asChild>
                  <NavLink to="/account" className="block rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100">
                    {t('nav.account', 'Account and settings')}
                  </NavLink>
                </DropdownMenu.Item>
                <DropdownMenu.Item
                  onSelect={signOut}
                  className="rounded px-3 py-2 text-sm outline-none data-[highlighted]:bg-slate-100"
                  data-testid="sign-out"
                >
                  {t('nav.signOut', 'Sign out')}
                </DropdownMenu.Item>
              </DropdownMenu.Content>
            </DropdownMenu.Portal>
          </DropdownMenu.Root>
        </div>
      </aside>
      <main id="main" className="min-w-0 px-4 py-6 sm:px-6 lg:px-8" tabIndex={-1}>
        <Suspense fallback={<LoadingState />}>
          <Outlet />
        </Suspense>
      </main>
    </div>
  );
}
