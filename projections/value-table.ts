/**
 * Values and their places, for read models saved as columns: each value is written
 * once and referred to by its place.
 */
export class ValueTable<T, K = T> {
  readonly values: T[] = [];
  private readonly places = new Map<K, number>();

  /** `keyOf`: what makes two values one (the value itself by default). */
  constructor(private readonly keyOf: (value: T) => K = (value) => value as unknown as K) {}

  placeOf(value: T): number {
    const key = this.keyOf(value);
    let place = this.places.get(key);
    if (place === undefined) this.places.set(key, (place = this.values.push(value) - 1));
    return place;
  }
}
