import { AsyncLocalStorage } from 'node:async_hooks';

/** Who is asking and under which request: the source of the server-set event metadata. */
export interface RequestContext {
  readonly requestId: string;
  readonly correlationId: string;
  readonly actor: string;
  readonly organizationId?: string;
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
