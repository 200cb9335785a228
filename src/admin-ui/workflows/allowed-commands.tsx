import { Accordion, Loader, Text, Title } from '@mantine/core';
import { useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { useCommands } from '../api/operations.js';
import { useI18n } from '../i18n/i18n.js';
import { CommandForm } from './command-form.js';
import type { FormValue } from './body-from-form.js';
import type { StreamView } from './resources.js';
import { useCanAct } from '../session/can-act.js';

/** Each command the stream accepts in its current state, as a form sent with the version it was shown at. */
export function AllowedCommands({ view, queryKey, initial = {} }: { view: StreamView; queryKey: readonly unknown[]; initial?: Record<string, FormValue> }) {
  const { t, command: commandName } = useI18n();
  const commands = useCommands();
  const queryClient = useQueryClient();
  const [open, setOpen] = useState<string | null>(null);
  if (!useCanAct()) return null;
  if (commands.isPending) return <Loader aria-label={t('common.loading')} />;
  const steps = view.allowedCommands.flatMap((operationId) => {
    const command = commands.data?.get(operationId);
    return command ? [command] : [];
  });
  return (
    <>
      <Title order={2} size="h3">
        {t('stream.allowed')}
      </Title>
      {steps.length === 0 ? (
        <Text>{t('stream.noneAllowed')}</Text>
      ) : (
        <Accordion variant="separated" value={open} onChange={setOpen}>
          {steps.map((command) => (
            <Accordion.Item key={command.operationId} value={command.operationId}>
              <Accordion.Control>{commandName(command.operationId, command.summary)}</Accordion.Control>
              <Accordion.Panel>
                <CommandForm
                  key={`${command.operationId}-${view.version}`}
                  command={command}
                  title={null}
                  pathParameters={{ id: view.id }}
                  expectedVersion={view.version}
                  initial={initial}
                  onDone={async () => {
                    setOpen(null);
                    await queryClient.invalidateQueries({ queryKey });
                    window.scrollTo({ top: 0 });
                  }}
                />
              </Accordion.Panel>
            </Accordion.Item>
          ))}
        </Accordion>
      )}
    </>
  );
}
