export interface RateSettings {
  per_second: number;
  burst: number;
}

interface Bucket {
  tokens: number;
  at: number;
}

/** Bounded count of addresses tracked for requests without a valid token. */
const MAX_ADDRESSES = 10_000;

/**
 * Token buckets keyed by the authenticated token (its id), so a client cannot escape its limit by
 * varying the Authorization header; requests whose token is missing or unknown share a bucket per
 * client address. The token buckets are never cleared (there are as many as tokens); the address
 * buckets drop the least recently seen one when full, which resets only that address.
 */
export class RateLimiter {
  private readonly byToken = new Map<string, Bucket>();
  private readonly byAddress = new Map<string, Bucket>();

  constructor(
    private readonly settings: () => RateSettings,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one request from the token's bucket; returns the seconds to wait when it is empty. */
  token(tokenId: string): number | undefined {
    return this.take(this.byToken, tokenId);
  }

  address(address: string): number | undefined {
    const limited = this.take(this.byAddress, address);
    const b = this.byAddress.get(address) as Bucket;
    this.byAddress.delete(address); // re-insert: Map order is recency order
    this.byAddress.set(address, b);
    if (this.byAddress.size > MAX_ADDRESSES) {
      const oldest = this.byAddress.keys().next().value as string;
      this.byAddress.delete(oldest);
    }
    return limited;
  }

  private take(buckets: Map<string, Bucket>, key: string): number | undefined {
    const { per_second: perSecond, burst } = this.settings();
    const now = this.now();
    const b = buckets.get(key) ?? { tokens: burst, at: now };
    b.tokens = Math.min(burst, b.tokens + ((now - b.at) / 1000) * perSecond);
    b.at = now;
    buckets.set(key, b);
    if (b.tokens < 1) return Math.max(1, Math.ceil((1 - b.tokens) / perSecond));
    b.tokens -= 1;
    return undefined;
  }
}
