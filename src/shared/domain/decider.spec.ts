import { foldEvents } from './decider.js';

describe('foldEvents', () => {
  it('applies events in order from the initial state', () => {
    const counter = {
      initialState: () => [] as string[],
      evolve: (state: string[], event: { type: string; data: object }) => [...state, event.type],
    };
    expect(
      foldEvents(counter, [
        { type: 'A', data: {} },
        { type: 'B', data: {} },
      ]),
    ).toEqual(['A', 'B']);
  });
});
