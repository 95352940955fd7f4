/**
 * Taking a link's key (or token) out of the address bar as soon as a page has read it
 * (docs/SECURITY.md, "Keys in the browser"). Left there, the fragment stays in the
 * address bar, in the tab's current history entry (Back, session restore, open tabs
 * synced to other devices) and in any bookmark of the page. The entry the browser made
 * for the first navigation, before any script ran, is out of reach.
 */

/** What the address held after the “#”, now only in the caller's memory. */
export interface TakenFragment {
  /** `#…` as the page was opened, or '' when there was none. */
  readonly hash: string;
  /**
   * This load is a reload or Back/Forward: a missing fragment was then most likely taken
   * by an earlier load of this page, and the person must open the link again.
   */
  readonly reopened: boolean;
}

/** Reads the fragment and replaces the current history entry with the address without it. */
export function takeFragment(location: Location): TakenFragment {
  const { hash } = location;
  if (hash !== '') history.replaceState(history.state, '', location.pathname + location.search);
  const [navigation] = performance.getEntriesByType('navigation') as PerformanceNavigationTiming[];
  return { hash, reopened: navigation?.type === 'reload' || navigation?.type === 'back_forward' };
}
