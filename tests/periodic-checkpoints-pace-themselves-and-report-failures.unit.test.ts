import { initReadModels, PROJECTIONS } from '../projections';
import type { ProjectionName } from '../projections/changes';
import { PeriodicCheckpoints } from '../src/read/checkpointing';
import type { Checkpoint, CheckpointStore } from '../src/store/checkpoints';

/** A checkpoint store whose every save takes `saveMs` on a clock the test controls. */
function slowStore(saveMs: number) {
  const clock = { now: 0 };
  const saved: number[] = [];
  const store: CheckpointStore = {
    load: () => Promise.resolve([]),
    save: (cps: Checkpoint[]) => {
      clock.now += saveMs;
      saved.push(cps[0]!.position);
      return Promise.resolve();
    },
    close: () => Promise.resolve(),
  };
  return { clock, saved, store };
}

const versions = Object.fromEntries(Object.entries(PROJECTIONS).map(([n, p]) => [n, p.version])) as Record<
  ProjectionName,
  number
>;

/** Checkpoints of read models that have always moved on since the last save. */
function periodic(store: CheckpointStore, intervalMs: number, clock: { now: number }) {
  let position = 0;
  const models = initReadModels();
  const failures: unknown[] = [];
  const checkpoints = new PeriodicCheckpoints(store, {
    intervalMs,
    current: () => ({ position: ++position, models, versions, updates: null }),
    onSaveFailed: (err) => failures.push(err),
    now: () => clock.now,
  });
  return { checkpoints, failures };
}

beforeEach(() => jest.useFakeTimers());
afterEach(() => jest.useRealTimers());

/** Lets the timer's save and the scheduling after it run. */
const settle = async () => {
  for (let i = 0; i < 5; i++) await Promise.resolve();
};

test('given saves that take 2 ms, when time passes, then one is saved every interval of 100 ms', async () => {
  const { clock, saved, store } = slowStore(2);
  const { checkpoints } = periodic(store, 100, clock);
  await checkpoints.start();
  for (let i = 0; i < 3; i++) {
    jest.advanceTimersByTime(100);
    await settle();
  }
  expect(saved).toHaveLength(4);
  await checkpoints.stop();
});

test('given saves that take 1 s, when time passes, then the next waits 50 s, not the interval of 100 ms', async () => {
  const { clock, saved, store } = slowStore(1000);
  const { checkpoints } = periodic(store, 100, clock);
  await checkpoints.start();
  expect(saved).toHaveLength(1);
  jest.advanceTimersByTime(49_999);
  await settle();
  expect(saved).toHaveLength(1);
  jest.advanceTimersByTime(1);
  await settle();
  expect(saved).toHaveLength(2);
  // Stopping saves once more, and no timer saves after it.
  await checkpoints.stop();
  jest.advanceTimersByTime(1_000_000);
  await settle();
  expect(saved).toHaveLength(3);
});

test('given a store that refuses saves, when time passes, then each failure is reported and saves go on', async () => {
  const { clock, saved, store } = slowStore(2);
  let refuse = false;
  const refusing: CheckpointStore = {
    ...store,
    save: (cps) => (refuse ? Promise.reject(new Error('disk full')) : store.save(cps)),
  };
  const { checkpoints, failures } = periodic(refusing, 100, clock);
  await checkpoints.start();
  refuse = true;
  for (let i = 0; i < 2; i++) {
    jest.advanceTimersByTime(100);
    await settle();
  }
  expect(failures).toEqual([new Error('disk full'), new Error('disk full')]);
  refuse = false;
  jest.advanceTimersByTime(100);
  await settle();
  expect(saved).toHaveLength(2);
  await checkpoints.stop();
});
