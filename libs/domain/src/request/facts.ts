import type { RequestFacts } from '../triage';
import type { SupportRequest } from './aggregate';

/** What the decisions read of a stored request. */
export function factsOf(r: SupportRequest): RequestFacts {
  return {
    subject: r.subject,
    description: r.description,
    topic: r.topic,
    language: r.language,
    country: r.country,
    customerId: r.customerId,
    companyId: r.companyId,
    productCode: r.productCode,
    productVersion: r.productVersion,
    platform: r.platform,
    receivedAt: new Date(r.receivedAt),
  };
}
