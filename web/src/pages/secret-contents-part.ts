/** The inbox's answer (its text, its files): fetched when the requester reveals it. */
import { LazyPart } from './lazy.svelte.js';

export const secretContents = new LazyPart(async () => (await import('../components/SecretContents.svelte')).default);
