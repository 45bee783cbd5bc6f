/**
 * The first index in `[0, length)` for which `isAfter` holds, given that it is false then true
 * along the range (a sorted list); `length` when it never holds.
 */
export function lowerBound(length: number, isAfter: (index: number) => boolean): number {
  let lo = 0;
  let hi = length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (isAfter(mid)) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** The index one step from `current` in a cyclic list of `total`, or -1 when the list is empty. */
export function stepIndex(current: number, total: number, direction: 1 | -1): number {
  if (total <= 0) return -1;
  return (((current + direction) % total) + total) % total;
}

/**
 * The order to handle `count` items that sit in document order when the reader looks at item
 * `pivot`: from the pivot onwards (what is on screen and just below), then backwards from it.
 */
export function outwardOrder(count: number, pivot: number): number[] {
  const p = Math.min(Math.max(pivot, 0), count);
  const order: number[] = [];
  for (let i = p; i < count; i++) order.push(i);
  for (let i = p - 1; i >= 0; i--) order.push(i);
  return order;
}

/**
 * The next position (cyclic, strictly after `from`; from -1 means from the start) in `items`
 * whose value satisfies `wanted`, or -1 when none does.
 */
export function findCyclic<T>(items: readonly T[], from: number, direction: 1 | -1, wanted: (item: T) => boolean): number {
  const total = items.length;
  let index = from;
  for (let step = 0; step < total; step++) {
    index = from < 0 && step === 0 ? (direction === 1 ? 0 : total - 1) : stepIndex(index, total, direction);
    if (wanted(items[index]!)) return index;
  }
  return -1;
}
