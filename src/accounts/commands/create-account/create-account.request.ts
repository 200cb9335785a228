import { ApiProperty, ApiPropertyOptional } from '@nestjs/swagger';
import { Type } from 'class-transformer';
import { ArrayMaxSize, ArrayMinSize, IsArray, IsBoolean, IsDefined, IsOptional, IsString, Length, ValidateNested } from 'class-validator';
import { GrantRequest } from '../grants/grant.request.js';

export class CreateAccountRequest {
  @ApiProperty({ example: 'can-bo.xa-a', description: '2 to 64 lower-case letters, digits, ".", "-" or "_"' })
  @IsString()
  @Length(2, 64)
  username!: string;

  @ApiProperty({
    example: 'tam-thoi-cap-xa-2026',
    description: 'Set by the administrator: to change at the first login. At least PASSWORD_MIN_LENGTH characters, not a common password',
  })
  @IsString()
  @Length(1, 200)
  password!: string;

  @ApiProperty({ type: [GrantRequest] })
  @IsDefined()
  @IsArray()
  @ArrayMinSize(1)
  @ArrayMaxSize(50)
  @ValidateNested({ each: true })
  @Type(() => GrantRequest)
  grants!: GrantRequest[];

  @ApiPropertyOptional({ description: 'false: no change at the first login (an administrator over the whole tree only)', example: true })
  @IsOptional()
  @IsBoolean()
  mustChangePassword?: boolean;
}
