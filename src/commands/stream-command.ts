import { Command as BusCommand, CommandHandler, type ICommandHandler } from '@nestjs/cqrs';
import { EventSourcedStreams, type CommandCause } from '../event-store/event-sourced-streams.js';
import type { Command, CommandMetadata } from '../shared/domain/decider.js';
import { toView, type AnyStreamResource, type StreamView } from './stream-resource.js';
import { StreamScope } from './stream-scope.js';

/** A domain command for one stream, as the CommandBus carries it: start the stream, or act on it. */
export class StreamCommand<S = unknown> extends BusCommand<StreamView<S>> {
  constructor(
    readonly resource: AnyStreamResource<S>,
    readonly id: string,
    readonly type: string,
    readonly data: unknown,
    readonly target: { readonly creates: true } | { readonly creates: false; readonly expectedVersion: number | undefined },
    readonly cause?: CommandCause,
  ) {
    super();
  }
}

/** The one place a command is run: load the stream, check the caller may act on it, decide, append. */
@CommandHandler(StreamCommand)
export class StreamCommandHandler implements ICommandHandler<StreamCommand> {
  constructor(
    private readonly streams: EventSourcedStreams,
    private readonly scope: StreamScope,
  ) {}

  async execute({ resource, id, type, data, target, cause }: StreamCommand): Promise<StreamView<unknown>> {
    const command = (metadata: CommandMetadata) => ({ type, data, metadata }) as Command;
    const handled = await this.streams.handle(resource, resource.streamId(id), command, {
      ...target,
      cause,
      authorize: (state) => (target.creates ? this.scope.requireCreatable(resource, state) : this.scope.requireVisible(resource, id, state)),
    });
    return toView(resource, id, handled, false);
  }
}
