import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and under which request: the source of the server-set event metadata. */
export class RequestContext {
  private authenticatedActor: string | undefined;

  constructor(
    readonly requestId: string,
    readonly correlationId: string,
  ) {}

  /** The caller the token names; set once the token is verified. */
  get actor(): string {
    return this.authenticatedActor ?? 'anonymous';
  }

  authenticate(actor: string): void {
    this.authenticatedActor = actor;
  }
}

const storage = new AsyncLocalStorage<RequestContext>();

export const requestContext = {
  run<T>(context: RequestContext, work: () => T): T {
    return storage.run(context, work);
  },
  current(): RequestContext | undefined {
    return storage.getStore();
  },
};
