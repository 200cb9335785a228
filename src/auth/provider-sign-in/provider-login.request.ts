import { ApiProperty } from '@nestjs/swagger';
import { IsString, IsUrl, Length } from 'class-validator';
import { MatchesRule } from '../../platform/http/request-fields.js';

/** RFC 7636: 43 to 128 unreserved characters. */
const CODE_VERIFIER = /^[A-Za-z0-9._~-]{43,128}$/;

export class ProviderLoginRequest {
  @ApiProperty({ example: 'SplxlOBeZQQYbYS6WxSbIA', description: 'The `code` the provider sent back to the redirect URI' })
  @IsString()
  @Length(1, 2000)
  code!: string;

  @ApiProperty({
    example: 'dBjftJeZ4CVP-mB92K27uhbUJU1p1r_wW1gFWFOEjXk',
    description: 'The PKCE verifier whose S256 challenge went with the authorization request (RFC 7636)',
  })
  @MatchesRule('isCodeVerifier', CODE_VERIFIER)
  codeVerifier!: string;

  @ApiProperty({ example: 'https://disciplina.example.vn/login/callback', description: 'The redirect URI of the authorization request, exactly' })
  @IsUrl({ require_tld: false, require_protocol: true, protocols: ['http', 'https'] })
  @Length(1, 2000)
  redirectUri!: string;

  @ApiProperty({ example: 'n-0S6_WzA2Mj-2026', description: 'The nonce sent with the authorization request: the ID token must carry it back' })
  @IsString()
  @Length(16, 200)
  nonce!: string;
}

export class ProviderAboutResponse {
  @ApiProperty({ example: 'id.ubkt.example.vn', description: 'What the sign-in button names' }) name!: string;
  @ApiProperty({ example: 'https://id.ubkt.example.vn/realms/ubkt' }) issuer!: string;
  @ApiProperty({ example: 'disciplina' }) clientId!: string;
  @ApiProperty({ example: 'https://id.ubkt.example.vn/realms/ubkt/protocol/openid-connect/auth' }) authorizationEndpoint!: string;
  @ApiProperty({ example: 'openid' }) scope!: string;
}
