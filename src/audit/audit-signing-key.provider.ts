import { Logger, type Provider } from '@nestjs/common';
import { AppConfig } from '../platform/config/app-config.js';
import { loadSigningKey, type SigningKey } from './signing-key.js';

/** Injection token for the checkpoint signing key. */
export abstract class AuditSigningKey {
  abstract readonly key: SigningKey;
}

export const auditSigningKeyProvider: Provider = {
  provide: AuditSigningKey,
  inject: [AppConfig],
  useFactory: async (config: AppConfig): Promise<AuditSigningKey> => {
    const { key, created } = await loadSigningKey(config.auditSigningKeyFile, { createWhenMissing: config.createsMissingKeys });
    if (created) {
      new Logger('Audit').warn(
        `Created an audit signing key at ${config.auditSigningKeyFile} (key id ${key.keyId}); keep a copy of its public key away from the database`,
      );
    }
    return { key };
  },
};
