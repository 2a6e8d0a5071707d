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

  has(id: string): boolean {
    return this.ids.has(id);
  }

  remember(id: string): void {
    const evicted = this.ring[this.next];
    if (evicted !== undefined) this.ids.delete(evicted);
    this.ring[this.next] = id;
    this.ids.add(id);
    this.next = (this.next + 1) % this.capacity;
  }

  get size(): number {
    return this.ids.size;
  }
}
