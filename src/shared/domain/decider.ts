import type { IsoDate } from './vocabulary.js';

/** A fact in the past tense, as the domain states it. Dates inside `data` are ISO 8601 strings. */
export type Event<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
}>;

/** What the domain knows of time: the day a command is decided on, passed in from the service calendar. */
export type CommandMetadata = Readonly<{ today: IsoDate }>;

/** An instruction in the imperative; its day comes from outside, never from a clock inside the domain. */
export type Command<Type extends string = string, Data extends object = object> = Readonly<{
  type: Type;
  data: Readonly<Data>;
  metadata: CommandMetadata;
}>;

/** Pure domain logic of one stream: what to record for a command, and what the record means. */
export interface Decider<C extends Command, S, E extends Event> {
  decide(command: C, state: S): E[];
  evolve(state: S, event: E): S;
  initialState(): S;
}

export function foldEvents<S, E extends Event>(decider: Pick<Decider<Command, S, E>, 'evolve' | 'initialState'>, events: readonly E[]): S {
  return events.reduce(decider.evolve, decider.initialState());
}

export function assertNever(value: never): never {
  throw new Error(`Unexpected value: ${JSON.stringify(value)}`);
}
