/** Graceful shutdown on SIGTERM and SIGINT, the same in one process and in each of WORKERS. */

/** How long in-flight requests get to finish after SIGTERM or SIGINT. */
export const SHUTDOWN_GRACE_MS = 10_000;

/**
 * Runs `shutdown` on the first SIGTERM or SIGINT and ignores the signals after it: a
 * terminal's Ctrl-C reaches a cluster's primary and its workers at once, and the primary
 * then passes SIGTERM on, so a worker hears both.
 */
export function onShutdownSignal(shutdown: (signal: NodeJS.Signals) => void): void {
  let started = false;
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.on(signal, () => {
      if (started) return;
      started = true;
      shutdown(signal);
    });
  }
}
