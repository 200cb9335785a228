import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';

export class LoginRequest {
  @ApiProperty({ example: 'admin' })
  @IsString()
  @Length(1, 100)
  username!: string;

  @ApiProperty({ example: 'the ADMIN_PASSWORD given at first start' })
  @IsString()
  @Length(1, 200)
  password!: string;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 }) expiresIn!: number;
  @ApiProperty({ description: 'The password was set by an administrator (or generated): the token may only change it', example: false })
  mustChangePassword!: boolean;
}
