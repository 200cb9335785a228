import { Alert, Badge, Button, Group, PasswordInput, Select, Stack, Table, TextInput, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState, type FormEvent } from 'react';
import { ApiProblem, call } from '../api/client.js';
import {
  addGrant,
  createAccount,
  disableAccount,
  enableAccount,
  linkIdentity,
  listAccounts,
  removeGrant,
  resetPassword,
  unlinkIdentity,
} from '../api/generated/sdk.gen.js';
import type { AccountSummaryResponse } from '../api/generated/types.gen.js';
import { useI18n } from '../i18n/i18n.js';
import { ItemsTable } from '../layout/items-table.js';
import { OrganizationSelect, useOrganizations } from '../organizations/organization-select.js';
import { useIdentityProvider } from '../session/provider-sign-in.js';

const ROLES = ['administrator', 'discipline-officer', 'inspector', 'auditor', 'viewer'] as const;
type Role = (typeof ROLES)[number];
type GrantBody = { role: Role; organizationId: string };

function useAccounts() {
  return useQuery({ queryKey: ['accounts'], queryFn: () => call(listAccounts()) });
}

/** A role over an organization picked in the tree (a grant over the whole tree is given with the API or the command line). */
function GrantFields({ label, onChange }: { label: string; onChange: (grant: GrantBody | null) => void }) {
  const { t, value } = useI18n();
  const [role, setRole] = useState<Role | null>(null);
  const [organizationId, setOrganizationId] = useState<string | null>(null);
  const update = (nextRole: Role | null, nextOrganization: string | null) => {
    setRole(nextRole);
    setOrganizationId(nextOrganization);
    onChange(nextRole && nextOrganization ? { role: nextRole, organizationId: nextOrganization } : null);
  };
  return (
    <Group align="end" aria-label={label}>
      <Select
        label={t('accounts.role')}
        data={ROLES.map((r) => ({ value: r, label: value(r) }))}
        value={role}
        onChange={(r) => update(r as Role | null, organizationId)}
        required
      />
      <OrganizationSelect label={t('accounts.organization')} value={organizationId} onChange={(o) => update(role, o)} required />
    </Group>
  );
}

function problemText(error: unknown): string {
  return error instanceof ApiProblem ? error.message : String(error);
}

function CreateAccountForm() {
  const { t } = useI18n();
  const queries = useQueryClient();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [grant, setGrant] = useState<GrantBody | null>(null);
  const create = useMutation({
    mutationFn: () => call(createAccount({ body: { username, password, grants: grant ? [grant] : [] } })),
    onSuccess: async () => {
      setUsername('');
      setPassword('');
      await queries.invalidateQueries({ queryKey: ['accounts'] });
    },
  });
  const submit = (event: FormEvent) => {
    event.preventDefault();
    create.mutate();
  };
  return (
    <Stack component="form" aria-label={t('accounts.create')} onSubmit={submit} maw={640}>
      <Title order={2} size="h4">
        {t('accounts.create')}
      </Title>
      <TextInput label={t('login.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} required />
      <PasswordInput
        label={t('accounts.firstPassword')}
        description={t('password.rules')}
        value={password}
        onChange={(e) => setPassword(e.currentTarget.value)}
        required
      />
      <GrantFields label={t('accounts.grant')} onChange={setGrant} />
      {create.error && (
        <Alert color="red" role="alert">
          {problemText(create.error)}
        </Alert>
      )}
      {create.isSuccess && <Alert color="green">{t('accounts.created')}</Alert>}
      <Button type="submit" loading={create.isPending} disabled={!grant}>
        {t('accounts.create')}
      </Button>
    </Stack>
  );
}

/** One account: its grants (add, remove), disable or enable, reset the password. */
function AccountRow({ account, organizationName }: { account: AccountSummaryResponse; organizationName: (id: string | null) => string }) {
  const { t, value } = useI18n();
  const queries = useQueryClient();
  const [grant, setGrant] = useState<GrantBody | null>(null);
  const [password, setPassword] = useState('');
  const provider = useIdentityProvider();
  const [issuer, setIssuer] = useState('');
  const [subject, setSubject] = useState('');
  const [open, setOpen] = useState(false);
  const path = { id: account.id };
  const identity = { issuer: issuer || provider.data?.issuer || '', subject };
  const change = useMutation({
    mutationFn: (run: () => Promise<unknown>) => run(),
    onSuccess: () => queries.invalidateQueries({ queryKey: ['accounts'] }),
  });
  const act = (run: () => Promise<unknown>) => change.mutate(run);
  return (
    <>
      <Table.Tr>
        <Table.Td>{account.username}</Table.Td>
        <Table.Td>
          <Badge color={account.status === 'active' ? 'green' : 'gray'}>{t(account.status === 'active' ? 'accounts.active' : 'accounts.disabled')}</Badge>
          {account.mustChangePassword && <Badge color="yellow">{t('accounts.mustChange')}</Badge>}
        </Table.Td>
        <Table.Td>
          {account.grants.map((held) => (
            <Group key={`${held.role}@${held.organizationId ?? '*'}`} gap="xs">
              {value(held.role)} — {organizationName(held.organizationId ?? null)}
              <Button
                size="compact-xs"
                variant="subtle"
                onClick={() => act(() => call(removeGrant({ path, body: { role: held.role, organizationId: held.organizationId } })))}
              >
                {t('common.remove')}
              </Button>
            </Group>
          ))}
        </Table.Td>
        <Table.Td>
          <Group gap="xs">
            {account.status === 'active' ? (
              <Button size="xs" color="red" variant="light" onClick={() => act(() => call(disableAccount({ path, body: {} })))}>
                {t('accounts.disable')}
              </Button>
            ) : (
              <Button size="xs" variant="light" onClick={() => act(() => call(enableAccount({ path, body: {} })))}>
                {t('accounts.enable')}
              </Button>
            )}
            <Button size="xs" variant="default" onClick={() => setOpen(!open)}>
              {t('accounts.manage')}
            </Button>
          </Group>
        </Table.Td>
      </Table.Tr>
      {(open || change.error) && (
        <Table.Tr>
          <Table.Td colSpan={4}>
            <Stack aria-label={t('accounts.manageOf', { username: account.username })}>
              {open && (
                <>
                  <Group align="end">
                    <GrantFields label={t('accounts.grant')} onChange={setGrant} />
                    <Button disabled={!grant} onClick={() => act(() => call(addGrant({ path, body: grant! })))}>
                      {t('accounts.addGrant')}
                    </Button>
                  </Group>
                  <Title order={3} size="h5">
                    {t('accounts.identities')}
                  </Title>
                  {account.identities.map((linked) => (
                    <Group key={`${linked.issuer}#${linked.subject}`} gap="xs">
                      {linked.subject} — {linked.issuer}
                      <Button size="compact-xs" variant="subtle" onClick={() => act(() => call(unlinkIdentity({ path, body: linked })))}>
                        {t('common.remove')}
                      </Button>
                    </Group>
                  ))}
                  <Group align="end">
                    <TextInput label={t('accounts.issuer')} value={identity.issuer} onChange={(e) => setIssuer(e.currentTarget.value)} miw={320} />
                    <TextInput label={t('accounts.subject')} value={subject} onChange={(e) => setSubject(e.currentTarget.value)} />
                    <Button disabled={!identity.issuer || !subject} onClick={() => act(() => call(linkIdentity({ path, body: identity })))}>
                      {t('accounts.link')}
                    </Button>
                  </Group>
                  <Group align="end">
                    <PasswordInput label={t('accounts.newPassword')} value={password} onChange={(e) => setPassword(e.currentTarget.value)} />
                    <Button disabled={!password} onClick={() => act(() => call(resetPassword({ path, body: { password } })))}>
                      {t('accounts.reset')}
                    </Button>
                  </Group>
                </>
              )}
              {change.error && (
                <Alert color="red" role="alert">
                  {problemText(change.error)}
                </Alert>
              )}
            </Stack>
          </Table.Td>
        </Table.Tr>
      )}
    </>
  );
}

/** Tài khoản: the accounts granted in the administrator's subtrees, and a new one. */
export function AccountsPage() {
  const { t } = useI18n();
  const accounts = useAccounts();
  const organizations = useOrganizations();
  const organizationName = (id: string | null) =>
    id === null ? t('accounts.wholeTree') : (organizations.data?.items.find((organization) => organization.organizationId === id)?.name ?? id);
  return (
    <Stack>
      <Title order={1} size="h2">
        {t('nav.accounts')}
      </Title>
      {accounts.error && (
        <Alert color="red" role="alert">
          {problemText(accounts.error)}
        </Alert>
      )}
      <ItemsTable
        label={t('nav.accounts')}
        headers={[t('login.username'), t('common.state'), t('accounts.grants'), t('accounts.actions')]}
        rows={accounts.data?.map((account) => (
          <AccountRow key={account.id} account={account} organizationName={organizationName} />
        ))}
      />
      <CreateAccountForm />
    </Stack>
  );
}
