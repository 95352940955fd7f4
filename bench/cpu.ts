/**
 * CPU time read from Linux's /proc around each load slice: the whole machine's busy
 * time, and that of one server's process tree (a WORKERS primary and its workers). On
 * 2 cores shared by the client, Redis and the server, req/s alone cannot tell a slower
 * server from a busier machine; CPU per answer and the cores left idle can.
 */
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';

/** Clock ticks per second of /proc's times (USER_HZ; 100 on every common Linux). */
const TICKS_PER_SECOND = Number(spawnSync('getconf', ['CLK_TCK'], { encoding: 'utf8' }).stdout) || 100;

export interface CpuReading {
  /** Seconds the machine's cores spent busy (not idle, not waiting on I/O), summed over cores. */
  machineBusySeconds: number;
  /** Seconds on all cores together, busy or not. */
  machineSeconds: number;
  /** CPU seconds of the server's process tree, when one was named. */
  serverSeconds?: number;
}

/** The machine's CPU counters, and those of `pid`'s process tree if given. */
export function readCpu(pid?: number): CpuReading {
  // First line of /proc/stat: "cpu  user nice system idle iowait irq softirq steal …".
  const ticks = readFileSync('/proc/stat', 'utf8').split('\n', 1)[0]!.trim().split(/\s+/).slice(1).map(Number);
  const total = ticks.reduce((sum, value) => sum + value, 0);
  const idle = ticks[3]! + ticks[4]!;
  return {
    machineBusySeconds: (total - idle) / TICKS_PER_SECOND,
    machineSeconds: total / TICKS_PER_SECOND,
    ...(pid !== undefined && { serverSeconds: treeTicks(pid) / TICKS_PER_SECOND }),
  };
}

/** What was spent between two readings of the same process tree. */
export function cpuSpent(before: CpuReading, after: CpuReading): CpuReading {
  return {
    machineBusySeconds: after.machineBusySeconds - before.machineBusySeconds,
    machineSeconds: after.machineSeconds - before.machineSeconds,
    ...(before.serverSeconds !== undefined &&
      after.serverSeconds !== undefined && { serverSeconds: after.serverSeconds - before.serverSeconds }),
  };
}

/** utime + stime of a process and every process below it (a worker replaced in between is lost: fine for a bench). */
function treeTicks(pid: number): number {
  let stat: string;
  try {
    stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
  } catch {
    return 0;
  }
  // Fields after the command name, which is in parentheses and may hold spaces.
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  let ticks = Number(fields[11]) + Number(fields[12]);
  for (const child of children(pid)) ticks += treeTicks(child);
  return ticks;
}

function children(pid: number): number[] {
  const found: number[] = [];
  try {
    for (const task of readdirSync(`/proc/${pid}/task`)) {
      const list = readFileSync(`/proc/${pid}/task/${task}/children`, 'utf8').trim();
      if (list) found.push(...list.split(' ').map(Number));
    }
  } catch {
    // Gone meanwhile.
  }
  return found;
}
