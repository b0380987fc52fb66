import { readFileSync } from 'node:fs';

/** Linux clock ticks per second for /proc times (USER_HZ, 100 on every mainstream build). */
const TICK_MS = 10;

/** CPU milliseconds (user + system) a process has used, from /proc; null where there is no /proc. */
export function processCpuMs(pid: number): number | null {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) * TICK_MS;
  } catch {
    return null;
  }
}

/** Busy and total CPU milliseconds of the whole machine (all cores), from /proc/stat. */
export function machineCpuMs(): { busy: number; total: number } | null {
  try {
    const line = readFileSync('/proc/stat', 'utf8').split('\n')[0]!;
    const ticks = line.trim().split(/\s+/).slice(1).map(Number);
    const idle = (ticks[3] ?? 0) + (ticks[4] ?? 0);
    const total = ticks.slice(0, 8).reduce((sum, value) => sum + value, 0);
    return { busy: (total - idle) * TICK_MS, total: total * TICK_MS };
  } catch {
    return null;
  }
}

/** CPU ms per process id, e.g. of the database server's backends serving this run. */
export type ProcessCpu = Map<number, number>;

/** Where the machine's CPU went during a measurement, in ms. */
export interface CpuSplit {
  /** This Node process. */
  node: number;
  /** The database backends serving this run; null where not measurable (PGlite runs inside Node). */
  database: number | null;
  /** Everything else that was busy: other processes, the kernel; null without /proc. */
  other: number | null;
  /** Wall time × cores; null without /proc. */
  capacity: number | null;
}

/** Starts measuring; call the result to stop and get the split. */
export async function startCpu(database?: () => Promise<ProcessCpu>): Promise<() => Promise<CpuSplit>> {
  const databaseBefore = database ? await database() : null;
  const machineBefore = machineCpuMs();
  const nodeBefore = process.cpuUsage();
  return async () => {
    const usage = process.cpuUsage(nodeBefore);
    const machineAfter = machineCpuMs();
    const databaseAfter = database ? await database() : null;
    const node = (usage.user + usage.system) / 1000;
    let spent: number | null = null;
    if (databaseBefore && databaseAfter) {
      spent = 0;
      for (const [pid, ms] of databaseAfter) spent += ms - (databaseBefore.get(pid) ?? 0);
    }
    const busy = machineBefore && machineAfter ? machineAfter.busy - machineBefore.busy : null;
    return {
      node,
      database: spent,
      other: busy === null ? null : Math.max(0, busy - node - (spent ?? 0)),
      capacity: machineBefore && machineAfter ? machineAfter.total - machineBefore.total : null,
    };
  };
}
