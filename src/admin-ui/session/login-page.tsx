import { Alert, Button, Center, Paper, PasswordInput, Stack, TextInput, Title } from '@mantine/core';
import { useEffect, useState, type FormEvent } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiProblem, call, setToken } from '../api/client.js';
import { login } from '../api/generated/sdk.gen.js';

/** Logs in and starts the session with what the login says of the account. */
export async function logIn(username: string, password: string): Promise<void> {
  const { accessToken, ...about } = await call(login({ body: { username, password } }));
  setToken(accessToken, { username: about.username, grants: about.grants, mustChangePassword: about.mustChangePassword });
}
import { useI18n } from '../i18n/i18n.js';
import { LanguageSwitch } from '../layout/language-switch.js';
import { CALLBACK_PATH, finishProviderSignIn, startProviderSignIn, useIdentityProvider } from './provider-sign-in.js';

export function LoginPage() {
  const { t } = useI18n();
  const [username, setUsername] = useState('admin');
  const [password, setPassword] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const location = useLocation();
  const [busy, setBusy] = useState(location.pathname === CALLBACK_PATH);
  const provider = useIdentityProvider();
  const navigate = useNavigate();

  // Back from the identity provider: leave the callback's address, then finish the sign-in with what the provider answered.
  useEffect(() => {
    if (location.pathname !== CALLBACK_PATH) return;
    const answer = new URLSearchParams(location.search);
    navigate('/', { replace: true });
    finishProviderSignIn(answer)
      .catch((error: unknown) => {
        const code = error instanceof ApiProblem ? error.body.code : undefined;
        setFailed(code === 'identity-not-linked' ? t('login.notLinked') : code === 'account-disabled' ? t('login.disabled') : t('login.providerFailed'));
      })
      .finally(() => setBusy(false));
  }, [location, navigate, t]);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setFailed(null);
    try {
      await logIn(username, password);
    } catch (error) {
      const status = error instanceof Error && 'status' in error ? error.status : 0;
      setFailed(status === 401 ? t('login.failed') : status === 403 ? t('login.disabled') : String((error as Error).message));
    } finally {
      setBusy(false);
    }
  }

  return (
    <Center mih="100vh" component="main">
      <Paper withBorder shadow="sm" p="xl" w={380} component="form" onSubmit={submit}>
        <Stack>
          <Title order={1} size="h2">
            {t('appName')}
          </Title>
          <div>{t('tagline')}</div>
          <TextInput label={t('login.username')} value={username} onChange={(e) => setUsername(e.currentTarget.value)} required autoComplete="username" />
          <PasswordInput
            label={t('login.password')}
            value={password}
            onChange={(e) => setPassword(e.currentTarget.value)}
            required
            autoComplete="current-password"
          />
          {failed && (
            <Alert color="red" role="alert">
              {failed}
            </Alert>
          )}
          <Button type="submit" loading={busy}>
            {t('login.submit')}
          </Button>
          {provider.data && (
            <Button variant="default" disabled={busy} onClick={() => void startProviderSignIn(provider.data!)}>
              {t('login.withProvider', { name: provider.data.name })}
            </Button>
          )}
          <LanguageSwitch />
        </Stack>
      </Paper>
    </Center>
  );
}
