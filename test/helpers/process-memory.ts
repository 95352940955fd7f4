/** A process's resident memory, as Linux reports it (the tests and the soak run on Linux). */
import { readFileSync } from 'node:fs';

/** Resident set size of process `pid`, in bytes. */
export function rssOf(pid: number): number {
  const match = /^VmRSS:\s+(\d+) kB$/m.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
  if (!match) throw new Error(`process ${pid} reports no resident memory`);
  return Number(match[1]) * 1024;
}
