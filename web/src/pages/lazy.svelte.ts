/**
 * A part of a page that a person sees only after an action (the link after Create, the
 * secret after Reveal), kept out of the page's first load: fetched when the action
 * starts, or a little earlier on a sign of intent (typing in the form), and awaited
 * before anything happens that cannot be undone, so a page that could not fetch it
 * says so and has burned or created nothing.
 */

/** A part of the page could not be fetched (the network dropped): the flows word it as "cannot reach the server". */
export class PartUnavailableError extends Error {
  constructor(options?: ErrorOptions) {
    super('A part of the page could not be loaded.', options);
  }
}

export class LazyPart<T> {
  /** The part once fetched, for the page to render. */
  current = $state.raw<T>();
  /** Whether the last fetch failed (and none is under way): for a page that must then say so itself. */
  failed = $state(false);
  #pending?: Promise<T>;

  constructor(private readonly fetchPart: () => Promise<T>) {}

  /** Fetches the part once; after a failure the next call tries again. */
  load(): Promise<T> {
    this.#pending ??= this.fetchPart().then(
      (part) => {
        this.failed = false;
        return (this.current = part);
      },
      (error: unknown) => {
        this.#pending = undefined;
        this.failed = true;
        throw new PartUnavailableError({ cause: error });
      },
    );
    return this.#pending;
  }

  /** Starts fetching ahead of the action; a failure here is reported when the action asks again. */
  prefetch(): void {
    this.load().catch(() => {});
  }
}
