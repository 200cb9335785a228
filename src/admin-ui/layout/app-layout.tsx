import { AppShell, Button, Group, Loader, NavLink, Text } from '@mantine/core';
import { Suspense } from 'react';
import { Link, Outlet, useLocation } from 'react-router';
import { call, setToken } from '../api/client.js';
import { logout } from '../api/generated/sdk.gen.js';
import { useI18n, type MessageKey } from '../i18n/i18n.js';
import { isAdministrator, readsSystemStatus, useSession } from '../session/session.js';
import { LanguageSwitch } from './language-switch.js';

const SECTIONS: readonly { to: string; label: MessageKey }[] = [
  { to: '/', label: 'nav.work' },
  { to: '/organizations', label: 'nav.organizations' },
  { to: '/inspections', label: 'nav.inspections' },
  { to: '/supervisions', label: 'nav.supervisions' },
  { to: '/discipline-cases', label: 'nav.cases' },
  { to: '/planning-lists', label: 'nav.planning' },
  { to: '/statistics', label: 'nav.statistics' },
  { to: '/audit', label: 'nav.audit' },
];
/** Managing accounts: offered to administrators only (the API checks every request itself). */
const ADMINISTRATION: readonly { to: string; label: MessageKey }[] = [{ to: '/accounts', label: 'nav.accounts' }];
/** The runners, the publisher and the feed: offered to administrators and auditors. */
const SYSTEM: readonly { to: string; label: MessageKey }[] = [{ to: '/system', label: 'nav.system' }];

export function AppLayout() {
  const { t } = useI18n();
  const session = useSession();
  const { pathname } = useLocation();
  const current = (to: string) => (to === '/' ? pathname === '/' : pathname.startsWith(to));
  return (
    <AppShell header={{ height: 56 }} navbar={{ width: 220, breakpoint: 'sm' }} padding="md">
      <AppShell.Header>
        <Group h="100%" px="md" justify="space-between">
          <Text fw={700} fz="h3">
            {t('appName')}
          </Text>
          <Group>
            <Text size="sm">{session?.username}</Text>
            <LanguageSwitch />
            <Button variant="default" size="xs" onClick={() => void call(logout()).finally(() => setToken(null))}>
              {t('nav.logout')}
            </Button>
          </Group>
        </Group>
      </AppShell.Header>
      <AppShell.Navbar p="xs" component="nav" aria-label={t('nav.menu')}>
        {[
          ...SECTIONS,
          ...(isAdministrator(session) ? ADMINISTRATION : []),
          ...(readsSystemStatus(session) ? SYSTEM : []),
          { to: '/password', label: 'nav.password' as const },
        ].map((section) => (
          <NavLink key={section.to} component={Link} to={section.to} label={t(section.label)} active={current(section.to)} />
        ))}
      </AppShell.Navbar>
      <AppShell.Main>
        {/* The menu stays while a screen's code loads. */}
        <Suspense fallback={<Loader aria-label={t('common.loading')} />}>
          <Outlet />
        </Suspense>
      </AppShell.Main>
    </AppShell>
  );
}
