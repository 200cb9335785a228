import { Logger, type Provider } from '@nestjs/common';
import { Database } from '../../database/database.js';
import { AppConfig } from '../../platform/config/app-config.js';
import { loadMasterKey } from './master-key.js';
import { PersonalDataCodec } from './personal-data-codec.js';
import { SubjectKeys } from './subject-keys.js';

export const personalDataProviders: Provider[] = [
  {
    provide: SubjectKeys,
    inject: [AppConfig, Database],
    useFactory: async (config: AppConfig, database: Database): Promise<SubjectKeys> => {
      const { key, created } = await loadMasterKey(config.personalDataKeyFile, { createWhenMissing: config.createsMissingKeys });
      if (created) {
        new Logger('PersonalData').warn(
          `Created the personal-data master key at ${config.personalDataKeyFile} (key id ${key.keyId}); back it up away from the database: without it no name or birth date can be read`,
        );
      }
      return new SubjectKeys(database.pool, key);
    },
  },
  { provide: PersonalDataCodec, inject: [SubjectKeys], useFactory: (keys: SubjectKeys) => new PersonalDataCodec(keys) },
];
