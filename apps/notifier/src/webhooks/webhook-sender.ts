import { lookup as dnsLookup, type LookupAddress } from 'node:dns';
import { request as httpRequest, type RequestOptions } from 'node:http';
import { request as httpsRequest } from 'node:https';
import { type AttemptResult, isPrivateAddress, targetProblems } from '@support/domain';
import { Webhook } from 'standardwebhooks';

export interface SendOptions {
  timeoutMs: number;
  /** false: refuse a target that is, or resolves to, a private or loopback address (SSRF). */
  allowPrivate: boolean;
}

/** The Standard Webhooks headers of one attempt: the id is the delivery's, the timestamp the attempt's. */
export function signedHeaders(secret: string, messageId: string, at: Date, body: string): Record<string, string> {
  return {
    'content-type': 'application/json',
    'user-agent': 'support-workflow-webhooks/1',
    'webhook-id': messageId,
    'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
    'webhook-signature': new Webhook(secret).sign(messageId, at, body),
  };
}

/** DNS resolution that refuses private addresses: checked on the address actually connected to, so a name cannot rebind. */
export const publicOnlyLookup: NonNullable<RequestOptions['lookup']> = (hostname, options, callback) =>
  dnsLookup(hostname, options, (error, address, family) => {
    if (error) return callback(error, address, family as number);
    const addresses: LookupAddress[] = Array.isArray(address) ? address : [{ address, family: family as number }];
    const bad = addresses.find((a) => isPrivateAddress(a.address));
    if (bad) return callback(new Error(`${hostname} resolves to a private address (${bad.address}): refused (WEBHOOK_PRIVATE_TARGETS)`), address, family as number);
    callback(null, address, family as number);
  });

/**
 * One POST of a webhook: the receiver's status, or the error that stopped it (no answer within the
 * timeout, refused, DNS). Redirects are not followed (a 3xx is a failed attempt). Never throws.
 */
export function postWebhook(url: string, headers: Record<string, string>, body: string, options: SendOptions): Promise<AttemptResult> {
  const problems = targetProblems(url, options.allowPrivate);
  if (problems.length > 0) return Promise.resolve({ error: problems.join('; ') });
  return new Promise((resolve) => {
    const target = new URL(url);
    const send = target.protocol === 'https:' ? httpsRequest : httpRequest;
    const req = send(target, {
      method: 'POST',
      headers: { ...headers, 'content-length': String(Buffer.byteLength(body)) },
      agent: false,
      lookup: options.allowPrivate ? undefined : publicOnlyLookup,
    });
    const timer = setTimeout(() => req.destroy(new Error(`no answer within ${options.timeoutMs} ms`)), options.timeoutMs);
    req.on('response', (res) => {
      clearTimeout(timer);
      resolve({ status: res.statusCode ?? 0 });
      // Only the status counts: the body is not read (nor kept).
      res.destroy();
    });
    req.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      resolve({ error: error.code && !error.message.includes(error.code) ? `${error.code}: ${error.message}` : error.message });
    });
    req.end(body);
  });
}
