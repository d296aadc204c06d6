import { type DynamicModule, Inject, Injectable, Module, type OnApplicationShutdown, type OnModuleInit } from '@nestjs/common';
import { MailCatcher } from './mail-catcher';
import { OutboxController } from './outbox.controller';

export interface MailCatcherModuleOptions {
  /** The catcher to serve (default: a new MailCatcher()). Inject it elsewhere as `MailCatcher`. */
  catcher?: MailCatcher;
  /**
   * A port to start it on when the app starts (0: any free port; read it from `catcher.port`), and
   * stop it when the app stops. Leave it out when the caller starts and stops the catcher itself.
   */
  port?: number;
}

const OPTIONS = Symbol('MailCatcherModuleOptions');

/** Starts and stops the catcher with the app when asked to (`port`). */
@Injectable()
class CatcherLifecycle implements OnModuleInit, OnApplicationShutdown {
  constructor(
    private readonly catcher: MailCatcher,
    @Inject(OPTIONS) private readonly options: MailCatcherModuleOptions,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.options.port !== undefined) await this.catcher.start(this.options.port);
  }

  async onApplicationShutdown(): Promise<void> {
    if (this.options.port !== undefined) await this.catcher.stop();
  }
}

/**
 * The demo's mail catcher and its page GET /admin/outbox (admin only). `npm start` without SMTP_URL
 * runs it; the notifier's transport then points at `smtp://127.0.0.1:<catcher.port>`.
 */
@Module({})
export class MailCatcherModule {
  static forRoot(options: MailCatcherModuleOptions = {}): DynamicModule {
    const catcher = options.catcher ?? new MailCatcher();
    return {
      module: MailCatcherModule,
      controllers: [OutboxController],
      providers: [{ provide: MailCatcher, useValue: catcher }, { provide: OPTIONS, useValue: options }, CatcherLifecycle],
      exports: [MailCatcher],
    };
  }
}
