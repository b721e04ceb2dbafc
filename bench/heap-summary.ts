import { readFileSync } from 'node:fs';

interface Snapshot {
  snapshot: { meta: { node_fields: string[]; node_types: [string[], ...unknown[]] } };
  nodes: number[];
  strings: string[];
}

export interface HeapGroup {
  /** The node's type and, for objects, its constructor ("object Evidence", "string", "array"). */
  what: string;
  count: number;
  bytes: number;
}

/**
 * What a V8 heap snapshot holds, by type and constructor, largest first: the self size
 * of every node grouped (V8 collects garbage before it writes a snapshot, so this is
 * what is alive). Retained sizes would need the dominator tree; self sizes grouped
 * already say which kinds of objects the memory is made of.
 */
export function summariseHeap(path: string, top = 15): { total: number; groups: HeapGroup[] } {
  const snap = JSON.parse(readFileSync(path, 'utf8')) as Snapshot;
  const fields = snap.snapshot.meta.node_fields;
  const types = snap.snapshot.meta.node_types[0];
  const [typeAt, nameAt, sizeAt] = ['type', 'name', 'self_size'].map((f) => fields.indexOf(f)) as [
    number,
    number,
    number,
  ];
  const groups = new Map<string, HeapGroup>();
  let total = 0;
  for (let i = 0; i < snap.nodes.length; i += fields.length) {
    const type = types[snap.nodes[i + typeAt]!]!;
    const bytes = snap.nodes[i + sizeAt]!;
    // Objects are told apart by constructor; strings, code and the rest by type alone.
    const what = type === 'object' || type === 'closure' ? `${type} ${snap.strings[snap.nodes[i + nameAt]!]}` : type;
    let g = groups.get(what);
    if (!g) groups.set(what, (g = { what, count: 0, bytes: 0 }));
    g.count++;
    g.bytes += bytes;
    total += bytes;
  }
  return { total, groups: [...groups.values()].sort((a, b) => b.bytes - a.bytes).slice(0, top) };
}
