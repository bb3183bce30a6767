// A byte-bounded cache of serialised report bodies (least recently used out).
export function reportBodyCache(maxBytes: number) {
  const entries = new Map<string, Buffer>();
  let bytes = 0;
  return {
    async get(key: string, load: () => Promise<Buffer>): Promise<Buffer> {
      const hit = entries.get(key);
      if (hit) {
        entries.delete(key);
        entries.set(key, hit);
        return hit;
      }
      const value = await load();
      if (value.length > maxBytes) return value;
      entries.set(key, value);
      bytes += value.length;
      for (const [oldKey, oldValue] of entries) {
        if (bytes <= maxBytes) break;
        entries.delete(oldKey);
        bytes -= oldValue.length;
      }
      return value;
    },
  };
}
