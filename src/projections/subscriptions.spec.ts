import { DOMAIN_EVENT_TYPES } from './domain-events.js';
import { IGNORED_EVENT_TYPES } from './ignored-event-types.js';
import { PROJECTIONS } from './registry.js';

const handled = new Set<string>(PROJECTIONS.flatMap((projection) => projection.handles));
const ignored = new Set<string>(Object.keys(IGNORED_EVENT_TYPES));

describe('projection subscriptions', () => {
  test('every event type of every domain is handled by a projection or named as deliberately ignored', () => {
    const unaccounted = DOMAIN_EVENT_TYPES.filter((type) => !handled.has(type) && !ignored.has(type));
    expect(unaccounted).toEqual([]);
  });

  test('an event type named as ignored is handled by no projection', () => {
    expect([...ignored].filter((type) => handled.has(type))).toEqual([]);
  });

  test('projections subscribe to domain event types only', () => {
    const known = new Set<string>(DOMAIN_EVENT_TYPES);
    expect([...handled, ...ignored].filter((type) => !known.has(type))).toEqual([]);
  });
});
