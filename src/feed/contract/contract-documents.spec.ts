import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { PUBLIC_EVENT_TYPES } from './public-event-types.js';
import { CONTRACT_FOLDER, contractFiles, publicEventSchema } from './documents.js';
import { filesUnder } from './write-contract.js';

describe('the published contract of the public events', () => {
  it('is in the repository exactly as the code generates it (after changing a public event: npm run feed:contract)', async () => {
    const generated = contractFiles();
    const committed = await filesUnder(CONTRACT_FOLDER);
    expect(committed.sort()).toEqual([...generated.keys()].sort());
    for (const [path, text] of generated) expect([path, await readFile(join(CONTRACT_FOLDER, path), 'utf8')]).toEqual([path, text]);
  });

  it('has one schema per public event type, naming the feed envelope’s fields', () => {
    for (const type of PUBLIC_EVENT_TYPES) {
      expect(publicEventSchema(type).required).toEqual([
        'eventId',
        'type',
        'schemaVersion',
        'streamId',
        'streamType',
        'occurredAt',
        'recordedAt',
        'data',
        'cursor',
      ]);
    }
  });
});
