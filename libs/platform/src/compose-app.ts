import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { PlatformModule, type PlatformOptions } from './platform.module';
import { ReferenceModule } from './reference';
import type { Settings } from './settings';

/** An app = the platform + the feature modules it runs (one stage alone, or all in standalone). */
export function composeApp(settings: Settings, features: (Type | DynamicModule)[], options: PlatformOptions = {}): DynamicModule {
  @Module({})
  class AppModule {}
  return { module: AppModule, imports: [PlatformModule.forRoot(settings, options), ReferenceModule, ...features] };
}
