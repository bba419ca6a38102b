/** Where a page of stuck instances ends: the next page starts after this (since, instance). */
export interface StuckCursor {
  since: number;
  instance: string;
}

export interface StuckPage {
  /** at most `limit` stuck instances, oldest first */
  instances: Array<{ instance: string; since: number }>;
  next: StuckCursor | undefined;
}

const before = (aSince: number, aId: string, bSince: number, bId: string) =>
  aSince < bSince || (aSince === bSince && aId < bId);

/**
 * The `limit` oldest (since, instance) keys offered after `after`, kept sorted: memory and the
 * answer stay bounded however many instances are stuck.
 */
export class OldestFirst {
  readonly items: Array<{ instance: string; since: number }> = [];
  constructor(
    private readonly limit: number,
    private readonly after: StuckCursor | undefined,
  ) {}

  offer(instance: string, since: number): void {
    const a = this.after;
    if (a && !before(a.since, a.instance, since, instance)) return;
    const items = this.items;
    const last = items[items.length - 1];
    if (items.length >= this.limit && last && !before(since, instance, last.since, last.instance)) return;
    let lo = 0;
    let hi = items.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      const m = items[mid]!;
      if (before(m.since, m.instance, since, instance)) lo = mid + 1;
      else hi = mid;
    }
    items.splice(lo, 0, { instance, since });
    if (items.length > this.limit) items.pop();
  }
}
