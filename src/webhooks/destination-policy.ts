// Which hosts webhooks may be sent to. Defaults allow everything, loopback
// included: an integrator's receiver usually runs on their own machine. An
// operator exposing opencheck to others can deny internal ranges, e.g.
// OPENCHECK_WEBHOOK_DENY_HOSTS=loopback,private,link-local.
//
// Entries (comma separated, case-insensitive):
//   example.com          that host exactly
//   *.example.com        any subdomain of example.com (not example.com itself)
//   10.0.0.0/8, ::1      an address or CIDR range; checked against IP literals
//                        in the URL and against every address a name resolves
//                        to at connect time (so DNS cannot smuggle a denied
//                        address past a name check)
//   loopback             127.0.0.0/8, ::1
//   private              10/8, 172.16/12, 192.168/16, 100.64/10, fc00::/7
//   link-local           169.254/16 (cloud metadata), fe80::/10
// A destination is allowed when the allow list is empty or matches it (by
// name, or by every resolved address), and the deny list does not.
import { BlockList, isIP } from 'node:net';

const KEYWORDS: Record<string, Array<[string, number, 'ipv4' | 'ipv6']>> = {
  loopback: [['127.0.0.0', 8, 'ipv4'], ['::1', 128, 'ipv6']],
  private: [['10.0.0.0', 8, 'ipv4'], ['172.16.0.0', 12, 'ipv4'], ['192.168.0.0', 16, 'ipv4'], ['100.64.0.0', 10, 'ipv4'], ['fc00::', 7, 'ipv6']],
  'link-local': [['169.254.0.0', 16, 'ipv4'], ['fe80::', 10, 'ipv6']],
};

const HOST_NAME = /^(\*\.)?([a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)(\.[a-z0-9_]([a-z0-9_-]*[a-z0-9_])?)*\.?$/;

interface Rules {
  names: string[];
  suffixes: string[];
  addresses: BlockList;
  hasAddresses: boolean;
}

/** Why an entry is not a valid host rule, or null. Used by config validation. */
export function hostRuleProblem(entry: string): string | null {
  try {
    compileRules([entry]);
    return null;
  } catch (error) {
    return (error as Error).message;
  }
}

function compileRules(entries: string[]): Rules {
  const rules: Rules = { names: [], suffixes: [], addresses: new BlockList(), hasAddresses: false };
  for (const raw of entries) {
    const entry = raw.trim().toLowerCase();
    if (!entry) continue;
    const keyword = KEYWORDS[entry];
    if (keyword) {
      for (const [net, prefix, family] of keyword) rules.addresses.addSubnet(net, prefix, family);
      rules.hasAddresses = true;
      continue;
    }
    const [address, prefixText, extra] = entry.replace(/^\[|\]$/g, '').split('/');
    const family = isIP(address);
    if (family !== 0) {
      const max = family === 4 ? 32 : 128;
      const prefix = prefixText === undefined ? max : Number(prefixText);
      if (extra !== undefined || !Number.isInteger(prefix) || prefix < 0 || prefix > max || (prefixText !== undefined && !/^\d+$/.test(prefixText))) {
        throw new Error(`"${raw}" is not a valid address range`);
      }
      rules.addresses.addSubnet(address, prefix, family === 4 ? 'ipv4' : 'ipv6');
      rules.hasAddresses = true;
      continue;
    }
    if (!HOST_NAME.test(entry)) throw new Error(`"${raw}" is not a host name, *.suffix, address, CIDR range, or one of loopback, private, link-local`);
    const name = entry.replace(/\.$/, '');
    if (name.startsWith('*.')) rules.suffixes.push(name.slice(1));
    else rules.names.push(name);
  }
  return rules;
}

function nameMatches(rules: Rules, host: string): boolean {
  return rules.names.includes(host) || rules.suffixes.some((suffix) => host.endsWith(suffix));
}

function addressMatches(rules: Rules, ip: string): boolean {
  const family = isIP(ip);
  if (family === 0) return false;
  // An IPv4-mapped IPv6 address is checked as the IPv4 address it carries.
  const mapped = family === 6 ? /^::ffff:(\d+\.\d+\.\d+\.\d+)$/i.exec(ip) : null;
  if (mapped) return rules.addresses.check(mapped[1], 'ipv4');
  return rules.addresses.check(ip, family === 4 ? 'ipv4' : 'ipv6');
}

export type DestinationCheck = { ok: true; url: URL } | { ok: false; reason: string };

export interface DestinationPolicy {
  /** Checks a URL before any connection: scheme, host name, IP literal. The URL returned is shared: do not modify it. */
  checkUrl(url: string): DestinationCheck;
  /** Checks an address a host name resolved to; a reason when it is refused. */
  checkResolvedAddress(host: string, ip: string): string | null;
}

export function destinationPolicy(lists: { allowHosts: string[]; denyHosts: string[] }): DestinationPolicy {
  const allow = compileRules(lists.allowHosts);
  const deny = compileRules(lists.denyHosts);
  const allowAll = lists.allowHosts.every((e) => !e.trim());

  function hostOf(url: URL): string {
    return url.hostname.replace(/^\[|\]$/g, '').toLowerCase().replace(/\.$/, '');
  }

  // Webhooks to one receiver share its URL, and the verdict depends on nothing else: parse and
  // check each URL once. Bounded, since receivers on random ports come and go.
  const verdicts = new Map<string, DestinationCheck>();

  function check(raw: string): DestinationCheck {
    let url: URL;
    try {
      url = new URL(raw);
    } catch {
      return { ok: false, reason: 'the webhook URL is not a valid absolute URL' };
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:') return { ok: false, reason: `the webhook URL scheme ${url.protocol} is not http: or https:` };
    const host = hostOf(url);
    const literal = isIP(host) !== 0;
    if (nameMatches(deny, host) || (literal && addressMatches(deny, host))) {
      return { ok: false, reason: `destination ${host} is denied by OPENCHECK_WEBHOOK_DENY_HOSTS` };
    }
    if (!allowAll) {
      const allowed = nameMatches(allow, host) || (literal ? addressMatches(allow, host) : allow.hasAddresses);
      if (!allowed) return { ok: false, reason: `destination ${host} is not in OPENCHECK_WEBHOOK_ALLOW_HOSTS` };
    }
    return { ok: true, url };
  }

  return {
    checkUrl(raw) {
      let verdict = verdicts.get(raw);
      if (!verdict) {
        verdict = check(raw);
        if (verdicts.size >= 1000) verdicts.clear();
        verdicts.set(raw, verdict);
      }
      return verdict;
    },
    checkResolvedAddress(rawHost, ip) {
      const host = rawHost.toLowerCase().replace(/\.$/, '');
      if (addressMatches(deny, ip)) return `destination ${host} resolved to ${ip}, which OPENCHECK_WEBHOOK_DENY_HOSTS denies`;
      if (!allowAll && !nameMatches(allow, host) && !addressMatches(allow, ip)) {
        return `destination ${host} resolved to ${ip}, which is not in OPENCHECK_WEBHOOK_ALLOW_HOSTS`;
      }
      return null;
    },
  };
}
