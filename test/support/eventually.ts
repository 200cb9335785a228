type Body = Record<string, unknown>;

/** Read models trail the commands by the projections' lag: ask again until the answer holds (45 s at most). */
export async function eventually<T>(read: () => PromiseLike<T>, holds: (value: T) => boolean, show: (value: T) => string = (value) => JSON.stringify(value)): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`never held: ${show(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** `eventually` for an HTTP read: the body of a 200 that holds. */
export async function eventuallyOk(read: () => PromiseLike<{ status: number; body: unknown }>, holds: (body: Body) => boolean = () => true): Promise<Body> {
  const response = await eventually(
    read,
    ({ status, body }) => status === 200 && holds(body as Body),
    ({ status, body }) => `${status} ${JSON.stringify(body)}`,
  );
  return response.body as Body;
}
