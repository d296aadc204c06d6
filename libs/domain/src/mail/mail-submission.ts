import { DESCRIPTION_MAX_LENGTH, SUBJECT_MAX_LENGTH, type SubmissionDto } from '@support/contracts';
import { UNNAMED_PRODUCT } from '../catalogue';
import { MAIL_TEXT_READ_MAX, plainText } from './plain-text';

/** What a new mail to the support address says about itself. */
export interface MailFacts {
  /** The sender's address (the envelope's or the From header's). */
  from: string;
  subject: string;
  /** The text part, or the HTML part as text, as far as it is read (mail-in's mailText: at most MAIL_TEXT_READ_MAX characters). */
  text: string;
}

/** The customer's latest earlier request, found by their address: what a mail does not say. */
export interface EarlierRequest {
  customerId: string;
  country: string;
  language: string | null;
  companyId: string | null;
  productCode: string;
  productVersion: string;
  licenceKey: string | null;
}

/** The country of an address's country-code domain (anna@example.lv → LV), for a sender without earlier requests; the caller checks it is ISO 3166. */
export const countryOfAddress = (address: string): string | null => {
  const tld = /\.([a-z]{2})$/i.exec(address.trim())?.[1]?.toUpperCase();
  return tld === 'UK' ? 'GB' : (tld ?? null);
};

/**
 * The submission a mail to the support address becomes (producer `email`, channel `email`): the
 * sender is the customer; country, language, company, product and licence come from their
 * latest earlier request when there is one. An empty subject or body borrows from the other.
 */
export function mailSubmission(mail: MailFacts, earlier: EarlierRequest | null, idempotencyKey: string, fallbackCountry: string): SubmissionDto {
  const email = mail.from.trim().toLowerCase();
  const text = plainText(mail.text).trim();
  const subject = (plainText(mail.subject.slice(0, MAIL_TEXT_READ_MAX)).replace(/\s+/g, ' ').trim() || text.split('\n')[0].trim() || '(no subject)').slice(0, SUBJECT_MAX_LENGTH);
  return {
    idempotencyKey,
    channel: 'email',
    subject,
    description: (text || subject).slice(0, DESCRIPTION_MAX_LENGTH),
    customer: {
      id: earlier?.customerId ?? email.slice(0, 128),
      email,
      country: earlier?.country ?? fallbackCountry,
      ...(earlier?.language ? { language: earlier.language } : {}),
    },
    product: earlier ? { code: earlier.productCode, version: earlier.productVersion } : { ...UNNAMED_PRODUCT },
    ...(earlier?.companyId ? { companyId: earlier.companyId } : {}),
    ...(earlier?.licenceKey ? { licenceKey: earlier.licenceKey } : {}),
  } as SubmissionDto;
}
