import { Injectable, Logger } from '@nestjs/common';
import { EventStore } from '../event-store/event-store.js';
import { ServiceCalendar } from '../shared/calendar.js';
import { requestContext } from '../shared/request-context.js';

export interface AccessDenial {
  readonly actor: string | null;
  readonly method: string;
  /** The route pattern, not the URL: the ids asked for are not repeated into the trail. */
  readonly route: string;
  readonly status: 401 | 403;
  readonly code: string;
}

/** Every refused access becomes an `AccessDenied` event, one stream per day. */
@Injectable()
export class AccessDenials {
  private readonly logger = new Logger('AccessDenials');

  constructor(
    private readonly store: EventStore,
    private readonly calendar: ServiceCalendar,
  ) {}

  async record(denial: AccessDenial): Promise<void> {
    const context = requestContext.current();
    try {
      await this.store.append({
        streamId: `access-denials-${this.calendar.today()}`,
        streamType: 'access-denials',
        expectedVersion: 'any',
        events: [{ type: 'AccessDenied', data: { ...denial } }],
        metadata: {
          actor: denial.actor ?? 'anonymous',
          correlationId: context?.correlationId ?? 'none',
          ...(context?.requestId ? { requestId: context.requestId } : {}),
        },
      });
    } catch (error) {
      // The refusal stands either way; a lost record is logged rather than turned into a 500.
      this.logger.error(`could not record an access denial: ${String(error)}`);
    }
  }
}
