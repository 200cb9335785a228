import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { IsBoolean, IsOptional, IsString, Length } from 'class-validator';

export class ResetPasswordRequest {
  @ApiProperty({ example: 'dat-lai-cap-xa-2026', description: 'The new password, to change at the next login' })
  @IsString()
  @Length(1, 200)
  password!: string;

  @ApiPropertyOptional({ description: 'false: no change at the next login (an administrator over the whole tree only)', example: true })
  @IsOptional()
  @IsBoolean()
  mustChangePassword?: boolean;
}
