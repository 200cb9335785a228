import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';

const KINDS = ['limitation', 'announcement', 'appeal-window', 'lapse', 'state-notice', 'appeal-handling'];

export class DeadlineResponse {
  @ApiProperty({
    enum: KINDS,
    example: 'appeal-window',
    description: 'thời hiệu, hạn công bố, hạn khiếu nại, hết hiệu lực, hạn thông báo cơ quan nhà nước, hạn giải quyết khiếu nại',
  })
  kind!: string;
  @ApiProperty({ format: 'date', example: '2026-06-12' }) dueOn!: string;
  @ApiProperty({ example: 'qd69-264-2025+qd296-2025' }) ruleVersion!: string;
  @ApiProperty({ example: { document: 'Điều lệ Đảng (2011)', article: 'art. 39 cl. 7' } }) citation!: { document: string; article: string };
  @ApiProperty({ example: false, description: 'Whether the sources confirm the period' }) confirmed!: boolean;
  @ApiPropertyOptional({ format: 'uuid', example: '3a9c1e2b-7d4f-4e8a-b5c6-1f2e3d4c5b6a', description: 'For appeal-handling: the appeal' }) appealId?: string;
}

export class CaseDeadlinesResponse {
  @ApiProperty({ format: 'uuid', example: '7c1d2e3f-4a5b-4c6d-8e9f-0a1b2c3d4e5f' }) caseId!: string;
  @ApiProperty({ example: 6, description: 'The case stream version the deadlines were derived at' }) version!: number;
  @ApiProperty({ type: [DeadlineResponse], description: 'Open deadlines, earliest first' }) deadlines!: DeadlineResponse[];
}
