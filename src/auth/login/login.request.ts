import { ApiProperty } from '@nestjs/swagger';
import { IsString, Length } from 'class-validator';
import { ROLES, type Role } from '../../shared/access/principal.js';

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

export class GrantResponse {
  @ApiProperty({ enum: ROLES, example: 'discipline-officer' }) role!: Role;
  @ApiProperty({ type: String, nullable: true, format: 'uuid', description: 'null: the whole tree' }) organizationId!: string | null;
}

export class LoginResponse {
  @ApiProperty({ description: 'Send as `Authorization: Bearer <token>`' }) accessToken!: string;
  @ApiProperty({ example: 'Bearer' }) tokenType!: 'Bearer';
  @ApiProperty({ description: 'Seconds until the token expires', example: 3600 }) expiresIn!: number;
  @ApiProperty({ description: 'The password was set by an administrator (or generated): the token may only change it', example: false })
  mustChangePassword!: boolean;
  @ApiProperty({ example: 'admin' }) username!: string;
  @ApiProperty({
    type: [GrantResponse],
    description: 'The account’s grants now, for display: each request is checked against the account’s grants at that time',
  })
  grants!: GrantResponse[];
}
