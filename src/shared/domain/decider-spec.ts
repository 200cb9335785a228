import type { Command, Decider, Event } from './decider.js';
import { foldEvents } from './decider.js';

/**
 * Given/when/then specifications for a decider:
 *   spec(decider).given([events]).when(command).then([events]) or .thenThrows(ErrorClass, matcher)
 */
export function spec<C extends Command, S, E extends Event>(decider: Decider<C, S, E>) {
  return {
    given(history: readonly E[]) {
      return {
        when(command: C) {
          const run = () => decider.decide(command, foldEvents(decider, history));
          return {
            then(expected: readonly E[]) {
              expect(run()).toEqual(expected);
            },
            thenThrows(errorType: abstract new (...args: never[]) => Error, expected?: Record<string, unknown>) {
              let caught: unknown;
              try {
                run();
              } catch (error) {
                caught = error;
              }
              expect(caught).toBeInstanceOf(errorType);
              if (expected) expect(caught).toMatchObject(expected);
            },
          };
        },
      };
    },
  };
}
