import { Injectable } from '@nestjs/common';
import { StreamCommands, StreamRoutes } from '../commands/stream-commands.js';
import { Appeals } from './appeal.resource.js';
import { DisciplineCases } from './discipline-case.resource.js';
import { DisciplineDirectory } from './discipline-directory.js';
import { DisciplineProcess } from './discipline-process.js';

/** Base of the discipline route classes: the two streams, the records they read and the process step. */
@Injectable()
export abstract class DisciplineRoutes extends StreamRoutes {
  constructor(
    commands: StreamCommands,
    protected readonly cases: DisciplineCases,
    protected readonly appeals: Appeals,
    protected readonly directory: DisciplineDirectory,
    protected readonly process: DisciplineProcess,
  ) {
    super(commands);
  }
}
