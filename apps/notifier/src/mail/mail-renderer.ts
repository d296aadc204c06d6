import { Injectable } from '@nestjs/common';
import { repoRoot } from '@support/platform';
import Handlebars from 'handlebars';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const DIR = join(repoRoot(), 'config', 'notifications');

interface KindTexts {
  subject: string;
  intro: string;
  outro?: string;
}

/** The fixed texts of one language (config/notifications/mail.json). */
interface LanguageTexts {
  greeting: string;
  signature: string;
  reference: string;
  replyHint: string;
  selfService: string;
  parts: string;
  openSurvey: string;
  openPortal: string;
  unsubscribe: string;
  kinds: Record<string, KindTexts>;
}

/** What one mail shows; the texts around it come from its language. */
export interface MailView {
  kind: string;
  language: string;
  /** the request's subject, or a subject composed elsewhere (surveys, staff) when `subjectAsIs` */
  subject: string;
  subjectAsIs?: boolean;
  reference: string;
  paragraphs: string[];
  parts?: { reference: string; subject: string }[];
  selfService?: string | null;
  link?: { url: string; label: 'openSurvey' | 'openPortal' } | null;
  /** false for mails a reply cannot answer (staff notices, surveys) */
  replyable: boolean;
  footnote?: 'unsubscribe';
}

export interface RenderedMail {
  language: string;
  subject: string;
  text: string;
  html: string;
}

/**
 * Renders mails with Handlebars: one HTML and one plain-text layout (config/notifications/*.hbs),
 * the fixed texts in the mail's language with English where a language has none, and the
 * customer's and agents' words escaped (HTML) or as written (text). The reference closes the
 * subject, so mail clients and the inbound receiver can tell which request a mail is about.
 */
@Injectable()
export class MailRenderer {
  private readonly texts: Record<string, LanguageTexts> = JSON.parse(readFileSync(join(DIR, 'mail.json'), 'utf8'));
  private readonly html = Handlebars.compile(readFileSync(join(DIR, 'layout.html.hbs'), 'utf8'), { strict: false });
  private readonly text = Handlebars.compile(readFileSync(join(DIR, 'layout.txt.hbs'), 'utf8'), { noEscape: true, strict: false });

  languageFor(language: string | null | undefined): string {
    return language && this.texts[language] ? language : 'en';
  }

  render(view: MailView): RenderedMail {
    const language = this.languageFor(view.language);
    const t = this.texts[language];
    const kind = t.kinds[view.kind] ?? this.texts.en.kinds[view.kind] ?? { subject: '{{subject}}', intro: '' };
    const fill = (template: string) => Handlebars.compile(template, { noEscape: true })({ subject: view.subject.replace(/\s+/g, ' ').trim() });
    const subject = `${view.subjectAsIs ? view.subject : fill(kind.subject)} [${view.reference}]`;
    const model = {
      language,
      subject,
      greeting: t.greeting,
      intro: kind.intro,
      outro: kind.outro,
      paragraphs: view.paragraphs,
      parts: view.parts && view.parts.length > 1 ? view.parts : null,
      partsLabel: t.parts,
      selfService: view.selfService ?? null,
      selfServiceLabel: t.selfService,
      link: view.link ? { url: view.link.url, label: t[view.link.label] } : null,
      signature: t.signature,
      reference: view.reference,
      referenceLabel: t.reference,
      replyHint: view.replyable ? t.replyHint : null,
      footnote: view.footnote ? t[view.footnote] : null,
    };
    return {
      language,
      subject,
      text:
        this.text(model)
          .replace(/\n{3,}/g, '\n\n')
          .trim() + '\n',
      html: this.html(model),
    };
  }
}
