/**
 * Debian's Chromium driven by playwright-core (never a downloaded browser), plus a
 * recorder of every request and of every CSP violation or script error a context sees.
 */
import { chromium, type Browser, type BrowserContext } from 'playwright-core';

export const CHROMIUM = '/usr/bin/chromium';

/** Launches headless Chromium with nothing that phones home; `extraArgs` go after ours. */
export function launchBrowser(extraArgs: string[] = []): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM,
    args: [
      '--headless',
      '--no-sandbox',
      '--disable-gpu',
      '--disable-background-networking',
      '--no-first-run',
      '--disable-quic',
      '--disable-component-update',
      '--disable-sync',
      ...extraArgs,
    ],
  });
}

export interface RecordedRequest {
  method: string;
  url: string;
  /** Every header Chromium sent, including cookies and Referer. */
  headers: Record<string, string>;
  body: string | null;
}

/** Records what a browser context sends and what goes wrong in its pages. */
export class ContextRecorder {
  readonly #pending: Promise<RecordedRequest>[] = [];
  /**
   * CSP violations, console errors and uncaught script errors. Chromium's "Failed to
   * load resource" lines are left out: they are the API's expected 404s and 403s.
   */
  readonly problems: string[] = [];

  constructor(context: BrowserContext) {
    context.on('request', (request) => {
      this.#pending.push(
        request
          .allHeaders()
          // A request still in flight when its context closes has no headers to give.
          .catch(() => ({}))
          .then((headers) => ({
            method: request.method(),
            url: request.url(),
            headers,
            body: request.postData(),
          })),
      );
    });
    context.on('console', (message) => {
      if (message.type() === 'error' && !/^Failed to load resource\b/.test(message.text())) {
        this.problems.push(message.text());
      }
    });
    context.on('weberror', (error) => this.problems.push(String(error.error())));
  }

  /** Every request so far, headers resolved. */
  requests(): Promise<RecordedRequest[]> {
    return Promise.all(this.#pending);
  }
}

/** Each request written out in full, for searching it for strings that must not be there. */
export function requestText(request: RecordedRequest): string {
  return [request.method, request.url, JSON.stringify(request.headers), request.body ?? ''].join('\n');
}
