import type { RequestFacts } from '@support/domain';
import type { RequestEntity } from '@support/persistence';

/** The domain's view of a stored request. */
export function factsOf(r: RequestEntity): RequestFacts {
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
    platform: (r.platform as RequestFacts['platform']) ?? null,
    receivedAt: new Date(r.receivedAt),
  };
}
