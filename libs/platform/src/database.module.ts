import { type DynamicModule, Global, Module } from '@nestjs/common';
import { TypeOrmModule } from '@nestjs/typeorm';
import { PUBLISHED_EVENTS } from '@support/messaging';
import { dataSourceOptions, databaseKind, ENTITIES, migrationsFor, MacroStore, MailDeliveryStore, openDatabase, OutboxStore, RequestStore, StuckJobStore } from '@support/persistence';
import { DataSource } from 'typeorm';

/** The database for a process: opened and migrated before anything else may use it. */
@Global()
@Module({})
export class DatabaseModule {
  static forRoot(url: string, poolSize: number): DynamicModule {
    return {
      module: DatabaseModule,
      imports: [
        TypeOrmModule.forRootAsync({
          useFactory: () => dataSourceOptions(url, ENTITIES, migrationsFor(databaseKind(url)), poolSize),
          dataSourceFactory: () => openDatabase(url, poolSize),
        }),
      ],
      providers: [
        { provide: RequestStore, useFactory: (ds: DataSource) => new RequestStore(ds), inject: [DataSource] },
        { provide: StuckJobStore, useFactory: (ds: DataSource) => new StuckJobStore(ds), inject: [DataSource] },
        { provide: OutboxStore, useFactory: (ds: DataSource) => new OutboxStore(ds), inject: [DataSource] },
        { provide: PUBLISHED_EVENTS, useExisting: OutboxStore },
        { provide: MailDeliveryStore, useFactory: (ds: DataSource) => new MailDeliveryStore(ds), inject: [DataSource] },
        { provide: MacroStore, useFactory: (ds: DataSource) => new MacroStore(ds), inject: [DataSource] },
      ],
      exports: [RequestStore, StuckJobStore, OutboxStore, MailDeliveryStore, MacroStore, PUBLISHED_EVENTS, TypeOrmModule],
    };
  }
}
