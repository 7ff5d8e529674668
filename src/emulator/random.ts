/**
 * A small seeded pseudo-random generator (mulberry32). The emulator uses it wherever a run must
 * be repeatable from a seed: generated ids and emails, and the per-request fault decisions. It is
 * not for secrets; token values come from `node:crypto`.
 */
export type Random = () => number;

/** Returns a generator of floats in [0, 1) fully determined by `seed`. */
export function seededRandom(seed: number): Random {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const HEX = "0123456789abcdef";
const ALNUM = "abcdefghijklmnopqrstuvwxyz0123456789";

/** `length` characters drawn from `alphabet`. */
export function randomString(random: Random, length: number, alphabet: string = ALNUM): string {
  let out = "";
  for (let i = 0; i < length; i++) out += alphabet[Math.floor(random() * alphabet.length)] ?? "";
  return out;
}

/** A UUID-shaped identifier (version 4 layout) drawn from `random`. */
export function randomUuid(random: Random): string {
  const h = (n: number) => randomString(random, n, HEX);
  return `${h(8)}-${h(4)}-4${h(3)}-${"89ab"[Math.floor(random() * 4)] ?? "8"}${h(3)}-${h(12)}`;
}
