import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class ChangePasswordRequest {
  @ApiProperty()
  @IsString()
  @Length(1, 200)
  currentPassword!: string;

  @ApiProperty({ description: 'At least PASSWORD_MIN_LENGTH characters, not a common password, not the username' })
  @IsString()
  @Length(1, 200)
  newPassword!: string;
}
