/**
 * Asks again until the answer holds (45 s at most), for a state that no event position marks, such as a
 * projection runner's status. Read models are waited for by position: see `waitUntilProjected`.
 */
export async function eventually<T>(
  read: () => PromiseLike<T>,
  holds: (value: T) => boolean,
  show: (value: T) => string = (value) => JSON.stringify(value),
): Promise<T> {
  const deadline = Date.now() + 45_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`never held: ${show(value)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}
