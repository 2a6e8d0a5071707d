/**
 * The last `capacity` event ids of one partition, oldest evicted first. A redelivered copy of
 * an event is recognised while it is among the partition's last `capacity` events, whatever
 * the number of redeliveries: memory is capacity × (one id string + one set slot), at most.
 * Every instance sees a partition in the same order, so every instance drops the same copies.
 */
export class DedupeWindow {
  private readonly ids = new Set<string>();
  private readonly ring: (string | undefined)[];
  private next = 0;

  constructor(private readonly capacity: number) {
    this.ring = new Array<string | undefined>(capacity);
  }

  /**
   * Remembers `id` and says whether it was new: one set lookup per event on the fold's hot
   * path instead of a `has` then an `add`. A known id changes nothing (it keeps its age).
   */
  rememberIfNew(id: string): boolean {
    const before = this.ids.size;
    this.ids.add(id);
    if (this.ids.size === before) return false;
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.ids.delete(evicted);
    this.ring[this.next] = id;
    this.next = this.next + 1 === this.capacity ? 0 : this.next + 1;
    return true;
  }

  /** The remembered ids, oldest first: what a snapshot stores. */
  entries(): string[] {
    const ordered: string[] = [];
    for (let i = 0; i < this.capacity; i++) {
      const id = this.ring[(this.next + i) % this.capacity];
      if (id !== undefined) ordered.push(id);
    }
    return ordered;
  }

  /** A window holding `ids` (oldest first) as if they had been remembered in that order. */
  static of(capacity: number, ids: string[]): DedupeWindow {
    const window = new DedupeWindow(capacity);
    for (const id of ids) window.rememberIfNew(id);
    return window;
  }
}
