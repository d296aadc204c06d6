import { isIP } from 'node:net';

const V4_PRIVATE: [number, number][] = [
  [0x00000000, 8], // "this" network
  [0x0a000000, 8], // 10/8
  [0x64400000, 10], // carrier-grade NAT 100.64/10
  [0x7f000000, 8], // loopback
  [0xa9fe0000, 16], // link-local (cloud metadata lives here)
  [0xac100000, 12], // 172.16/12
  [0xc0a80000, 16], // 192.168/16
  [0xe0000000, 3], // multicast and reserved
];

function v4ToInt(ip: string): number {
  return ip.split('.').reduce((n, part) => n * 256 + Number(part), 0);
}

/** Loopback, private, link-local and other addresses no public receiver has (IPv4 and IPv6). */
export function isPrivateAddress(ip: string): boolean {
  const kind = isIP(ip);
  if (kind === 4) return V4_PRIVATE.some(([net, bits]) => v4ToInt(ip) >>> (32 - bits) === net >>> (32 - bits));
  if (kind !== 6) return false;
  const lower = ip.toLowerCase();
  const mapped = /^::ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(lower);
  if (mapped) return isPrivateAddress(mapped[1]);
  return lower === '::' || lower === '::1' || /^f[cd]/.test(lower) || /^fe[89ab]/.test(lower) || /^ff/.test(lower);
}

/**
 * What is wrong with a webhook target: it must be an absolute http(s) URL; with `allowPrivate`
 * false, a literal private address or `localhost` is refused too (names are checked again when
 * they resolve, at delivery).
 */
export function targetProblems(url: string, allowPrivate: boolean): string[] {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    return ['url must be an absolute http:// or https:// URL'];
  }
  if (parsed.protocol !== 'http:' && parsed.protocol !== 'https:') return [`url must use http or https (got ${parsed.protocol.replace(':', '')})`];
  if (parsed.username || parsed.password) return ['url must not carry a user name or password (the signature authenticates the sender)'];
  const host = parsed.hostname.replace(/^\[|\]$/g, '');
  if (!allowPrivate && (host === 'localhost' || host.endsWith('.localhost') || isPrivateAddress(host))) {
    return [`url must point to a public address, not ${host} (private and loopback targets are refused here: WEBHOOK_PRIVATE_TARGETS)`];
  }
  return [];
}
