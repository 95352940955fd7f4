/** The reveal page's result (the secret, its files): fetched when the recipient presses Reveal. */
import { LazyPart } from './lazy.svelte.js';

export const revealedView = new LazyPart(async () => (await import('./RevealedView.svelte')).default);
