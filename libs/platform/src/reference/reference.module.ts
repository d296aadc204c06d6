import { Global, Module } from '@nestjs/common';
import { LICENCE_REGISTRY } from '@support/domain';
import { ReferenceStore } from '@support/persistence';
import { DataSource } from 'typeorm';
import { SETTINGS, type Settings } from '../settings';
import { RulesService } from './rules.service';

/** Rules versions and reference data, for any stage that decides something. */
@Global()
@Module({
  providers: [
    RulesService,
    { provide: ReferenceStore, useFactory: (ds: DataSource, settings: Settings) => new ReferenceStore(ds, settings.referenceCacheMs), inject: [DataSource, SETTINGS] },
    { provide: LICENCE_REGISTRY, useExisting: ReferenceStore },
  ],
  exports: [RulesService, ReferenceStore, LICENCE_REGISTRY],
})
export class ReferenceModule {}
