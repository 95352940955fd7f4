/**
 * The status page's updates in the background, on Vitest's fake timers and a stand-in
 * for the document's visibility: every interval while visible, nothing while hidden,
 * at once when shown again, never two at once, and no more once the page is settled.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { autoRefresh, type PageVisibility } from '../../web/src/pages/auto-refresh.js';

class FakePage extends EventTarget implements PageVisibility {
  hidden = false;

  setHidden(hidden: boolean): void {
    this.hidden = hidden;
    this.dispatchEvent(new Event('visibilitychange'));
  }
}

describe('autoRefresh', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  /** An update that counts its calls and answers `more()`. */
  function counting(more: () => boolean = () => true) {
    const update = vi.fn(() => Promise.resolve(more()));
    return update;
  }

  it('updates once every interval while the page is visible', async () => {
    const update = counting();
    autoRefresh(update, 15_000, new FakePage());
    await vi.advanceTimersByTimeAsync(14_999);
    expect(update).not.toHaveBeenCalled();
    await vi.advanceTimersByTimeAsync(1);
    expect(update).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(45_000);
    expect(update).toHaveBeenCalledTimes(4);
  });

  it('stops for good once an update says nothing more can change', async () => {
    let calls = 0;
    const update = counting(() => ++calls < 2);
    const page = new FakePage();
    autoRefresh(update, 15_000, page);
    await vi.advanceTimersByTimeAsync(120_000);
    expect(update).toHaveBeenCalledTimes(2);
    page.setHidden(true);
    page.setHidden(false);
    await vi.advanceTimersByTimeAsync(60_000);
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('asks nothing while hidden, and asks at once when shown again', async () => {
    const update = counting();
    const page = new FakePage();
    autoRefresh(update, 15_000, page);
    await vi.advanceTimersByTimeAsync(10_000);
    page.setHidden(true);
    await vi.advanceTimersByTimeAsync(10 * 60_000);
    expect(update).not.toHaveBeenCalled();
    page.setHidden(false);
    await vi.advanceTimersByTimeAsync(0);
    expect(update).toHaveBeenCalledTimes(1);
    // Then the interval again, from that update.
    await vi.advanceTimersByTimeAsync(14_999);
    expect(update).toHaveBeenCalledTimes(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('never runs two updates at once, however the visibility flickers', async () => {
    let finish: (more: boolean) => void = () => {};
    const update = vi.fn(() => new Promise<boolean>((resolve) => (finish = resolve)));
    const page = new FakePage();
    autoRefresh(update, 15_000, page);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(update).toHaveBeenCalledTimes(1);
    page.setHidden(true);
    page.setHidden(false);
    expect(update).toHaveBeenCalledTimes(1);
    finish(true);
    await vi.advanceTimersByTimeAsync(15_000);
    expect(update).toHaveBeenCalledTimes(2);
  });

  it('keeps going after an update that throws, and stops when told to', async () => {
    const update = vi.fn(() => Promise.reject(new Error('offline')));
    const stop = autoRefresh(update, 15_000, new FakePage());
    await vi.advanceTimersByTimeAsync(30_000);
    expect(update).toHaveBeenCalledTimes(2);
    stop();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(update).toHaveBeenCalledTimes(2);
  });
});
