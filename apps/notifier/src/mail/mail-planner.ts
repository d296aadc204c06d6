import { Inject, Injectable } from '@nestjs/common';
import type { NotificationData } from '@support/contracts';
import { customerMailFor, occurrenceOf, replyLanguage, type SupportRequest } from '@support/domain';
import { type MailDeliveryEntity, ReferenceStore, RequestStore } from '@support/persistence';
import { ReplyAddresses, RulesService, SETTINGS, type Settings } from '@support/platform';
import { createHash } from 'node:crypto';
import { MailRenderer, type MailView } from './mail-renderer';

/** A mail decided and rendered, before it is stored as a delivery. */
export type PlannedMail = Pick<MailDeliveryEntity, 'id' | 'requestId' | 'about' | 'occurrence' | 'kind' | 'recipient' | 'language' | 'subject' | 'text' | 'html' | 'headers'>;

/** One mail per (event occurrence, recipient): the same event heard again plans the same id. */
export const deliveryId = (occurrence: string, recipient: string): string => `m_${createHash('sha256').update(`${occurrence}|${recipient.toLowerCase()}`).digest('hex').slice(0, 40)}`;

const isAddress = (value: string | null | undefined): value is string => !!value && /^[^\s@<>]+@[^\s@<>]+$/.test(value);

/**
 * Decides who hears of an event by mail and renders each mail: the customer for their request's
 * events (customerMailFor), the customer or the company contact for a survey (7.1 link, 7.2
 * portal notice), a team's supervisors with an address for SLA warnings, breaches and
 * escalations. Every mail of a request threads under one root Message-ID; customer mails carry
 * the request's reply address.
 */
@Injectable()
export class MailPlanner {
  constructor(
    private readonly store: RequestStore,
    private readonly reference: ReferenceStore,
    private readonly rules: RulesService,
    private readonly renderer: MailRenderer,
    private readonly replies: ReplyAddresses,
    @Inject(SETTINGS) private readonly settings: Settings,
  ) {}

  /** The request's root Message-ID: its first mail has it, the others answer it. */
  private root(requestId: string): string {
    return `<${requestId}@${this.settings.mailDomain}>`;
  }

  private planned(
    about: string,
    occurrence: string,
    recipient: string,
    requestId: string | null,
    view: MailView,
    extra: { first?: boolean; replyTo?: string | null; listUnsubscribe?: string | null } = {},
  ): PlannedMail {
    const id = deliveryId(occurrence, recipient);
    const rendered = this.renderer.render(view);
    const root = requestId ? this.root(requestId) : null;
    const messageId = extra.first && root ? root : `<${id}@${this.settings.mailDomain}>`;
    return {
      id,
      requestId,
      about,
      occurrence,
      kind: view.kind,
      recipient,
      language: rendered.language,
      subject: rendered.subject,
      text: rendered.text,
      html: rendered.html,
      headers: {
        messageId,
        inReplyTo: root && messageId !== root ? root : null,
        references: root && messageId !== root ? [root] : [],
        replyTo: extra.replyTo ?? null,
        listUnsubscribe: extra.listUnsubscribe ?? null,
      },
    };
  }

  /** The customer's mail about an event of their request, if the event calls for one. */
  async forRequestEvent(event: string, jobId: string, request: SupportRequest): Promise<PlannedMail[]> {
    if (!isAddress(request.customerEmail)) return [];
    const timeline = await this.store.timeline(request.id);
    const mail = customerMailFor(event, occurrenceOf(jobId, request.id, event), request, timeline);
    if (!mail) return [];
    const language = this.renderer.languageFor(request.language);
    const view: MailView = {
      kind: mail.kind,
      language,
      subject: request.subject,
      reference: request.id,
      paragraphs: mail.paragraphs,
      parts: mail.listParts ? await this.partsOf(request) : undefined,
      selfService: mail.selfService ? this.selfService(request, language) : null,
      replyable: true,
    };
    const replyTo = this.replies.addressFor(request.id, request.customerEmail);
    return [this.planned(event, jobId, request.customerEmail, request.id, view, { first: mail.kind === 'received', replyTo })];
  }

  /** Survey invitations and SLA notices, as the survey scheduler and the SLA clock composed them. */
  async forNotification(event: string, jobId: string, data: NotificationData): Promise<PlannedMail[]> {
    if (data.to.kind === 'supervisors') {
      const team = data.to.team ?? data.to.id;
      const supervisors = team ? await this.reference.agentsOf(team, 'supervisor') : [];
      const view: MailView = {
        kind: event.replace('sla.', 'sla-'),
        language: 'en',
        subject: data.subject,
        subjectAsIs: true,
        reference: data.requestId ?? '-',
        paragraphs: [data.body],
        replyable: false,
      };
      return supervisors.filter((s) => isAddress(s.email)).map((s) => this.planned(event, jobId, s.email as string, data.requestId ?? null, view));
    }
    if (event !== 'survey.delivery' || !isAddress(data.to.email)) return [];
    const language = this.renderer.languageFor(typeof data.detail?.language === 'string' ? data.detail.language : null);
    const portal = data.to.kind === 'company';
    const view: MailView = {
      kind: 'survey',
      language,
      subject: data.subject,
      subjectAsIs: true,
      reference: data.requestId ?? data.surveyId ?? '-',
      paragraphs: [data.body],
      link: data.link ? { url: data.link, label: portal ? 'openPortal' : 'openSurvey' } : null,
      replyable: false,
      footnote: 'unsubscribe',
    };
    // One-click unsubscribe (RFC 8058): an https link the survey scheduler signed for this customer.
    const unsubscribe = typeof data.detail?.unsubscribe === 'string' ? data.detail.unsubscribe : null;
    const listUnsubscribe = unsubscribe ? `<${unsubscribe}>` : null;
    return [this.planned(event, jobId, data.to.email, data.requestId ?? null, view, { listUnsubscribe })];
  }

  /** Rule 2.3: the requests the customer's one message became, in order. */
  private async partsOf(request: SupportRequest): Promise<{ reference: string; subject: string }[]> {
    const submission = await this.store.findSubmissionById(request.submissionId);
    if (!submission) return [];
    const parts = await Promise.all(submission.requestIds.map((id) => this.store.find(id)));
    return parts.filter((p): p is NonNullable<typeof p> => !!p).map((p) => ({ reference: p.id, subject: p.subject }));
  }

  /** Rule 2.1's self-service pointers for the request's segment, in its language. */
  private selfService(request: SupportRequest, language: string): string | null {
    const rules = this.rules.of(request);
    const segment = request.segment ?? 'home';
    return rules.selfService[segment]?.[replyLanguage(language)] ?? null;
  }
}
