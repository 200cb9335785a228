import { TextField } from '../../../platform/http/request-fields.js';
import type { ProviderIdentity } from '../../domain/account.events.js';

/** A person at an identity provider: its issuer URL (the tokens' `iss`) and their subject there (`sub`). */
export class IdentityRequest {
  @TextField('https://id.ubkt.example.vn/realms/ubkt', { maxLength: 500, description: 'The provider’s issuer, exactly as its tokens’ "iss" say it' })
  issuer!: string;

  @TextField('5f1c2e0a-7b3d-4c9e-8a6f-1d2e3f4a5b6c', { maxLength: 255, description: 'The person’s subject ("sub") at that provider' })
  subject!: string;
}

export function toIdentity(request: IdentityRequest): ProviderIdentity {
  return { issuer: request.issuer, subject: request.subject };
}
