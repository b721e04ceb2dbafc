/**
 * Our stream names inside EventStoreDB. With a namespace, several records share one
 * cluster (or a test gets a log of its own): `ns.country-uzbekistan`. Our names are
 * slugs without dots, so the first dot always ends the namespace.
 */
export class StreamNames {
  constructor(readonly namespace: string | null) {
    if (namespace !== null && !/^[a-z0-9][a-z0-9_-]{0,62}$/.test(namespace))
      throw new Error(`invalid EventStoreDB namespace ${JSON.stringify(namespace)}`);
  }

  toStore(stream: string): string {
    return this.namespace === null ? stream : `${this.namespace}.${stream}`;
  }

  /** Our name for a stored stream, or null when the stream is not ours (a system stream, another namespace). */
  fromStore(stored: string): string | null {
    if (stored.startsWith('$')) return null;
    // Without a namespace, a dotted name belongs to a namespaced record sharing the cluster.
    if (this.namespace === null) return stored.includes('.') ? null : stored;
    const prefix = `${this.namespace}.`;
    return stored.startsWith(prefix) ? stored.slice(prefix.length) : null;
  }
}
