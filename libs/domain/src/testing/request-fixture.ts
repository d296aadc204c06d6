import { type SupportRequest, UNDECIDED } from '../request/aggregate';

/** A request as intake stores it (a home false positive from Latvia), for tests: override what matters. */
export function aRequest(over: Partial<SupportRequest> = {}): SupportRequest {
  const at = over.receivedAt ?? '2026-11-17T10:00:00.000Z';
  return {
    id: 'req_1',
    submissionId: 'sub_1',
    partIndex: 0,
    producerId: 'web-form',
    status: 'received',
    ...UNDECIDED,
    country: 'LV',
    language: 'en',
    customerId: 'c-1',
    customerEmail: 'anna@example.lv',
    companyId: null,
    productCode: 'kav',
    productVersion: '21.3',
    platform: null,
    licenceKey: null,
    channel: 'web',
    topic: null,
    subject: 'False positive',
    description: 'Kaspersky deletes my own program as a trojan. It is a false positive.',
    rulesVersion: '2022-04-07',
    receivedAt: at,
    updatedAt: at,
    ...over,
  };
}
