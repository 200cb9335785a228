import { Alert, Button, Paper, Stack, Text, Title } from '@mantine/core';
import { useState, type FormEvent } from 'react';
import { ApiProblem, send } from '../api/client.js';
import type { Command } from '../api/operations.js';
import { useI18n } from '../i18n/i18n.js';
import { bodyFromForm, type FormValue } from './body-from-form.js';
import { SchemaField } from './schema-field.js';

export interface CommandFormProps {
  readonly command: Command;
  /** Values of the command's path parameters, such as the stream's `id`. */
  readonly pathParameters?: Readonly<Record<string, string>>;
  /** The stream version the form was shown at, sent as If-Match. */
  readonly expectedVersion?: number;
  readonly initial?: Record<string, FormValue>;
  /** The heading: by default the command's name; null under a heading that already names it (an accordion item). */
  readonly title?: string | null;
  onDone(result: unknown): void;
}

/** A command as a form built from its request schema; the API's refusals appear beside the fields they name. */
export function CommandForm({ command, pathParameters = {}, expectedVersion, initial = {}, title, onDone }: CommandFormProps) {
  const { t, command: commandName } = useI18n();
  const [values, setValues] = useState<Record<string, FormValue>>(initial);
  const [errors, setErrors] = useState<Record<string, string>>({});
  const [problem, setProblem] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const path = command.path.replace(/\{(\w+)\}/g, (_, name: string) => encodeURIComponent(pathParameters[name] ?? ''));

  async function submit(event: FormEvent) {
    event.preventDefault();
    const dateErrors: Record<string, true> = {};
    const body = bodyFromForm(command.schema, values, '', dateErrors);
    if (Object.keys(dateErrors).length > 0) {
      setErrors(Object.fromEntries(Object.keys(dateErrors).map((field) => [field, t('common.invalidDate')])));
      setProblem(null);
      return;
    }
    setBusy(true);
    try {
      const headers: Record<string, string> = { 'Idempotency-Key': crypto.randomUUID() };
      if (expectedVersion !== undefined) headers['If-Match'] = `"${expectedVersion}"`;
      const result = await send(command.method, path, body, headers);
      setErrors({});
      setProblem(null);
      onDone(result);
    } catch (error) {
      if (!(error instanceof ApiProblem)) throw error;
      setErrors(error.fieldErrors());
      setProblem(error.message);
    } finally {
      setBusy(false);
    }
  }

  const label = commandName(command.operationId, command.summary);
  const heading = title === undefined ? label : title;
  return (
    <Paper withBorder p="md" component="form" onSubmit={submit} aria-label={heading ?? label}>
      <Stack gap="sm">
        {heading && (
          <Title order={2} size="h4">
            {heading}
          </Title>
        )}
        {title && title !== label && (
          <Text size="sm" c="dimmed">
            {label}
          </Text>
        )}
        {Object.entries(command.schema.properties ?? {}).map(([name, property]) => (
          <SchemaField
            key={name}
            name={name}
            path={name}
            schema={property}
            required={command.schema.required?.includes(name) ?? false}
            value={values[name]}
            errors={errors}
            onChange={(next) => setValues((current) => ({ ...current, [name]: next }))}
          />
        ))}
        {problem && (
          <Alert color="red" role="alert" title={t('common.error')}>
            {problem}
          </Alert>
        )}
        <Button type="submit" loading={busy} w="fit-content">
          {t('common.submit')}
        </Button>
      </Stack>
    </Paper>
  );
}
