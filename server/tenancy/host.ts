import { domainToASCII } from 'node:url';

export type ParsedHost = {
  /** Lower-case ASCII hostname (IDN labels in punycode), without port or trailing dot. */
  hostname: string;
  /** The port as written in the header, or '' when none was given. */
  port: string;
};

const labelPattern = /^(?!-)[a-z0-9-]{1,63}(?<!-)$/;
const ipv4Pattern = /^\d{1,3}(\.\d{1,3}){3}$/;

/**
 * Normalises a `Host` header value: lower case, no port, no trailing dot, IDN converted to
 * punycode. Returns null for a value that is not a valid hostname (IPv6 literals included: no
 * portal is reached by address).
 */
export function parseHost(raw: string | undefined | null): ParsedHost | null {
  if (!raw) {
    return null;
  }
  const value = raw.trim();
  const match = /^([^:/?#@\s[\]]+?)(?::(\d{1,5}))?$/.exec(value);
  if (!match) {
    return null;
  }
  const [, name = '', port = ''] = match;
  if (port && Number(port) > 65535) {
    return null;
  }

  const withoutDot = name.endsWith('.') ? name.slice(0, -1) : name;
  // domainToASCII lower-cases, applies IDNA mapping and returns '' for an invalid name.
  const hostname = domainToASCII(withoutDot);
  if (!hostname || hostname.length > 253) {
    return null;
  }
  if (
    !ipv4Pattern.test(hostname) &&
    !hostname.split('.').every((label) => labelPattern.test(label))
  ) {
    return null;
  }

  return { hostname, port };
}
