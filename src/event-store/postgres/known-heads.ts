/** A stream's last link: its version and the hash the next link chains from. */
export interface StreamHeadLink {
  readonly version: number;
  readonly hash: string;
}

/**
 * The heads of the streams this process last appended to or read to the end, up to `capacity` of them. A link
 * once written never changes, so a head known here is still a true link: either still the head, or an
 * append built on it loses the (stream, version) unique constraint to the link another writer put there.
 */
export class KnownHeads {
  private readonly heads = new Map<string, StreamHeadLink>();

  constructor(private readonly capacity = 10_000) {}

  get(streamId: string): StreamHeadLink | undefined {
    return this.heads.get(streamId);
  }

  set(streamId: string, head: StreamHeadLink): void {
    this.heads.delete(streamId);
    this.heads.set(streamId, head);
    if (this.heads.size > this.capacity) this.heads.delete(this.heads.keys().next().value!);
  }

  forget(streamId: string): void {
    this.heads.delete(streamId);
  }
}
