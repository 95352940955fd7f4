/**
 * Asks again every so often while a page is open, as the sender's status page does. A
 * hidden tab asks nothing (no requests from a tab nobody looks at, and no rate-limit
 * budget spent); shown again, it asks at once, since the person came back to see what
 * is new.
 */

/** What of `document` the refresher watches; a test passes its own. */
export interface PageVisibility {
  readonly hidden: boolean;
  addEventListener(type: 'visibilitychange', listener: () => void): void;
  removeEventListener(type: 'visibilitychange', listener: () => void): void;
}

/**
 * Calls `update` every `intervalMs` while the page is visible, never two at once, until
 * it resolves false (nothing more can change). Returns what stops it sooner.
 */
export function autoRefresh(
  update: () => Promise<boolean>,
  intervalMs: number,
  page: PageVisibility = document,
): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  let running = false;
  let stopped = false;

  const wait = () => {
    clearTimeout(timer);
    timer = stopped || page.hidden ? undefined : setTimeout(tick, intervalMs);
  };
  const tick = async () => {
    timer = undefined;
    running = true;
    const more = await update().catch(() => true);
    running = false;
    if (more) wait();
    else stop();
  };
  const visibilityChanged = () => {
    if (page.hidden) wait();
    else if (!running) {
      clearTimeout(timer);
      void tick();
    }
  };
  const stop = () => {
    stopped = true;
    clearTimeout(timer);
    page.removeEventListener('visibilitychange', visibilityChanged);
  };

  page.addEventListener('visibilitychange', visibilityChanged);
  wait();
  return stop;
}
