/**
 * Counters, histograms and gauges in the Prometheus text format (version 0.0.4), just
 * what the server reports. Label values must come from a small fixed set (route
 * patterns, methods, status codes): never an id, a token or anything a client chose.
 */

interface Metric {
  render(): string;
}

/** What every metric family starts with. */
function header(name: string, help: string, type: 'counter' | 'gauge' | 'histogram'): string {
  return `# HELP ${name} ${help}\n# TYPE ${name} ${type}\n`;
}

const escapeLabelValue = (value: string) =>
  value.replaceAll('\\', '\\\\').replaceAll('"', '\\"').replaceAll('\n', '\\n');

function labelText(names: readonly string[], values: readonly string[], extra?: string): string {
  const pairs = names.map((name, i) => `${name}="${escapeLabelValue(values[i]!)}"`);
  if (extra) pairs.push(extra);
  return pairs.length === 0 ? '' : `{${pairs.join(',')}}`;
}

/**
 * One series per distinct label values, in the order of the metric's label names. The
 * key is a plain join: this runs on every request, and escaping waits for a scrape.
 */
class Series<T> {
  readonly #series = new Map<string, { values: readonly string[]; value: T }>();

  get(values: readonly string[], create: () => T): T {
    const key = values.join('\u0000');
    let entry = this.#series.get(key);
    if (!entry) {
      entry = { values, value: create() };
      this.#series.set(key, entry);
    }
    return entry.value;
  }

  entries(): { values: readonly string[]; value: T }[] {
    return [...this.#series.values()];
  }
}

export class Counter implements Metric {
  readonly #series = new Series<{ count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    readonly labelNames: readonly string[] = [],
  ) {}

  /** Adds to the series of these label values, given in the order of `labelNames`. */
  inc(values: readonly string[] = [], by = 1): void {
    this.#series.get(values, () => ({ count: 0 })).count += by;
  }

  render(): string {
    const lines = this.#series
      .entries()
      .map(({ values, value }) => `${this.name}${labelText(this.labelNames, values)} ${value.count}\n`);
    return header(this.name, this.help, 'counter') + lines.join('');
  }
}

export class Histogram implements Metric {
  readonly #series = new Series<{ buckets: number[]; sum: number; count: number }>();
  constructor(
    readonly name: string,
    readonly help: string,
    /** Upper bounds, ascending; +Inf is implied. */
    readonly bounds: readonly number[],
    readonly labelNames: readonly string[] = [],
  ) {}

  observe(values: readonly string[], value: number): void {
    const series = this.#series.get(values, () => ({ buckets: this.bounds.map(() => 0), sum: 0, count: 0 }));
    // Buckets are cumulative in the output; here each observation lands in its first one.
    const index = this.bounds.findIndex((bound) => value <= bound);
    if (index >= 0) series.buckets[index]!++;
    series.sum += value;
    series.count++;
  }

  render(): string {
    let out = header(this.name, this.help, 'histogram');
    for (const { values, value } of this.#series.entries()) {
      const labels = labelText(this.labelNames, values);
      let cumulative = 0;
      this.bounds.forEach((bound, i) => {
        cumulative += value.buckets[i]!;
        out += `${this.name}_bucket${labelText(this.labelNames, values, `le="${bound}"`)} ${cumulative}\n`;
      });
      out += `${this.name}_bucket${labelText(this.labelNames, values, 'le="+Inf"')} ${value.count}\n`;
      out += `${this.name}_sum${labels} ${value.sum}\n`;
      out += `${this.name}_count${labels} ${value.count}\n`;
    }
    return out;
  }
}

/** A value read when scraped (memory, uptime), not kept up to date by the server. */
export class Gauge implements Metric {
  constructor(
    readonly name: string,
    readonly help: string,
    readonly read: () => number,
  ) {}

  render(): string {
    return `${header(this.name, this.help, 'gauge')}${this.name} ${this.read()}\n`;
  }
}

export class Registry {
  readonly #metrics: Metric[] = [];

  add<M extends Metric>(metric: M): M {
    this.#metrics.push(metric);
    return metric;
  }

  /** The whole exposition, for `GET /metrics`. */
  render(): string {
    return this.#metrics.map((metric) => metric.render()).join('');
  }
}

/** The Content-Type of `render()`'s text. */
export const EXPOSITION_CONTENT_TYPE = 'text/plain; version=0.0.4; charset=utf-8';
