/** The create page's result (the link, its message, its status link): fetched when the sender creates. */
import { LazyPart } from './lazy.svelte.js';

export const createdView = new LazyPart(async () => (await import('./CreatedView.svelte')).default);
