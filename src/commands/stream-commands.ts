import { Global, Injectable, Module } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import { EventSourcedStreams, type CommandCause, type StreamState } from '../event-store/event-sourced-streams.js';
import { ServiceCalendar } from '../shared/calendar.js';
import { IdGenerator } from '../shared/clock.js';
import type { Command, Event } from '../shared/domain/decider.js';
import { ExpectedVersionConflictError } from '../shared/stream-errors.js';
import { StreamCommand, StreamCommandHandler } from './stream-command.js';
import { toView, type AnyStreamResource, type CommandData, type ScopedStream, type StreamResource, type StreamView } from './stream-resource.js';
import { StreamScope } from './stream-scope.js';

export type { CommandData, StreamResource, StreamView } from './stream-resource.js';

/**
 * The typed side of the CommandBus for stream commands: a route, a process step or the demo names the
 * resource, command type and data (checked against the domain's command union here) and the bus carries
 * it to StreamCommandHandler, the one place that runs it. Reads and dry runs happen here.
 */
@Injectable()
export class StreamCommands {
  constructor(
    private readonly bus: CommandBus,
    private readonly streams: EventSourcedStreams,
    private readonly scope: StreamScope,
    private readonly calendar: ServiceCalendar,
    private readonly ids: IdGenerator,
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

  create<C extends Command, S, E extends Event, T extends C['type']>(
    resource: StreamResource<C, S, E>,
    id: string,
    type: T,
    data: CommandData<C, T>,
  ): Promise<StreamView<S>> {
    return this.bus.execute(new StreamCommand<S>(anyResource(resource), id, type, data, { creates: true }));
  }

  run<C extends Command, S, E extends Event, T extends C['type']>(
    resource: StreamResource<C, S, E>,
    id: string,
    expectedVersion: number | undefined,
    type: T,
    data: CommandData<C, T>,
    cause?: CommandCause,
  ): Promise<StreamView<S>> {
    return this.bus.execute(new StreamCommand<S>(anyResource(resource), id, type, data, { creates: false, expectedVersion }, cause));
  }

  /**
   * Personal fields are shown by this read only, to callers who may see them (StreamScope); a command's
   * answer, which the idempotency store keeps, never carries them.
   */
  async view<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>, id: string): Promise<StreamView<S>> {
    const stream = await this.streams.load(resource, resource.streamId(id), 'open');
    await this.scope.requireVisible(resource, id, stream.state);
    return toView(resource, id, stream, await this.scope.permitsPersonalData(resource.scopeOf(stream.state)));
  }

  /** Whether the caller may see a stream in this state. */
  visible<S>(resource: ScopedStream<S>, state: S): Promise<boolean> {
    return this.scope.visible(resource, state);
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
    if (id !== null) await this.scope.requireVisible(resource, id, current.state);
    const command = { type, data, metadata: { today: this.calendar.today() } } as Command as C;
    const events = resource.decider.decide(command, current.state);
    if (id === null) await this.scope.requireCreatable(resource, events.reduce(resource.decider.evolve, current.state));
    return { ...current, events };
  }
}

/** The bus carries any stream's command; its type and data were checked against the resource's above. */
function anyResource<C extends Command, S, E extends Event>(resource: StreamResource<C, S, E>): AnyStreamResource<S> {
  return resource as unknown as AnyStreamResource<S>;
}

/** Base of a route class: its methods map the request to a command and send it. */
@Injectable()
export abstract class StreamRoutes {
  constructor(protected readonly commands: StreamCommands) {}
}

/** Stream commands for every capability module, and their one handler on the CommandBus. */
@Global()
@Module({ providers: [StreamCommands, StreamScope, StreamCommandHandler], exports: [StreamCommands, StreamScope] })
export class StreamCommandsModule {}
