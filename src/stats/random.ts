// A small, fast, seedable pseudo-random generator for the simulation-based confidence intervals
// (PHE SII, WHO HEAT). xoshiro128** (Blackman & Vigna 2018) seeded through splitmix32, uniforms with
// 53 random bits, standard normals by Marsaglia's polar method on 32-bit uniforms. Same seed → same stream, on any
// platform, so every simulated interval can be reproduced.

/** The seed used when a caller gives none, so results are reproducible by default. */
export const DEFAULT_SEED = 20240601;

export interface Random {
  /** Uniform on [0, 1). */
  uniform(): number;
  /** Standard normal N(0, 1). */
  normal(): number;
  /** Fill `out` with standard normals (faster than calling normal() in a loop). */
  fillNormal(out: Float64Array): void;
}

const TWO_POW_MINUS_53 = 1 / 9007199254740992;
const TWO_POW_MINUS_31 = 1 / 2147483648;

function splitmix32(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x9e3779b9) >>> 0;
    let z = state;
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b);
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35);
    return (z ^ (z >>> 16)) >>> 0;
  };
}

/** Map any finite number (including large or fractional seeds) to a 32-bit seed. */
function seedBits(seed: number): number {
  if (!Number.isFinite(seed)) throw new RangeError('seed must be a finite number');
  const hi = Math.floor(seed / 4294967296);
  return (Math.floor(seed) ^ Math.imul(hi, 0x27d4eb2d)) >>> 0;
}

class Xoshiro128 implements Random {
  private s0: number;
  private s1: number;
  private s2: number;
  private s3: number;
  private spare = NaN;
  private hasSpare = false;

  constructor(seed: number) {
    const next = splitmix32(seedBits(seed));
    this.s0 = next();
    this.s1 = next();
    this.s2 = next();
    this.s3 = next();
    if ((this.s0 | this.s1 | this.s2 | this.s3) === 0) this.s0 = 1;
  }

  /** xoshiro128**: the next 32 random bits as an unsigned integer. */
  private nextUint32(): number {
    const result = Math.imul(rotl(Math.imul(this.s1, 5), 7), 9) >>> 0;
    const t = this.s1 << 9;
    this.s2 ^= this.s0;
    this.s3 ^= this.s1;
    this.s1 ^= this.s2;
    this.s0 ^= this.s3;
    this.s2 ^= t;
    this.s3 = rotl(this.s3, 11);
    return result;
  }

  uniform(): number {
    const high = this.nextUint32() >>> 5; // 27 bits
    const low = this.nextUint32() >>> 6; // 26 bits
    return (high * 67108864 + low) * TWO_POW_MINUS_53;
  }

  normal(): number {
    if (this.hasSpare) {
      this.hasSpare = false;
      return this.spare;
    }
    const pair = new Float64Array(2);
    this.fillNormal(pair);
    this.spare = pair[1] as number;
    this.hasSpare = true;
    return pair[0] as number;
  }

  fillNormal(out: Float64Array): void {
    let i = 0;
    const n = out.length;
    if (this.hasSpare && n > 0) {
      out[i++] = this.spare;
      this.hasSpare = false;
    }
    while (i < n) {
      // Marsaglia's polar method on 32-bit signed integers scaled to [-1, 1) (resolution 2^-31).
      const u = (this.nextUint32() | 0) * TWO_POW_MINUS_31;
      const v = (this.nextUint32() | 0) * TWO_POW_MINUS_31;
      const s = u * u + v * v;
      if (s >= 1 || s === 0) continue;
      const factor = Math.sqrt((-2 * Math.log(s)) / s);
      out[i++] = u * factor;
      if (i < n) out[i++] = v * factor;
      else {
        this.spare = v * factor;
        this.hasSpare = true;
      }
    }
  }
}

export function createRandom(seed: number = DEFAULT_SEED): Random {
  return new Xoshiro128(seed);
}

function rotl(x: number, k: number): number {
  return (x << k) | (x >>> (32 - k));
}
