import { InvalidTransitionError } from './errors.js';
import { transitions } from './transitions.js';

type DoorState = { status: 'closed' } | { status: 'open'; openedBy: string } | { status: 'locked' };
const door = transitions<DoorState>()({ open: ['closed'], close: ['open'], lock: ['closed'], unlock: ['locked'] });

describe('transition table', () => {
  it('lists the commands a state accepts, in table order', () => {
    expect(door.allowedCommands('closed')).toEqual(['open', 'lock']);
    expect(door.allowedCommands('open')).toEqual(['close']);
  });

  it('narrows the state for a command it accepts', () => {
    const state: DoorState = { status: 'open', openedBy: 'a' };
    expect(door.requireState(state, 'close').openedBy).toBe('a');
  });

  it('refuses a command out of its state, naming the state and what is allowed', () => {
    expect(() => door.requireState({ status: 'locked' }, 'open')).toThrow(InvalidTransitionError);
    expect(() => door.requireState({ status: 'locked' }, 'open')).toThrow(
      expect.objectContaining({ details: { command: 'open', currentState: 'locked', allowedCommands: ['unlock'] } }),
    );
  });
});
