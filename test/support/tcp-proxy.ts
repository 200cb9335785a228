import { connect, createServer, type Server, type Socket } from 'node:net';

/**
 * A TCP proxy between the service and its database that can go silent, as a network that drops packets:
 * it still accepts connections but reads from neither side, so nothing is forwarded and nothing answered,
 * and no connection is refused or reset. What was sent meanwhile waits (as TCP retransmits it) and flows
 * on once forwarding resumes, unless its sender gave up and closed the connection first.
 */
export class TcpProxy {
  private silent = false;
  private readonly sockets = new Set<Socket>();
  /** Connections accepted while silent, not yet connected onwards. */
  private readonly waiting = new Set<Socket>();

  private constructor(
    private readonly server: Server,
    private readonly target: { readonly host: string; readonly port: number },
    /** The target's URL with the proxy's address. */
    readonly url: string,
  ) {}

  static async start(targetUrl: string): Promise<TcpProxy> {
    const target = new URL(targetUrl);
    const server = createServer({ pauseOnConnect: true });
    await new Promise<void>((resolve, reject) => {
      server.once('error', reject);
      server.listen(0, '127.0.0.1', resolve);
    });
    const address = server.address();
    if (typeof address !== 'object' || address === null) throw new Error('the proxy has no address');
    const url = new URL(targetUrl);
    url.host = `127.0.0.1:${address.port}`;
    const proxy = new TcpProxy(server, { host: target.hostname, port: Number(target.port || 5432) }, url.toString());
    server.on('connection', (client) => proxy.accept(client));
    return proxy;
  }

  stopForwarding(): void {
    this.silent = true;
    for (const socket of this.sockets) socket.pause();
  }

  resumeForwarding(): void {
    this.silent = false;
    for (const client of this.waiting) this.connectOnwards(client);
    this.waiting.clear();
    for (const socket of this.sockets) socket.resume();
  }

  async close(): Promise<void> {
    for (const socket of this.sockets) socket.destroy();
    await new Promise<void>((resolve) => this.server.close(() => resolve()));
  }

  private track(socket: Socket): void {
    this.sockets.add(socket);
    socket.on('error', () => socket.destroy());
    socket.once('close', () => {
      this.sockets.delete(socket);
      this.waiting.delete(socket);
    });
  }

  private accept(client: Socket): void {
    this.track(client);
    if (this.silent) this.waiting.add(client);
    else this.connectOnwards(client);
  }

  private connectOnwards(client: Socket): void {
    if (client.destroyed) return;
    const upstream = connect(this.target.port, this.target.host);
    this.track(upstream);
    // Written without backpressure: `pipe` would resume a paused side on 'drain' and break the silence.
    client.on('data', (chunk) => upstream.write(chunk));
    upstream.on('data', (chunk) => client.write(chunk));
    client.once('close', () => upstream.destroy());
    upstream.once('close', () => client.destroy());
    client.resume();
  }
}
