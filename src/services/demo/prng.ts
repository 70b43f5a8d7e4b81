/**
 * Seeded randomness for the demo practice. The same seed gives the same sequence on every
 * machine and Node version (only 32-bit integer maths), so a demo can be rebuilt
 * byte for byte, ids included. Not for anything secret.
 */

/** sfc32 (Chris Doty-Humphrey's Small Fast Counting generator), seeded through splitmix32 so nearby seeds diverge. */
export class Rng {
  private a: number;
  private b: number;
  private c: number;
  private d: number;

  constructor(seed: number) {
    let s = seed >>> 0;
    const split = (): number => {
      s = (s + 0x9e3779b9) >>> 0;
      let z = s;
      z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
      z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
      return (z ^ (z >>> 16)) >>> 0;
    };
    this.a = split();
    this.b = split();
    this.c = split();
    this.d = split();
    for (let i = 0; i < 12; i++) this.u32();
  }

  u32(): number {
    const t = (((this.a + this.b) | 0) + this.d) | 0;
    this.d = (this.d + 1) | 0;
    this.a = this.b ^ (this.b >>> 9);
    this.b = (this.c + (this.c << 3)) | 0;
    this.c = (this.c << 21) | (this.c >>> 11);
    this.c = (this.c + t) | 0;
    return t >>> 0;
  }

  /** [0, 1) */
  float(): number {
    return this.u32() / 4_294_967_296;
  }

  /** Whole number in [min, max], both ends included. */
  int(min: number, max: number): number {
    return min + Math.floor(this.float() * (max - min + 1));
  }

  chance(p: number): boolean {
    return this.float() < p;
  }

  pick<T>(items: readonly T[]): T {
    if (items.length === 0) throw new Error('pick from an empty list');
    return items[Math.floor(this.float() * items.length)]!;
  }

  weighted<T>(choices: readonly (readonly [T, number])[]): T {
    const total = choices.reduce((s, [, w]) => s + w, 0);
    let x = this.float() * total;
    for (const [v, w] of choices) {
      x -= w;
      if (x < 0) return v;
    }
    return choices[choices.length - 1]![0];
  }

  /** Digits as text, leading zeros kept. */
  digits(n: number): string {
    let s = '';
    for (let i = 0; i < n; i++) s += String(this.int(0, 9));
    return s;
  }

  letters(n: number, alphabet = 'ABCDEFGHJKLMNPQRSTUVWXYZ'): string {
    let s = '';
    for (let i = 0; i < n; i++) s += alphabet[this.int(0, alphabet.length - 1)];
    return s;
  }
}

const hex = (n: number, width: number): string => n.toString(16).padStart(width, '0');

/**
 * UUIDv7-shaped ids from a seeded stream: a 48-bit millisecond stamp that rises by one per id
 * from a base derived from `today` (so ids sort in creation order and B-tree inserts append),
 * the version and variant bits, and 74 seeded random bits.
 */
export class IdMaker {
  private ms: number;
  private readonly rng: Rng;

  constructor(seed: number, baseMs: number) {
    this.rng = new Rng((seed ^ 0x5eed1d5) >>> 0);
    this.ms = baseMs;
  }

  next(): string {
    const ms = this.ms++;
    const hi = Math.floor(ms / 0x10000);
    const lo = ms % 0x10000;
    const randA = this.rng.u32() & 0xfff;
    const variant = 0x8000 | (this.rng.u32() & 0x3fff);
    const tail1 = this.rng.u32() & 0xffff;
    const tail2 = this.rng.u32();
    return `${hex(hi, 8)}-${hex(lo, 4)}-7${hex(randA, 3)}-${hex(variant, 4)}-${hex(tail1, 4)}${hex(tail2, 8)}`;
  }
}
