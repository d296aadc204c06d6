import type { MailAttachmentView, RefusedAttachmentView } from '@support/contracts';
import { attachmentRefusal, plainText } from '@support/domain';
import { MailAttachmentEntity } from '@support/persistence';
import type { Attachment } from 'mailparser';
import { createHash } from 'node:crypto';
import type { EntityManager } from 'typeorm';

export interface SortedAttachments {
  kept: MailAttachmentView[];
  refused: RefusedAttachmentView[];
  /** Inserts the kept ones (in the transaction of the message they came with). */
  store(manager: EntityManager, requestId: string): Promise<void>;
}

/**
 * Which attachments of a mail are kept (libs/domain attachment policy). Ids derive from the
 * message key and the position, so a mail received again writes the same rows.
 */
export function sortAttachments(attachments: readonly Attachment[], messageKey: string): SortedAttachments {
  const kept: { view: MailAttachmentView; content: Buffer }[] = [];
  const refused: RefusedAttachmentView[] = [];
  attachments.forEach((a, index) => {
    const facts = {
      filename: plainText(a.filename || `attachment-${index + 1}`).slice(0, 255),
      contentType: plainText(a.contentType || 'application/octet-stream').slice(0, 128),
      size: a.size ?? a.content.length,
    };
    const refusal = attachmentRefusal(facts, kept.length);
    if (refusal) refused.push({ ...facts, reason: refusal });
    else kept.push({ view: { id: `att_${createHash('sha256').update(`${messageKey}:${index}`).digest('hex').slice(0, 32)}`, ...facts }, content: a.content });
  });
  return {
    kept: kept.map((k) => k.view),
    refused,
    store: async (manager, requestId) => {
      if (kept.length === 0) return;
      await manager.insert(
        MailAttachmentEntity,
        kept.map((k) => ({ ...k.view, requestId, messageKey, content: k.content.toString('base64') })),
      );
    },
  };
}
