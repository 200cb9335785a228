import { randomUUID } from 'node:crypto';

/** The one source of time for the whole service; tests substitute a fixed clock. */
export abstract class Clock {
  abstract now(): Date;
}

export class SystemClock extends Clock {
  now(): Date {
    return new Date();
  }
}

/** The one source of identifiers. */
export abstract class IdGenerator {
  abstract next(): string;
}

export class RandomIdGenerator extends IdGenerator {
  next(): string {
    return randomUUID();
  }
}
