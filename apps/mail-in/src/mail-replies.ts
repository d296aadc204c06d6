import { ConflictException, Inject, Injectable, Logger } from '@nestjs/common';
import { replyText } from '@support/domain';
import { InboundMailEntity, RequestStore } from '@support/persistence';
import { CustomerReplies, SETTINGS, type Settings, supportAddress } from '@support/platform';
import type { ParsedMail } from 'mailparser';
import { DataSource, type EntityManager } from 'typeorm';
import { sortAttachments } from './mail-attachments';
import { MailRefused } from './mail-refused';
import { mailText } from './mail-text';
import { replyKey } from './message-key';

const BODY_MAX = 20_000;

/**
 * A reply mail to a request's reply address, already verified for this sender: a customer reply
 * through the same path as POST /v1/requests/:id/customer-replies (CustomerReplies), with the
 * quoted history stripped and the attachments kept or refused. Its inbound_mails row commits with
 * it: the same Message-ID again finds the row and stores nothing.
 */
@Injectable()
export class MailReplies {
  private readonly log = new Logger('MailIn');

  constructor(
    private readonly store: RequestStore,
    private readonly replies: CustomerReplies,
    private readonly dataSource: DataSource,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** Resolves once stored (or found stored before); throws MailRefused for a mail the request cannot take. */
  async receive(requestId: string, mail: ParsedMail, messageKey: string): Promise<'stored' | 'duplicate'> {
    const key = replyKey(messageKey, requestId);
    const attachments = sortAttachments(mail.attachments, key);
    for (const r of attachments.refused) this.log.warn({ msg: 'mail attachment refused', requestId, messageKey: key, contentType: r.contentType, size: r.size, reason: r.reason });
    const text = replyText(mailText(mail));
    const body = (text || (attachments.kept.length > 0 ? '(attachments only)' : '(empty message)')).slice(0, BODY_MAX);
    const detail = {
      channel: 'email' as const,
      ...(attachments.kept.length ? { attachments: attachments.kept } : {}),
      ...(attachments.refused.length ? { refusedAttachments: attachments.refused } : {}),
    };
    // Twice at most: a message stored meanwhile from the same stale view (two mails at once) is a 409 the second time round.
    for (let attempt = 0; ; attempt++) {
      if (await this.seen(key)) return 'duplicate';
      const request = await this.store.find(requestId);
      if (!request) throw new MailRefused(550, 'request-gone', `5.1.1 this request no longer exists: please write to ${supportAddress(this.settings.mailDomain)}`);
      const alsoStore = async (m: EntityManager) => {
        await m.insert(InboundMailEntity, { messageKey: key, kind: 'reply', requestId, receivedAt: new Date().toISOString() });
        await attachments.store(m, requestId);
      };
      try {
        await this.replies.reply('customer', request, body, { detail, alsoStore });
        return 'stored';
      } catch (error) {
        if (!(error instanceof ConflictException)) throw error;
        if (await this.seen(key)) return 'duplicate';
        if (/already received/.test(error.message)) {
          if (attempt === 0) continue;
          throw error; // still racing: a 451, the sending server tries again later
        }
        // Closed, declined, resolved too long ago: the customer is told to write a new request.
        throw new MailRefused(550, 'request-finished', `5.7.1 ${error.message} (write to ${supportAddress(this.settings.mailDomain)})`);
      }
    }
  }

  private async seen(key: string): Promise<boolean> {
    return (await this.dataSource.getRepository(InboundMailEntity).countBy({ messageKey: key })) > 0;
  }
}
