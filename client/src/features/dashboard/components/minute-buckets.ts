import type { MinutePoint } from '../api/stats.api';

export interface Bucket {
  start: number;
  value: number;
}

const MINUTE = 60_000;

/** The last `minutes` minutes up to now, oldest first, with the minutes nobody spent in as 0. */
export function toBuckets(points: MinutePoint[], pick: (p: MinutePoint) => number, now: number, minutes = 60): Bucket[] {
  const byMinute = new Map<number, number>();
  for (const point of points) {
    const start = Math.floor(Date.parse(point.minute) / MINUTE) * MINUTE;
    byMinute.set(start, (byMinute.get(start) ?? 0) + pick(point));
  }
  const current = Math.floor(now / MINUTE) * MINUTE;
  return Array.from({ length: minutes }, (_, i) => {
    const start = current - (minutes - 1 - i) * MINUTE;
    return { start, value: byMinute.get(start) ?? 0 };
  });
}
