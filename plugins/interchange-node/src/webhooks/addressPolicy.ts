import ipaddr from 'ipaddr.js';

/**
 * Which addresses outbound webhook requests may reach. Only public unicast
 * addresses, unless an allowlist entry says otherwise: loopback, private
 * (RFC 1918, fc00::/7), link-local (cloud metadata lives at 169.254.169.254),
 * CGNAT, multicast, unspecified, reserved, and IPv6 forms that embed an
 * IPv4 address (mapped, 6to4, Teredo, NAT64) are all refused.
 */
export interface OutboundAllowlist {
  /** CIDR ranges (`127.0.0.1/32`, `10.20.0.0/16`) and exact host names. */
  entries: string[];
}

/** Parses and normalises: `::ffff:127.0.0.1` is checked as `127.0.0.1`. */
export function parseAddress(address: string): ipaddr.IPv4 | ipaddr.IPv6 {
  const parsed = ipaddr.parse(address.replace(/^\[|\]$/g, ''));
  if (
    parsed.kind() === 'ipv6' &&
    (parsed as ipaddr.IPv6).isIPv4MappedAddress()
  ) {
    return (parsed as ipaddr.IPv6).toIPv4Address();
  }
  return parsed;
}

/** Why an address is not public, or undefined when it is. */
export function nonPublicReason(address: string): string | undefined {
  let parsed: ipaddr.IPv4 | ipaddr.IPv6;
  try {
    parsed = parseAddress(address);
  } catch {
    return `'${address}' is not an IP address`;
  }
  const range = parsed.range();
  if (range !== 'unicast') {
    return `${parsed.toString()} is a ${range} address`;
  }
  if (parsed.kind() === 'ipv6') {
    const v6 = parsed as ipaddr.IPv6;
    // ::a.b.c.d (deprecated IPv4-compatible form) reaches the IPv4 address
    // on some stacks; ipaddr.js calls it unicast.
    if (v6.parts.slice(0, 6).every(p => p === 0)) {
      return `${v6.toString()} is an IPv4-compatible address (embeds ${ipaddr
        .fromByteArray(v6.toByteArray().slice(12))
        .toString()})`;
    }
    // Global unicast is 2000::/3; anything else called unicast is unassigned.
    if (!v6.match(ipaddr.IPv6.parse('2000::'), 3)) {
      return `${v6.toString()} is outside global unicast (2000::/3)`;
    }
  }
  return undefined;
}

/** Checks the allowlist entries at start-up, naming the bad one. */
export function checkAllowlist(entries: string[], key: string): void {
  entries.forEach((entry, i) => {
    if (entry.includes('/')) {
      try {
        ipaddr.parseCIDR(entry);
      } catch {
        throw new Error(
          `${key}[${i}]: '${entry}' is not a CIDR range; write e.g. '10.0.0.0/8' or '127.0.0.1/32'`,
        );
      }
    } else if (!/^[a-zA-Z0-9.-]+$/.test(entry) && !ipaddr.isValid(entry)) {
      throw new Error(
        `${key}[${i}]: '${entry}' is neither a host name nor a CIDR range`,
      );
    }
  });
}

/** Whether the host name or the address is explicitly allowed. */
export function isAllowlisted(
  allowlist: OutboundAllowlist,
  hostname: string,
  address: string,
): boolean {
  const parsed = parseAddress(address);
  return allowlist.entries.some(entry => {
    if (!entry.includes('/')) {
      if (ipaddr.isValid(entry)) {
        return parseAddress(entry).toString() === parsed.toString();
      }
      return entry.toLowerCase() === hostname.toLowerCase();
    }
    const [range, bits] = ipaddr.parseCIDR(entry);
    const target =
      range.kind() === 'ipv4' && parsed.kind() === 'ipv6' ? undefined : parsed;
    return (
      target !== undefined &&
      target.kind() === range.kind() &&
      target.match([range, bits] as any)
    );
  });
}
