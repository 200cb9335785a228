import { Global, Injectable, Module } from '@nestjs/common';
import type { Role } from '../../auth/principal.js';
import { ExpectedVersionConflictError, StreamNotFoundError } from '../../event-store/errors.js';
import { EventSourcedStreams, type StreamDefinition, type StreamState } from '../../event-store/event-sourced-streams.js';
import { ServiceCalendar } from '../../shared/calendar.js';
import { IdGenerator } from '../../shared/clock.js';
import type { Command, CommandMetadata, Event } from '../../shared/domain/decider.js';
import { ProblemError } from './problem.js';
import { StreamScope, type ScopeAnchor } from './stream-scope.js';

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
  /** For a confidential stream, the organization it is confined to (src/auth/confidentiality.ts); else null. */
  readonly confidentialTo?: (state: S) => string | null;
}

type ScopedStream<S> = Pick<StreamResource<Command, S, Event>, 'streamType' | 'streamId' | 'scopeOf' | 'confidentialTo'>;

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

function command<C extends Command, T extends C['type']>(type: T, data: CommandData<C, T>): (metadata: CommandMetadata) => C {
  return (metadata) => ({ type, data, metadata }) as Command as C;
}

/** What a route does with a command: run it through EventSourcedStreams and answer the view. */
@Injectable()
export class StreamCommands {
  constructor(
    private readonly streams: EventSourcedStreams,
    private readonly calendar: ServiceCalendar,
    private readonly ids: IdGenerator,
    private readonly scope: StreamScope,
  ) {}

  newId(): string {
    return this.ids.next();
  }

  /** Starts a stream under a new id from the one id generator. */
  createNew<C extends Command, S, E extends Event, T extends C['type']>(
    resource: StreamResource<C, S, E>,
    type: T,
    data: (id: string) => CommandData<C, T>,
  ): Promise<StreamView<S>> {
    const id = this.ids.next();
    return this.create(resource, id, type, data(id));
  }

  async create<C extends Command, S, E extends Event, T extends C['type']>(
    resource: StreamResource<C, S, E>,
    id: string,
    type: T,
    data: CommandData<C, T>,
  ): Promise<StreamView<S>> {
    const handled = await this.streams.handle(resource, resource.streamId(id), command<C, T>(type, data), {
      creates: true,
      authorize: (state) => this.requireCreatable(resource, state),
    });
    return this.toView(resource, id, handled, false);
  }

  async run<C extends Command, S, E extends Event, T extends C['type']>(
    resource: StreamResource<C, S, E>,
    id: string,
    expectedVersion: number | undefined,
    type: T,
    data: CommandData<C, T>,
  ): Promise<StreamView<S>> {
    const handled = await this.streams.handle(resource, resource.streamId(id), command<C, T>(type, data), {
      expectedVersion,
      authorize: (state) => this.requireVisible(resource, id, state),
    });
    return this.toView(resource, id, handled, false);
  }

  /**
   * Personal fields are shown by this read only, to callers who may see them (StreamScope); a command's
   * answer, which the idempotency store keeps, never carries them.
   */
  async view<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>, id: string): Promise<StreamView<S>> {
    const stream = await this.streams.load(resource, resource.streamId(id), 'open');
    await this.requireVisible(resource, id, stream.state);
    return this.toView(resource, id, stream, await this.scope.permitsPersonalData(resource.scopeOf(stream.state)));
  }

  /** Outside the caller's scope a stream answers as if it did not exist: its existence is not given away. */
  private async requireVisible<S>(resource: ScopedStream<S>, id: string, state: S): Promise<void> {
    if (!(await this.visible(resource, state))) throw new StreamNotFoundError(resource.streamId(id));
  }

  private async requireCreatable<S>(resource: ScopedStream<S>, state: S): Promise<void> {
    if (!(await this.visible(resource, state))) {
      throw new ProblemError(403, 'out-of-scope', `Your grants do not reach the organization this ${resource.streamType} concerns`);
    }
  }

  /** Whether the caller may see a stream in this state. */
  visible<S>(resource: ScopedStream<S>, state: S): Promise<boolean> {
    return this.scope.permits(resource.scopeOf(state), { confidentialTo: resource.confidentialTo?.(state) ?? null });
  }

  /**
   * Decides without appending (id null: on a stream yet to be created), so that an operation writing to two
   * streams surfaces every refusal, stale If-Match included, before its first write. Answers the state read
   * and the events the command would record (what a follow-up on another stream depends on).
   */
  async check<C extends Command, S, E extends Event, T extends C['type']>(
    resource: StreamResource<C, S, E>,
    id: string | null,
    type: T,
    data: CommandData<C, T>,
    expectedVersion?: number,
  ): Promise<StreamState<S> & { readonly events: readonly E[] }> {
    const current = id === null ? { state: resource.decider.initialState(), version: 0 } : await this.streams.load(resource, resource.streamId(id), 'open');
    if (id !== null && expectedVersion !== undefined && expectedVersion !== current.version) {
      throw new ExpectedVersionConflictError(resource.streamId(id), expectedVersion, current.version);
    }
    if (id !== null) await this.requireVisible(resource, id, current.state);
    const events = resource.decider.decide(command<C, T>(type, data)({ today: this.calendar.today() }), current.state);
    if (id === null) await this.requireCreatable(resource, events.reduce(resource.decider.evolve, current.state));
    return { ...current, events };
  }

  private toView<S>(
    resource: Pick<StreamResource<Command, S, Event>, 'allowedCommands' | 'withoutPersonalData'>,
    id: string,
    stream: StreamState<S>,
    showPersonalData: boolean,
  ): StreamView<S> {
    const view = { id, version: stream.version, state: stream.state, allowedCommands: resource.allowedCommands(stream.state) };
    if (!resource.withoutPersonalData || showPersonalData) return view;
    return { ...view, state: resource.withoutPersonalData(stream.state), personalDataWithheld: true };
  }
}

/** Base of a route class: its methods map the request to a command and run it. */
@Injectable()
export abstract class StreamRoutes {
  constructor(protected readonly commands: StreamCommands) {}
}

/** Makes StreamCommands injectable in every capability module. */
@Global()
@Module({ providers: [StreamCommands, StreamScope], exports: [StreamCommands] })
export class StreamCommandsModule {}
