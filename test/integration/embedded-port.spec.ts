import { randomUUID } from 'node:crypto';
import { once } from 'node:events';
import { connect } from 'node:net';
import type pg from 'pg';
import { openClient } from '../../src/database/connections.js';
import { startEmbeddedPostgres, type EmbeddedPostgres } from '../../src/database/embedded-postgres.js';
import { testPool } from '../support/databases.js';

interface BackendMessage {
  readonly type: string;
  readonly body: Buffer;
}

/** Connects without a driver, sends `bytes`, and returns what the server answered once it closed the connection. */
async function rawExchange(url: string, bytes: Buffer): Promise<BackendMessage[]> {
  const { hostname, port } = new URL(url);
  const socket = connect(Number(port), hostname);
  const received: Buffer[] = [];
  socket.on('data', (chunk) => received.push(chunk));
  socket.on('error', () => undefined);
  const closed = once(socket, 'close');
  await once(socket, 'connect');
  if (bytes.length > 0) socket.write(bytes);
  await closed;
  const all = Buffer.concat(received);
  const messages: BackendMessage[] = [];
  for (let at = 0; at < all.length;) {
    const length = all.readInt32BE(at + 1);
    messages.push({ type: String.fromCharCode(all[at]!), body: all.subarray(at + 5, at + 1 + length) });
    at += 1 + length;
  }
  return messages;
}

function startupPacket(): Buffer {
  const parameters = Buffer.from('user\0postgres\0database\0postgres\0\0');
  const packet = Buffer.alloc(8 + parameters.length);
  packet.writeInt32BE(packet.length, 0);
  packet.writeInt32BE(196608, 4);
  parameters.copy(packet, 8);
  return packet;
}

function frontendMessage(type: string, text: string): Buffer {
  const body = Buffer.from(`${text}\0`);
  const header = Buffer.alloc(5);
  header.write(type);
  header.writeInt32BE(4 + body.length, 1);
  return Buffer.concat([header, body]);
}

function sqlState(error: BackendMessage): string | undefined {
  return error.body
    .toString()
    .split('\0')
    .find((field) => field.startsWith('C'))
    ?.slice(1);
}

describe('the embedded database port', () => {
  let embedded: EmbeddedPostgres;
  let pool: pg.Pool;

  beforeAll(async () => {
    embedded = await startEmbeddedPostgres(undefined, { idleInTransactionTimeoutMs: 500, authenticationTimeoutMs: 2_000 });
    pool = testPool(embedded.url, 2);
  }, 60_000);
  afterAll(async () => {
    await pool?.end();
    await embedded?.stop();
  });

  it('asks for a SCRAM-SHA-256 proof and answers nothing but an error to a client that skips it', async () => {
    const answers = await rawExchange(embedded.url, Buffer.concat([startupPacket(), frontendMessage('Q', 'SELECT * FROM pg_authid')]));

    expect(answers.map((message) => message.type)).toEqual(['R', 'E']);
    expect(answers[0]!.body.readInt32BE(0)).toBe(10);
    expect(answers[0]!.body.subarray(4).toString()).toBe('SCRAM-SHA-256\0\0');
    expect(sqlState(answers[1]!)).toBe('08P01');
  });

  it('refuses a client with a wrong password', async () => {
    const url = new URL(embedded.url);
    url.password = 'not-the-password';
    const client = openClient(url.toString());

    await expect(client.connect()).rejects.toMatchObject({ code: '28P01' });
  });

  it('serves a client with the password of its url', async () => {
    const { rows } = await pool.query<{ user: string }>('SELECT current_user AS user');

    expect(rows).toEqual([{ user: 'postgres' }]);
  });

  it.each([
    ['a zero-length startup packet', Buffer.from([0, 0, 0, 0, 0, 3, 0, 0])],
    ['a startup packet shorter than its header', Buffer.from([0, 0, 0, 4, 0, 3, 0, 0])],
    ['a startup packet of absurd length', Buffer.from([0x7f, 0xff, 0xff, 0xff, 0, 3, 0, 0])],
    ['a negative length', Buffer.from([0xff, 0xff, 0xff, 0xff, 0, 3, 0, 0])],
    ['an unknown protocol version', Buffer.from([0, 0, 0, 8, 0, 2, 0, 0])],
    ['a cancel request', Buffer.from([0, 0, 0, 16, 0x04, 0xd2, 0x16, 0x2e, 0, 0, 0, 1, 0, 0, 0, 2])],
    ['garbage', Buffer.from('GET / HTTP/1.1\r\nHost: localhost\r\n\r\n')],
  ])('closes a connection that sends %s, and keeps answering the others', async (_, packet) => {
    const answers = await rawExchange(embedded.url, packet);

    expect(answers).toEqual([]);
    const { rows } = await pool.query<{ answer: number }>('SELECT 42 AS answer');
    expect(rows).toEqual([{ answer: 42 }]);
  });

  it('drops a connection that does not authenticate in time', async () => {
    expect(await rawExchange(embedded.url, Buffer.alloc(0))).toEqual([]);
  });

  it('rolls back a transaction left idle and drops its client, so that the others proceed', async () => {
    const table = `idle_${randomUUID().replaceAll('-', '')}`;
    const idle = openClient(embedded.url);
    const errors: unknown[] = [];
    idle.on('error', (error) => errors.push(error));
    const ended = new Promise((resolve) => idle.once('end', resolve));
    await idle.connect();
    await idle.query(`BEGIN; CREATE TABLE ${table} (id int)`);

    const { rows } = await pool.query<{ table: string | null }>('SELECT to_regclass($1)::text AS table', [table]);

    await ended;
    expect(errors[0]).toMatchObject({ code: '25P03' });
    expect(rows).toEqual([{ table: null }]);
  });

  describe('notifications', () => {
    const clients: pg.Client[] = [];
    async function connected(): Promise<pg.Client> {
      const client = openClient(embedded.url);
      clients.push(client);
      await client.connect();
      return client;
    }
    function notified(client: pg.Client): { received: string[]; next: Promise<pg.Notification> } {
      const received: string[] = [];
      client.on('notification', (notification) => received.push(notification.channel));
      return { received, next: once(client, 'notification').then(([notification]) => notification as pg.Notification) };
    }
    afterEach(async () => {
      await Promise.all(clients.splice(0).map((client) => client.end()));
    });

    it('hands a NOTIFY to the connections that LISTEN, not to the connection that sent it', async () => {
      const [listener, sender] = [await connected(), await connected()];
      const toListener = notified(listener);
      const toSender = notified(sender);
      await listener.query('LISTEN appended');

      await sender.query(`BEGIN; NOTIFY appended, 'first'; COMMIT`);

      expect(await toListener.next).toMatchObject({ channel: 'appended', payload: 'first' });
      await sender.query('SELECT 1');
      expect(toSender.received).toEqual([]);
    });

    it('keeps the other connections listening when one of them UNLISTENs', async () => {
      const [staying, leaving, sender] = [await connected(), await connected(), await connected()];
      const toStaying = notified(staying);
      const toLeaving = notified(leaving);
      await staying.query('LISTEN "Appended"');
      await leaving.query('LISTEN "Appended"');
      await leaving.query('UNLISTEN *');

      await sender.query(`NOTIFY "Appended", 'second'`);

      expect(await toStaying.next).toMatchObject({ channel: 'Appended', payload: 'second' });
      await leaving.query('SELECT 1');
      expect(toLeaving.received).toEqual([]);
    });
  });
});
