import { InvalidTransitionError } from './errors.js';

type StatusOf<S extends { readonly status: string }> = S['status'];

/** The members of S whose status is one of St; a member covering several statuses is narrowed to those. */
export type InStatus<S extends { readonly status: string }, St extends string> = S extends unknown
  ? [S['status'] & St] extends [never]
    ? never
    : S & { readonly status: S['status'] & St }
  : never;

/**
 * One table of the states in which each command is accepted. From it come both the list of allowed
 * commands per state (for refusals and the API) and a guard that narrows the state for the handler.
 * Usage: `const machine = transitions<State>()({ open: ['none'], close: ['open'] })`.
 */
export function transitions<S extends { readonly status: string }>() {
  return <const T extends Readonly<Record<string, readonly StatusOf<S>[]>>>(acceptedIn: T) => {
    type CommandType = keyof T & string;
    const table: { readonly [K in CommandType]: readonly StatusOf<S>[] } = acceptedIn;
    const commandTypes = Object.keys(acceptedIn) as CommandType[];

    function allowedCommands(status: StatusOf<S>): CommandType[] {
      return commandTypes.filter((type) => table[type].includes(status));
    }

    function requireState<K extends CommandType>(state: S, command: K): InStatus<S, T[K][number]> {
      if (!table[command].includes(state.status)) {
        throw new InvalidTransitionError(command, state.status, allowedCommands(state.status));
      }
      return state as InStatus<S, T[K][number]>;
    }

    return { acceptedIn, commandTypes, allowedCommands, requireState };
  };
}
