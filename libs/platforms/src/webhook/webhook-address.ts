import { lookup as dnsLookup } from 'node:dns/promises';
import ipaddr from 'ipaddr.js';
import { PublishError } from '../adapter';

/**
 * Where a webhook may be delivered. A webhook URL is typed in by a workspace member, so it is
 * untrusted: without these rules it would let anyone make the server call its own admin
 * ports, the cloud metadata service (169.254.169.254) or the office network. The rules are
 * applied to every address a name resolves to, before any connection is made, and the
 * connection is then pinned to the checked address, so a name cannot resolve to something
 * harmless for the check and to something else for the connection (DNS rebinding).
 * See docs/webhooks.md.
 */

/** One allowed receiver: a host name, or an address range; either optionally with one port. */
export type WebhookAllowEntry =
  | { kind: 'host'; host: string; port: number | null }
  | { kind: 'range'; range: [ipaddr.IPv4 | ipaddr.IPv6, number]; port: number | null };

export type WebhookAllowList = readonly WebhookAllowEntry[];

/** The name of the variable that holds the allow-list; messages name it. */
export const WEBHOOK_ALLOW_VARIABLE = 'POSTPLAN_WEBHOOK_ALLOW';

export class WebhookAllowListError extends Error {
  override readonly name = 'WebhookAllowListError';
  constructor(
    readonly variable: string,
    /** What is wrong, without the variable's name (for messages that name it already). */
    readonly detail: string,
  ) {
    super(`${variable}: ${detail}`);
  }
}

const HOST_NAME = /^(?=.{1,253}$)(?!-)[a-z0-9-]{1,63}(?<!-)(?:\.(?!-)[a-z0-9-]{1,63}(?<!-))*\.?$/i;

/**
 * Parses the allow-list for self-hosted receivers: comma-separated host names
 * (`hooks.internal.example`), addresses (`127.0.0.1`, `::1`, `[::1]:4000`), CIDR ranges
 * (`10.20.0.0/16`, `fd00::/8`), each optionally with `:port` (IPv6 addresses with a port in
 * brackets). Empty or unset: nothing beyond the public internet. Throws a
 * WebhookAllowListError whose message names the variable and the entry.
 */
export function parseWebhookAllowList(
  value: string | undefined,
  variable: string = WEBHOOK_ALLOW_VARIABLE,
): WebhookAllowList {
  if (value === undefined || value.trim() === '') return [];
  return value.split(',').map((raw, i) => {
    const entry = raw.trim();
    const fail = (why: string) =>
      new WebhookAllowListError(variable, `entry ${i + 1} "${entry}" ${why}`);
    if (entry === '') throw fail('is empty (two commas in a row?)');
    if (entry.includes('://'))
      throw fail('is a URL; give only the host name or address (and port)');
    const { target, port } = splitPort(entry, fail);
    if (target.includes('/')) {
      try {
        return { kind: 'range', range: ipaddr.parseCIDR(target), port };
      } catch {
        throw fail('is not a valid CIDR range such as 10.20.0.0/16 or fd00::/8');
      }
    }
    if (ipaddr.IPv4.isValidFourPartDecimal(target) || ipaddr.IPv6.isValid(target)) {
      const address = ipaddr.parse(target);
      return { kind: 'range', range: [address, address.kind() === 'ipv4' ? 32 : 128], port };
    }
    // As the URL parser does: a last label that is a number makes the whole name an IPv4 address.
    if (/(?:^|\.)(?:0x[0-9a-f]*|\d+)\.?$/i.test(target)) {
      throw fail('is not an IPv4 address in dotted decimal form (a.b.c.d)');
    }
    if (!HOST_NAME.test(target)) {
      throw fail('is not a host name, an IP address or a CIDR range');
    }
    return { kind: 'host', host: normaliseHost(target), port };
  });
}

function splitPort(
  entry: string,
  fail: (why: string) => Error,
): { target: string; port: number | null } {
  let target = entry;
  let portText: string | null = null;
  const bracketed = /^\[([^\]]+)\](?::(.*))?$/.exec(entry);
  if (bracketed) {
    target = bracketed[1] ?? '';
    portText = bracketed[2] ?? null;
  } else if ((entry.match(/:/g) ?? []).length === 1) {
    [target, portText] = entry.split(':') as [string, string];
  }
  if (portText === null) return { target, port: null };
  const port = Number(portText);
  if (!/^\d{1,5}$/.test(portText) || port < 1 || port > 65535) {
    throw fail('has a port that is not a number from 1 to 65535');
  }
  return { target, port };
}

const normaliseHost = (host: string) => host.toLowerCase().replace(/\.$/, '');

/** What a name resolves to; injectable so tests can make `evil.test` resolve anywhere. */
export type WebhookResolver = (hostname: string) => Promise<readonly ResolvedAddress[]>;
export type ResolvedAddress = { address: string; family: 4 | 6 };

export const systemResolver: WebhookResolver = async (hostname) => {
  const answers = await dnsLookup(hostname, { all: true, verbatim: true });
  return answers.map((a) => ({ address: a.address, family: a.family === 6 ? 6 : 4 }));
};

/** A delivery target that passed the rules: the URL as given and the one address to connect to. */
export type CheckedTarget = {
  url: URL;
  /** The checked address the connection is pinned to. */
  address: string;
  family: 4 | 6;
  port: number;
};

const refused = (message: string) =>
  new PublishError('permanent', 'WEBHOOK_ADDRESS_REFUSED', message);

/**
 * What the address is checked for: a webhook delivery (https only, unless allow-listed) or an
 * image the import fetches (http too: nothing secret is sent, and the file is checked anyway).
 * The rules on addresses are the same; only the wording and the scheme rule differ.
 */
export type TargetPurpose = 'webhook' | 'image';

const WORDING = {
  webhook: {
    url: 'The webhook URL',
    host: 'The webhook host',
    schemes: 'must start with https://',
    credentials: 'the signing secret authenticates Postplan',
    refused: 'Webhooks may not be delivered to',
    listed: 'A self-hosted receiver must be named in',
  },
  image: {
    url: 'The image URL',
    host: 'The image host',
    schemes: 'must start with https:// or http://',
    credentials: 'images are fetched without logging in',
    refused: 'Images may not be fetched from',
    listed: 'A server of your own network must be named in',
  },
} as const;

/**
 * Checks a webhook URL and resolves it to one address that may be connected to, or throws
 * PublishError('permanent', 'WEBHOOK_ADDRESS_REFUSED') saying why. A failed name lookup is
 * retryable (WEBHOOK_DNS_FAILED): nothing was sent.
 */
export async function checkWebhookTarget(
  rawUrl: string,
  allow: WebhookAllowList,
  resolve: WebhookResolver = systemResolver,
  /** Gives up on a lookup that hangs (retryable). */
  signal?: AbortSignal,
  purpose: TargetPurpose = 'webhook',
): Promise<CheckedTarget> {
  const w = WORDING[purpose];
  let url: URL;
  try {
    url = new URL(rawUrl);
  } catch {
    // Not echoed: webhook URLs often carry a token in their path.
    throw refused(`${w.url} is not a valid URL.`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') {
    throw refused(`${w.url} ${w.schemes} (it starts with ${url.protocol}//).`);
  }
  if (url.username !== '' || url.password !== '') {
    throw refused(`${w.url} must not contain a user name or password; ${w.credentials}.`);
  }
  const port = url.port === '' ? (url.protocol === 'https:' ? 443 : 80) : Number(url.port);
  // The WHATWG parser has already turned 2130706433, 0x7f.1 and 017700000001 into 127.0.0.1.
  const bare = url.hostname.replace(/^\[(.*)\]$/, '$1');
  const literal = ipaddr.isValid(bare) ? ipaddr.parse(bare) : null;
  const host = normaliseHost(bare);
  const hostAllowed =
    literal === null &&
    allow.some((e) => e.kind === 'host' && e.host === host && portFits(e.port, port));

  let addresses: readonly ResolvedAddress[];
  if (literal) {
    addresses = [{ address: literal.toString(), family: literal.kind() === 'ipv4' ? 4 : 6 }];
  } else {
    try {
      addresses = await abortable(resolve(host), signal);
    } catch (e) {
      throw new PublishError(
        'retryable',
        'WEBHOOK_DNS_FAILED',
        `${w.host} ${host} could not be resolved (${(e as NodeJS.ErrnoException).code ?? 'lookup failed'}).`,
        { cause: e },
      );
    }
    if (addresses.length === 0) {
      throw new PublishError(
        'retryable',
        'WEBHOOK_DNS_FAILED',
        `${w.host} ${host} resolved to no address.`,
      );
    }
  }

  let everyAddressAllowListed = true;
  for (const { address } of addresses) {
    if (!ipaddr.isValid(address)) {
      throw refused(`${w.host} ${host} resolved to "${address}", which is not an IP address.`);
    }
    const parsed = unwrapMapped(ipaddr.parse(address));
    const listed = allow.some(
      (e) => e.kind === 'range' && portFits(e.port, port) && inRange(parsed, e.range),
    );
    everyAddressAllowListed &&= listed;
    if (hostAllowed || listed) continue;
    const why = forbiddenReason(parsed);
    if (why !== null) {
      const via = literal ? '' : ` (${host} resolves to ${parsed.toString()})`;
      throw refused(`${w.refused} ${why}${via}. ${w.listed} ${WEBHOOK_ALLOW_VARIABLE}.`);
    }
  }
  if (
    purpose === 'webhook' &&
    url.protocol === 'http:' &&
    !hostAllowed &&
    !everyAddressAllowListed
  ) {
    throw refused(
      `The webhook URL must use https://; plain http:// is only allowed for receivers named in ${WEBHOOK_ALLOW_VARIABLE}.`,
    );
  }
  const first = addresses[0] as ResolvedAddress;
  const pinned = ipaddr.parse(first.address);
  return { url, address: pinned.toString(), family: pinned.kind() === 'ipv4' ? 4 : 6, port };
}

function abortable<T>(promise: Promise<T>, signal: AbortSignal | undefined): Promise<T> {
  if (!signal) return promise;
  return new Promise<T>((resolve, reject) => {
    const onAbort = () =>
      reject(Object.assign(new Error('lookup took too long'), { code: 'ETIMEOUT' }));
    if (signal.aborted) return onAbort();
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(resolve, reject).finally(() => signal.removeEventListener('abort', onAbort));
  });
}

const portFits = (allowed: number | null, port: number) => allowed === null || allowed === port;

function inRange(
  address: ipaddr.IPv4 | ipaddr.IPv6,
  [base, bits]: [ipaddr.IPv4 | ipaddr.IPv6, number],
) {
  const unwrappedBase = unwrapMapped(base);
  return (
    address.kind() === unwrappedBase.kind() &&
    address.match(unwrappedBase, base.kind() === unwrappedBase.kind() ? bits : bits - 96)
  );
}

/** ::ffff:127.0.0.1 is 127.0.0.1 to the kernel; judge it as such. */
function unwrapMapped(address: ipaddr.IPv4 | ipaddr.IPv6): ipaddr.IPv4 | ipaddr.IPv6 {
  return address instanceof ipaddr.IPv6 && address.isIPv4MappedAddress()
    ? address.toIPv4Address()
    : address;
}

const IPV4_COMPATIBLE = ipaddr.IPv6.parseCIDR('::/96');

const REASONS: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'the broadcast address',
  multicast: 'a multicast address',
  linkLocal: 'a link-local address (this includes the cloud metadata service 169.254.169.254)',
  loopback: 'a loopback address (this machine)',
  carrierGradeNat: 'a carrier-grade NAT address (100.64.0.0/10)',
  private: 'a private network address (10/8, 172.16/12, 192.168/16)',
  uniqueLocal: 'an IPv6 unique-local address (fc00::/7)',
  deprecatedSiteLocal: 'an IPv6 site-local address',
  rfc6145: 'an IPv4-translated address',
  rfc6052: 'a NAT64 address that embeds an IPv4 address',
  '6to4': 'a 6to4 address that embeds an IPv4 address',
  teredo: 'a Teredo address that embeds an IPv4 address',
};

/**
 * Null for an ordinary public (global unicast) address; otherwise what it is. Anything
 * ipaddr.js does not call `unicast` is refused, including reserved, documentation and
 * benchmarking ranges, so a range nobody thought of is closed rather than open.
 */
export function forbiddenReason(address: ipaddr.IPv4 | ipaddr.IPv6): string | null {
  const a = unwrapMapped(address);
  const range = a.range();
  if (range !== 'unicast') return REASONS[range] ?? `a reserved address (${range})`;
  // ::/96 (IPv4-compatible, deprecated) is `unicast` to ipaddr.js but embeds an IPv4 address.
  if (a instanceof ipaddr.IPv6 && a.match(IPV4_COMPATIBLE))
    return 'an IPv4-compatible IPv6 address';
  return null;
}
