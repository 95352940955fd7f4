/**
 * The page's side of sign-in (CREATE_AUTH): where the Sign in button goes, and what the
 * server said of a sign-in that failed (it sends the browser to `/?signin=…`).
 */

export type SignInOutcome = 'failed' | 'denied' | 'unavailable';

const OUTCOMES: readonly string[] = ['failed', 'denied', 'unavailable'] satisfies SignInOutcome[];

/**
 * Where "Sign in" goes: the provider's round trip, back to this page (oidc); this page
 * again, through the organisation's sign-in proxy in front (header).
 */
export function signInAddress(auth: 'header' | 'oidc', path: string): string {
  return auth === 'oidc' ? `/auth/login?return=${encodeURIComponent(path)}` : path;
}

/** The failed sign-in this address reports, taken out of the address so a reload does not report it again. */
export function takeSignInOutcome(url: Location, history: History): SignInOutcome | undefined {
  const params = new URLSearchParams(url.search);
  const value = params.get('signin');
  if (value === null) return undefined;
  params.delete('signin');
  const query = params.toString();
  history.replaceState(history.state, '', `${url.pathname}${query ? `?${query}` : ''}${url.hash}`);
  return OUTCOMES.includes(value) ? (value as SignInOutcome) : 'failed';
}
