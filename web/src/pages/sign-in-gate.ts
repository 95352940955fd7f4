/**
 * The sign-in above the create and request forms (components/SignInGate.svelte), fetched
 * only when there is something to show: the server's limits say this visitor must sign in
 * or is signed in, or the address reports a failed sign-in. Where anyone may create,
 * nobody downloads it.
 */
import type { Limits } from '../lib/api.js';
import { LazyPart } from './lazy.svelte.js';

export const signInGate = new LazyPart(async () => (await import('../components/SignInGate.svelte')).default);

/** Whether SignInGate shows anything for these limits (it says so too, in its own markup). */
export function showsSignIn(create: Limits['create'] | undefined): boolean {
  return create !== undefined && ((!create.allowed && create.auth !== 'none') || Boolean(create.user));
}

/** Fetches the gate if the limits, or the address (`?signin=…`, a failed sign-in), call for it; a failure is the page's to show. */
export async function loadSignInGate(create: Limits['create'] | undefined, search = ''): Promise<void> {
  if (!showsSignIn(create) && !new URLSearchParams(search).has('signin')) return;
  await signInGate.load().catch(() => {});
}
