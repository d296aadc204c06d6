import { Inject, Injectable } from '@nestjs/common';
import { type FieldError, InvalidInputError, WEBHOOK_EVENTS } from '@support/contracts';
import { eventListProblems, SECRET_PREFIX, secretProblem, targetProblems } from '@support/domain';
import { WebhookStore } from '@support/persistence';
import { SETTINGS, type Settings } from '@support/platform';
import { randomBytes } from 'node:crypto';
import type { WebhookSubscriptionDto } from './webhook-subscription.dto';
import { subscriptionView, type WebhookSubscriptionView } from './webhook-views';

export interface PutResult {
  created: boolean;
  subscription: WebhookSubscriptionView;
  /** The secret, only when this call set it (created, given, or rotated): it is never answered again. */
  secret: string | null;
}

const newSecret = () => `${SECRET_PREFIX}${randomBytes(32).toString('base64')}`;

/** Creating and replacing subscriptions: their checks, and their secrets (shown once). */
@Injectable()
export class WebhookSubscriptions {
  constructor(
    private readonly store: WebhookStore,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Every problem of a subscription's body, by field (400), or nothing. */
  check(dto: WebhookSubscriptionDto): void {
    const errors: FieldError[] = [];
    const add = (field: string, messages: string[]) => messages.length > 0 && errors.push({ field, messages });
    add('url', targetProblems(dto.url, this.settings.webhooks.allowPrivateTargets));
    add('events', eventListProblems(dto.events, WEBHOOK_EVENTS));
    add('secret', dto.secret == null ? [] : [secretProblem(dto.secret)].filter((p): p is string => p !== null));
    if (errors.length > 0) throw new InvalidInputError(errors);
  }

  /**
   * Creates or replaces a subscription. A PUT also re-enables a disabled one (the administrator
   * fixed the receiver) and starts its failure count again.
   */
  async put(id: string, dto: WebhookSubscriptionDto, rotateSecret: boolean): Promise<PutResult> {
    this.check(dto);
    const existing = await this.store.subscription(id);
    const secret = dto.secret ?? (existing && !rotateSecret ? existing.secret : newSecret());
    const now = new Date().toISOString();
    const row = {
      id,
      url: dto.url,
      events: dto.events,
      secret,
      enabled: true,
      disabledReason: null,
      disabledAt: null,
      consecutiveFailures: 0,
      createdAt: existing?.createdAt ?? now,
      updatedAt: now,
    };
    await this.store.saveSubscription(row);
    return { created: !existing, subscription: subscriptionView(row), secret: secret !== existing?.secret ? secret : null };
  }
}
