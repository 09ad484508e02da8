/**
 * A value made from a key, kept for the last `size` keys only (oldest dropped first): for work
 * asked for several times in a row (a chart's drawings one after another) whose results would be
 * too large to keep for every key.
 */
export function recentlyMade<K, V>(size: number, make: (key: K) => V): (key: K) => V {
  const kept = new Map<K, V>();
  return (key) => {
    let value = kept.get(key);
    if (value === undefined) {
      value = make(key);
      kept.set(key, value);
      if (kept.size > size) kept.delete(kept.keys().next().value!);
    }
    return value;
  };
}
