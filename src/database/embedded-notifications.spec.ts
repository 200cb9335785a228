import { EmbeddedListeners, listenStatement, type Listener } from './embedded-notifications.js';

function message(type: string, body: string): Buffer {
  const header = Buffer.alloc(5);
  header.write(type, 'latin1');
  header.writeInt32BE(4 + Buffer.byteLength(body), 1);
  return Buffer.concat([header, Buffer.from(body)]);
}

const notification = (channel: string, payload: string) => message('A', `\0\0\0\x2a${channel}\0${payload}\0`);

describe('embedded notifications', () => {
  it('reads a LISTEN or UNLISTEN sent alone as a simple query, folding the channel as PostgreSQL does', () => {
    expect(listenStatement([message('Q', 'LISTEN Appended\0')])).toEqual({ listen: true, channel: 'appended' });
    expect(listenStatement([message('Q', 'unlisten "Appended";\0')])).toEqual({ listen: false, channel: 'Appended' });
    expect(listenStatement([message('Q', 'UNLISTEN *\0')])).toEqual({ listen: false, channel: '*' });
    expect(listenStatement([message('Q', 'SELECT 1; LISTEN appended\0')])).toBeUndefined();
    expect(listenStatement([message('P', '\0LISTEN appended\0\0\0'), message('S', '')])).toBeUndefined();
  });

  it('passes a statement’s output on in whole messages and hands its notifications to their listeners, however the output is cut', () => {
    const listeners = new EmbeddedListeners();
    const heard: Buffer[] = [];
    const listener: Listener = { notify: (received) => heard.push(Buffer.from(received)) };
    listeners.listen(listener, 'appended');
    const complete = message('C', 'NOTIFY\0');
    const appended = notification('appended', 'x');
    const other = notification('other', 'y');
    const ready = message('Z', 'I');
    const output = Buffer.concat([complete, appended, other, ready]);

    for (let cutAt = 1; cutAt < output.length; cutAt++) {
      heard.length = 0;
      const written: Buffer[] = [];
      const write = (data: Uint8Array) => written.push(Buffer.from(data));
      const left = listeners.route(listeners.route(Buffer.alloc(0), output.subarray(0, cutAt), write), output.subarray(cutAt), write);

      expect(left.length).toBe(0);
      expect(Buffer.concat(written)).toEqual(Buffer.concat([complete, ready]));
      expect(heard).toEqual([appended]);
    }
  });
});
