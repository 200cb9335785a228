import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty({ example: 'tam-thoi-cap-xa-2026' })
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ example: 'mua thu ha noi vang', description: 'At least PASSWORD_MIN_LENGTH characters, not a common password, not the username' })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}
