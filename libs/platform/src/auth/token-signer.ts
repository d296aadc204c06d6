import { Inject, Injectable, type OnModuleInit } from '@nestjs/common';
import { InjectDataSource } from '@nestjs/typeorm';
import { SettingEntity, UnitOfWork } from '@support/persistence';
import { createHmac, timingSafeEqual } from 'node:crypto';
import { DataSource } from 'typeorm';
import { randomSecret, SETTINGS, type Settings } from '../settings';

const SECRET_KEY = 'token-secret';

/**
 * Signs bearer tokens that stand for one thing (a customer's request): `<purpose>.<subject>.<mac>`.
 * Nothing is stored per token, so the same request always yields the same token (a repeated
 * idempotency key answers with the first answer) and any process can verify it. The secret is
 * made once per installation and kept in the settings table (TOKEN_SECRET overrides it).
 */
@Injectable()
export class TokenSigner implements OnModuleInit {
  private secret = '';

  constructor(
    @InjectDataSource() private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  async onModuleInit(): Promise<void> {
    if (this.settings.tokenSecret) {
      this.secret = this.settings.tokenSecret;
      return;
    }
    const repo = this.dataSource.getRepository(SettingEntity);
    await UnitOfWork.for(this.dataSource).run((m) =>
      m
        .createQueryBuilder()
        .insert()
        .into(SettingEntity)
        .values({ key: SECRET_KEY, value: randomSecret(32) })
        .orIgnore()
        .execute(),
    );
    this.secret = (await repo.findOneByOrFail({ key: SECRET_KEY })).value;
  }

  private mac(purpose: string, subject: string): string {
    return createHmac('sha256', this.secret).update(`${purpose}:${subject}`).digest('base64url');
  }

  sign(purpose: string, subject: string): string {
    return `${purpose}.${subject}.${this.mac(purpose, subject)}`;
  }

  /** The subject of a valid token of this purpose, or null. */
  verify(purpose: string, token: string): string | null {
    const [p, subject, mac] = token.split('.');
    if (p !== purpose || !subject || !mac) return null;
    const expected = Buffer.from(this.mac(purpose, subject));
    const given = Buffer.from(mac);
    return given.length === expected.length && timingSafeEqual(given, expected) ? subject : null;
  }
}
