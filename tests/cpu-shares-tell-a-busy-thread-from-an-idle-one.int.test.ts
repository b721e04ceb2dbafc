import { existsSync } from 'node:fs';
import { setTimeout as sleep } from 'node:timers/promises';
import { measureCpuShares } from '../bench/cpu-shares';

const MS = 300;
const onLinux = existsSync('/proc/stat') ? describe : describe.skip;

onLinux('the CPU shares the appends benchmark reports', () => {
  test('given a main thread that computes, when measured, then it ran far more of the time than one that waits', async () => {
    const idle = measureCpuShares(process.pid);
    await sleep(MS);
    const waited = idle.stop()!;

    const busy = measureCpuShares(process.pid);
    const until = performance.now() + MS;
    while (performance.now() < until);
    const computed = busy.stop()!;

    // On a shared machine a busy thread may not get a whole core, but it gets far more than one that sleeps.
    expect(computed.mainThread).toBeGreaterThan(0.4);
    expect(computed.mainThread).toBeLessThan(1.2);
    expect(waited.mainThread).toBeLessThan(0.2);
    for (const { machineIdle } of [waited, computed]) {
      expect(machineIdle).toBeGreaterThanOrEqual(0);
      expect(machineIdle).toBeLessThanOrEqual(1);
    }
  });

  test('given a process that is not there, when measured, then there is nothing to report', () => {
    expect(measureCpuShares(2 ** 22 + 1).stop()).toBeNull();
  });
});
