import { Alert, Button, Center, Paper, PasswordInput, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiProblem, call } from '../api/client.js';
import { changePassword } from '../api/generated/sdk.gen.js';
import { useI18n } from '../i18n/i18n.js';
import { logIn } from './login-page.js';
import { useSession } from './session.js';

/**
 * Changing one's own password: forced at the first login after an administrator set it, else from the menu.
 * Every session ends with the change, so the page logs in again with the new password.
 */
export function PasswordPage({ forced }: { forced: boolean }) {
  const { t } = useI18n();
  const session = useSession();
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [repeated, setRepeated] = useState('');
  const [failed, setFailed] = useState<string | null>(null);
  const [done, setDone] = useState(false);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    setFailed(null);
    if (newPassword !== repeated) return setFailed(t('password.mismatch'));
    setBusy(true);
    try {
      await call(changePassword({ body: { currentPassword, newPassword } }));
      await logIn(session!.username, newPassword);
      setDone(true);
    } catch (error) {
      setFailed(error instanceof ApiProblem ? error.message : String(error));
    } finally {
      setBusy(false);
    }
  }

  const form = (
    <Paper withBorder shadow="sm" p="xl" w={420} component="form" aria-label={t('password.title')} onSubmit={submit}>
      <Stack>
        <Title order={1} size="h2">
          {t('password.title')}
        </Title>
        {forced && <Text>{t('password.forced')}</Text>}
        <PasswordInput
          label={t('password.current')}
          value={currentPassword}
          onChange={(e) => setCurrentPassword(e.currentTarget.value)}
          required
          autoComplete="current-password"
        />
        <PasswordInput
          label={t('password.new')}
          description={t('password.rules')}
          value={newPassword}
          onChange={(e) => setNewPassword(e.currentTarget.value)}
          required
          autoComplete="new-password"
        />
        <PasswordInput
          label={t('password.repeat')}
          value={repeated}
          onChange={(e) => setRepeated(e.currentTarget.value)}
          required
          autoComplete="new-password"
        />
        {failed && (
          <Alert color="red" role="alert">
            {failed}
          </Alert>
        )}
        {done && !forced && <Alert color="green">{t('password.changed')}</Alert>}
        <Button type="submit" loading={busy}>
          {t('password.submit')}
        </Button>
      </Stack>
    </Paper>
  );
  return forced ? (
    <Center mih="100vh" component="main">
      {form}
    </Center>
  ) : (
    form
  );
}
