import type { StreamDefinition, StreamState } from '../event-store/event-sourced-streams.js';
import type { Role } from '../shared/access/principal.js';
import type { Command, Event } from '../shared/domain/decider.js';

/** What a stream concerns, for deciding who may see it: an organization, or a member (through theirs). */
export type ScopeAnchor = { readonly organizationId: string } | { readonly memberId: string };

/** A stream as the API exposes it: how its id maps to the stream, and which commands its state accepts. */
export interface StreamResource<C extends Command, S, E extends Event> extends StreamDefinition<C, S, E> {
  readonly streamId: (id: string) => string;
  readonly allowedCommands: (state: S) => readonly C['type'][];
  /** The transition table: the states in which each command is accepted (for the documentation). */
  readonly acceptedIn: Readonly<Record<C['type'], readonly string[]>>;
  /** Who may send its commands; the officers when unset. */
  readonly commandRoles?: readonly Role[];
  /** The organizations or members the stream concerns: a caller sees it only within their grants' subtrees. */
  readonly scopeOf: (state: S) => readonly ScopeAnchor[];
  /** The state without its personal fields, for a view of a stream with personal data (`personalData`). */
  readonly withoutPersonalData?: (state: S) => S;
  /** For a confidential stream, the organization it is confined to (src/shared/access/confidentiality.ts); else null. */
  readonly confidentialTo?: (state: S) => string | null;
}

/** A resource of any stream, as the bus carries it: the command's type and data are checked where it is built. */
export type AnyStreamResource<S = unknown> = StreamResource<Command, S, Event>;

export type ScopedStream<S> = Pick<AnyStreamResource<S>, 'streamType' | 'streamId' | 'scopeOf' | 'confidentialTo'>;

export type CommandData<C extends Command, T extends C['type']> = Extract<C, { type: T }>['data'];

/** What every route answers: the state, its version (the ETag) and the next commands it accepts. */
export interface StreamView<S> {
  readonly id: string;
  readonly version: number;
  readonly state: S;
  readonly allowedCommands: readonly string[];
  /** The state's personal fields are left out (null) of this answer. */
  readonly personalDataWithheld?: true;
}

export function toView<S>(
  resource: Pick<AnyStreamResource<S>, 'allowedCommands' | 'withoutPersonalData'>,
  id: string,
  stream: StreamState<S>,
  showPersonalData: boolean,
): StreamView<S> {
  const view = { id, version: stream.version, state: stream.state, allowedCommands: resource.allowedCommands(stream.state) };
  if (!resource.withoutPersonalData || showPersonalData) return view;
  return { ...view, state: resource.withoutPersonalData(stream.state), personalDataWithheld: true };
}
