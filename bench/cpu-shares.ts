import { execFileSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';

/**
 * How busy a process's main thread and the machine were over a stretch: the share of
 * one core the main thread (the thread whose id is the process's) spent running, and
 * the share of the machine's CPU time nothing ran. A main thread near 1 while the
 * machine is partly idle says that one thread bounds the figure, not the cores.
 */
export interface CpuShares {
  mainThread: number;
  machineIdle: number;
}

/** Starts measuring `pid`; `stop` gives the shares since, or null without Linux's /proc. */
export function measureCpuShares(pid: number): { stop(): CpuShares | null } {
  if (!existsSync(`/proc/${pid}/task/${pid}/stat`) || !existsSync('/proc/stat')) return { stop: () => null };
  const ticksPerS = Number(execFileSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }));
  const start = { thread: threadTicks(pid), machine: machineTicks(), at: performance.now() };
  return {
    stop() {
      const seconds = (performance.now() - start.at) / 1000;
      const machine = machineTicks();
      return {
        mainThread: (threadTicks(pid) - start.thread) / ticksPerS / seconds,
        machineIdle: (machine.idle - start.machine.idle) / (machine.total - start.machine.total),
      };
    },
  };
}

/** User and system time of thread `pid` of process `pid`, in clock ticks (proc(5): fields 14 and 15). */
function threadTicks(pid: number): number {
  const stat = readFileSync(`/proc/${pid}/task/${pid}/stat`, 'utf8');
  // The command name may hold spaces and parentheses: the fields are counted from the last ')'.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return Number(fields[11]) + Number(fields[12]);
}

/** Clock ticks of every CPU since boot, and those idle or waiting for I/O (proc(5): the first line of /proc/stat). */
function machineTicks(): { idle: number; total: number } {
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n')[0]!.trim().split(/\s+/).slice(1).map(Number);
  // guest and guest_nice (9th and 10th) are already counted in user and nice.
  const total = ticks.slice(0, 8).reduce((a, b) => a + b, 0);
  return { idle: ticks[3]! + ticks[4]!, total };
}
