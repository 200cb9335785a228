import { Module } from '@nestjs/common';
import { GetRulebookHttp } from './queries/get-rulebook/get-rulebook.http.js';
import { defaultRulebook, Rulebook } from '../rulebook/rulebook.js';

/** The HTTP face of the pure rulebook (src/rulebook, which imports no Nest): the versions shipped in src/rulebook/versions, read and validated once at start-up. */
@Module({
  controllers: [GetRulebookHttp],
  providers: [{ provide: Rulebook, useFactory: defaultRulebook }],
  exports: [Rulebook],
})
export class RulebookModule {}
