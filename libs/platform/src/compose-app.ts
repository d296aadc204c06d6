import { type DynamicModule, Module, type Type } from '@nestjs/common';
import { PlatformModule } from './platform.module';
import { ReferenceModule } from './reference';
import type { Settings } from './settings';

/** An app = the platform + the feature modules it runs (one stage alone, or all in standalone). */
export function composeApp(settings: Settings, features: (Type | DynamicModule)[]): DynamicModule {
  @Module({})
  class AppModule {}
  return { module: AppModule, imports: [PlatformModule.forRoot(settings), ReferenceModule, ...features] };
}
