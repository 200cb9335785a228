import { Anchor, Code, Text } from '@mantine/core';
import { Link } from 'react-router';
import { useI18n } from '../i18n/i18n.js';
import { linkOfStream } from './resources.js';

/** A stream's id: its type, then the uuid of what it records (`discipline-case-<uuid>`). */
const STREAM_ID = /^(.+)-([0-9a-f]{8})-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/**
 * A stream as officers name it: its kind in their language (`Hồ sơ kỷ luật`) and the first part of its uuid
 * as code, the whole id on hover; linked to its page where it has one.
 */
export function StreamLink({ streamId }: { streamId: string }) {
  const { value } = useI18n();
  const parts = STREAM_ID.exec(streamId);
  const label = parts ? (
    <>
      {value(parts[1]!)} <Code>{parts[2]}</Code>
    </>
  ) : (
    <Code>{streamId}</Code>
  );
  const to = linkOfStream(streamId);
  return to ? (
    <Anchor component={Link} to={to} title={streamId} underline="always">
      {label}
    </Anchor>
  ) : (
    <Text span title={streamId}>
      {label}
    </Text>
  );
}
