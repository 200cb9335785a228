import { ApiProperty } from '@nestjs/swagger';

const CITATION = { document: 'Quy định 69-QĐ/TW (2022)', article: 'art. 4 cl. 2' };

/** One dated version of the rules, each rule with its citation and whether the sources confirm it. */
export class RuleVersionResponse {
  @ApiProperty({ example: 'qd69-264-2025+qd296-2025' }) id!: string;
  @ApiProperty({ example: 'Quy định 69-QĐ/TW as amended by 264-QĐ/TW (2025) with Quy định 296-QĐ/TW (2025)' }) title!: string;
  @ApiProperty({ format: 'date', example: '2025-05-30' }) effectiveFrom!: string;
  @ApiProperty({ format: 'date', nullable: true, example: null, description: 'Null while in force' }) effectiveTo!: string | null;
  @ApiProperty({ type: [String], example: ['Điều lệ Đảng (2011)', 'Quy định 69-QĐ/TW (2022)', 'Quy định 296-QĐ/TW (2025)'] }) documents!: string[];
  @ApiProperty({
    description:
      'Every rule family (structure, forms, authority, voting, limitation, deferral, effect, lapse, consequences, appeal, restoration, stateCoupling) with `citation` and `confirmed`',
    example: {
      limitation: {
        member: {
          periods: [{ form: 'reprimand', period: { amount: 5, unit: 'years' } }],
          imprescriptibleOffences: ['internal-politics'],
          citation: CITATION,
          confirmed: true,
        },
        restartsOnNewViolation: true,
        citation: CITATION,
        confirmed: true,
      },
    },
  })
  rules!: Record<string, unknown>;
}

export class RulebookResponse {
  @ApiProperty({ type: [RuleVersionResponse], description: 'Oldest first; each decision pins the version in force on its date' })
  versions!: RuleVersionResponse[];
}
