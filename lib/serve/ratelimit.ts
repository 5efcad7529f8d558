// Token buckets, one per client key: `burst` requests at once, refilled at `perMinute`. A request
// that finds its bucket empty is refused with the seconds until the next token (Retry-After).
//
// Limits: at most MAX_KEYS keys per limiter. When it is full, keys whose bucket has refilled
// completely (idle clients) are dropped; if none can be dropped, a new key is refused (fail closed:
// a flood of new client keys cannot grow memory or reset anyone's bucket).

export const MAX_KEYS = 10_000;

export interface Rate {
  perMinute: number;
  burst: number;
}

export type Verdict = { ok: true } | { ok: false; retryAfterSeconds: number };

interface Bucket {
  tokens: number;
  at: number;
}

export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    readonly rate: Rate,
    private readonly maxKeys: number = MAX_KEYS,
  ) {}

  private bucket(key: string, now: number): Bucket | undefined {
    const b = this.buckets.get(key);
    if (b !== undefined) {
      b.tokens = Math.min(this.rate.burst, b.tokens + ((now - b.at) * this.rate.perMinute) / 60_000);
      b.at = now;
      return b;
    }
    if (this.buckets.size >= this.maxKeys) this.prune(now);
    if (this.buckets.size >= this.maxKeys) return undefined;
    const fresh = { tokens: this.rate.burst, at: now };
    this.buckets.set(key, fresh);
    return fresh;
  }

  private prune(now: number): void {
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) * this.rate.perMinute) / 60_000 >= this.rate.burst) this.buckets.delete(key);
    }
  }

  private refusal(b: Bucket | undefined): Verdict {
    const missing = b === undefined ? 1 : 1 - b.tokens;
    return { ok: false, retryAfterSeconds: Math.max(1, Math.ceil((missing * 60) / this.rate.perMinute)) };
  }

  /** Takes one token for `key`. */
  take(key: string, now: number = Date.now()): Verdict {
    const b = this.bucket(key, now);
    if (b === undefined || b.tokens < 1) return this.refusal(b);
    b.tokens -= 1;
    return { ok: true };
  }

  /** Whether `key` has a token left, without taking it. */
  check(key: string, now: number = Date.now()): Verdict {
    const b = this.bucket(key, now);
    return b === undefined || b.tokens < 1 ? this.refusal(b) : { ok: true };
  }

  get size(): number {
    return this.buckets.size;
  }
}
