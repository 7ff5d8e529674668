// Addresses as exporters write them, reduced to what detection compares.

/**
 * An address as an exporter may write it, reduced to what compares: the first of a forwarded list
 * (`1.2.3.4, 10.0.0.1`), without brackets or a port (`[2001:db8::1]:443`, `1.2.3.4:5678`), an
 * IPv4 address mapped into IPv6 (`::ffff:1.2.3.4`) as that IPv4 address, and an IPv6 address by
 * its /64 network, in which a host's privacy addresses change daily. `text` is what the cloud
 * ranges are matched on; `key` a number to compare (an IPv4 address's, or a hash of the
 * network's), -1 where the text is no address. Worked out once per distinct string.
 */
export function addressOf(ip: string): { text: string; key: number } {
  let known = addresses.get(ip);
  if (known === undefined) {
    known = readAddress(ip);
    if (addresses.size >= MAX_ADDRESSES) addresses.clear();
    addresses.set(ip, known);
  }
  return known;
}
const addresses = new Map<string, { text: string; key: number }>();
const MAX_ADDRESSES = 65_536;

function readAddress(raw: string): { text: string; key: number } {
  let text = raw.split(",")[0]!.trim().toLowerCase();
  const bracket = /^\[([0-9a-f:.]+)\](?::\d+)?$/.exec(text);
  if (bracket) text = bracket[1] as string;
  const withPort = /^(\d+\.\d+\.\d+\.\d+):\d+$/.exec(text);
  if (withPort) text = withPort[1] as string;
  const mapped = /^(?:0{0,4}:){0,5}:?ffff:(\d+\.\d+\.\d+\.\d+)$/.exec(text);
  if (mapped) text = mapped[1] as string;
  const v4 = ipv4Number(text);
  if (v4 >= 0) return { text, key: v4 };
  const network = ipv6Network(text);
  return network === null ? { text, key: -1 } : { text, key: fnv1a(network) };
}

/** The first four groups of an IPv6 address (its /64), without leading zeros; null if it is none. */
function ipv6Network(text: string): string | null {
  if (!/^[0-9a-f:]+$/.test(text) || !text.includes(":")) return null;
  const halves = text.split("::");
  if (halves.length > 2) return null;
  const head = halves[0] === "" ? [] : (halves[0] as string).split(":");
  const tail = halves.length === 2 && halves[1] !== "" ? (halves[1] as string).split(":") : [];
  const groups = halves.length === 2 ? [...head, ...new Array<string>(Math.max(0, 8 - head.length - tail.length)).fill("0"), ...tail] : head;
  if (groups.length !== 8 || groups.some((g) => g.length === 0 || g.length > 4)) return null;
  return groups
    .slice(0, 4)
    .map((g) => g.replace(/^0+(?=.)/, ""))
    .join(":");
}

/** A 32-bit FNV-1a hash of a string, as a non-negative number. */
function fnv1a(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) hash = Math.imul(hash ^ text.charCodeAt(i), 0x01000193);
  return hash >>> 0;
}

/**
 * The number of an IPv4 address written the usual way (`203.0.113.7`: four decimal parts from 0
 * to 255, no leading zeros), or -1 for anything else. Two such strings are equal exactly when
 * their numbers are.
 */
export function ipv4Number(ip: string): number {
  const n = ip.length;
  if (n < 7 || n > 15) return -1;
  let value = 0;
  let part = 0;
  let digits = 0;
  let dots = 0;
  for (let i = 0; i < n; i++) {
    const c = ip.charCodeAt(i);
    if (c === 46) {
      if (digits === 0 || dots === 3) return -1;
      value = value * 256 + part;
      part = 0;
      digits = 0;
      dots++;
    } else if (c >= 48 && c <= 57) {
      if (digits > 0 && part === 0) return -1;
      part = part * 10 + (c - 48);
      digits++;
      if (part > 255) return -1;
    } else return -1;
  }
  return digits === 0 || dots !== 3 ? -1 : value * 256 + part;
}
