import { setFlagsFromString } from 'node:v8';

/**
 * V8 allocates straight into the old generation from allocation sites whose objects
 * have tended to survive ("pretenuring"). Readings come from the same sites whether a
 * read model caches them or a read makes them for one answer, so after a rebuild a
 * read's garbage lands in the old generation, and each full collection of a heap
 * holding a million events pauses reads for about 100 ms. Without pretenuring that
 * garbage dies young, in cheap scavenges.
 */
export function keepReadGarbageYoung(): void {
  setFlagsFromString('--no-allocation-site-pretenuring');
}
