import { Injectable } from '@nestjs/common';
import { ServiceCalendar } from '../shared/calendar.js';
import { foldEvents, type Command, type CommandMetadata, type Decider, type Event } from '../shared/domain/decider.js';
import { requestContext } from '../shared/request-context.js';
import type { PersonalDataRules } from '../shared/domain/personal-data.js';
import { validTimeOf, type ActDates } from '../shared/domain/valid-time.js';
import { StreamNotFoundError } from '../shared/stream-errors.js';
import { EventStore, type EventMetadata, type ExpectedVersion } from './event-store.js';
import { PersonalDataCodec } from './personal-data/personal-data-codec.js';

export interface StreamDefinition<C extends Command, S, E extends Event> {
  readonly streamType: string;
  readonly decider: Decider<C, S, E>;
  /** The legal date of each event type's act: the valid time its events are appended with. */
  readonly actDates: ActDates<E>;
  /** Its events' personal fields, stored sealed with their subject's key. */
  readonly personalData?: PersonalDataRules;
}

/** `open`: personal fields decrypted (for deciding and for those who may see them); `withheld`: null, no key read. */
export type PersonalDataRead = 'open' | 'withheld';

export interface StreamState<S> {
  readonly state: S;
  /** The stream's version, exposed to clients as the ETag. */
  readonly version: number;
}

export interface Handled<S, E> extends StreamState<S> {
  readonly events: readonly E[];
}

export interface CommandCause {
  readonly eventId: string;
  readonly correlationId: string;
}

export interface HandleOptions<S = unknown> {
  /** The command starts the stream: it must not exist yet. */
  readonly creates?: boolean;
  /** The version the client last saw (If-Match); without it, the version just read. */
  readonly expectedVersion?: number;
  readonly ruleVersion?: string;
  readonly reason?: string;
  /** The event this command follows up (a process manager's): its id becomes the causation, its correlation is kept. */
  readonly cause?: CommandCause;
  /** Refuses a caller who may not act on the stream: given the state read, or (creating) the state to be. */
  readonly authorize?: (state: S) => Promise<void>;
}

/** The one way commands run: load the stream, decide on its state, append with the expected version. */
@Injectable()
export class EventSourcedStreams {
  constructor(
    private readonly store: EventStore,
    private readonly calendar: ServiceCalendar,
    private readonly personalData: PersonalDataCodec,
  ) {}

  async load<C extends Command, S, E extends Event>(
    definition: StreamDefinition<C, S, E>,
    streamId: string,
    personalData: PersonalDataRead = 'withheld',
  ): Promise<StreamState<S>> {
    const recorded = await this.store.readStream(streamId);
    if (recorded.length === 0) throw new StreamNotFoundError(streamId);
    const stored = recorded.map((e) => ({ type: e.type, data: e.data }));
    const events =
      personalData === 'open' ? await this.personalData.open(definition.personalData, stored) : this.personalData.withheld(definition.personalData, stored);
    return { state: foldEvents(definition.decider, events as unknown as E[]), version: recorded.at(-1)!.streamVersion };
  }

  async handle<C extends Command, S, E extends Event>(
    definition: StreamDefinition<C, S, E>,
    streamId: string,
    command: (metadata: CommandMetadata) => C,
    options: HandleOptions<S> = {},
  ): Promise<Handled<S, E>> {
    const current = options.creates ? { state: definition.decider.initialState(), version: 0 } : await this.load(definition, streamId, 'open');
    if (!options.creates) await options.authorize?.(current.state);
    const events = definition.decider.decide(command({ today: this.calendar.today() }), current.state);
    const expectedVersion: ExpectedVersion = options.creates ? 'no-stream' : (options.expectedVersion ?? current.version);
    const state = events.reduce(definition.decider.evolve, current.state);
    if (options.creates) await options.authorize?.(state);
    if (events.length === 0) return { state, version: current.version, events };
    const plain = events.map((event) => ({ type: event.type, data: event.data as Record<string, unknown> }));
    const sealed = await this.personalData.seal(definition.personalData, plain);
    const result = await this.store.append({
      streamId,
      streamType: definition.streamType,
      expectedVersion,
      metadata: this.metadata(options),
      events: sealed.map((event, index) => ({ type: event.type, data: event.data, occurredAt: validTimeOf(definition.actDates, events[index]!) })),
    });
    await this.personalData.erase(definition.personalData, sealed);
    return { state, version: result.nextExpectedVersion, events };
  }

  private metadata(options: Pick<HandleOptions, 'ruleVersion' | 'reason' | 'cause'>): EventMetadata {
    const context = requestContext.current();
    return {
      actor: context?.actor ?? 'system',
      correlationId: context?.correlationId ?? options.cause?.correlationId ?? 'system',
      ...(options.cause ? { causationId: options.cause.eventId } : {}),
      ...(context?.requestId ? { requestId: context.requestId } : {}),
      ...(options.ruleVersion ? { ruleVersion: options.ruleVersion } : {}),
      ...(options.reason ? { reason: options.reason } : {}),
    };
  }
}
