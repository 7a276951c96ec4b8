/**
 * A tiny Prometheus registry: counters, gauges and histograms with labels, rendered in the text exposition
 * format (version 0.0.4). Written here instead of pulling prom-client because the host needs a dozen series.
 */

type Labels = Readonly<Record<string, string>>;

/** A monotonically increasing counter. */
export interface Counter {
  inc(labels?: Labels, by?: number): void;
  get(labels?: Labels): number;
}

/** A value that goes up and down. */
export interface Gauge {
  set(value: number, labels?: Labels): void;
  get(labels?: Labels): number | undefined;
}

/** A histogram with fixed buckets (seconds). */
export interface Histogram {
  observe(value: number, labels?: Labels): void;
}

/** The registry: makes metrics and renders them. */
export interface MetricsRegistry {
  counter(name: string, help: string): Counter;
  gauge(name: string, help: string): Gauge;
  histogram(name: string, help: string, buckets?: readonly number[]): Histogram;
  /** The Prometheus text exposition of every metric. */
  render(): string;
}

const defaultBuckets = [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

// Called for every request's counters: one string built in a loop, label values escaped only when needed.
function labelKey(labels: Labels | undefined): string {
  if (!labels) return '';
  const keys = Object.keys(labels);
  if (keys.length > 1) keys.sort();
  let key = '';
  for (const k of keys) key += `${key === '' ? '' : ','}${k}="${escapeLabel(labels[k] ?? '')}"`;
  return key;
}

const needsEscape = /[\\\n"]/;

function escapeLabel(value: string): string {
  if (!needsEscape.test(value)) return value;
  return value.replace(/\\/g, '\\\\').replace(/\n/g, '\\n').replace(/"/g, '\\"');
}

function formatNumber(n: number): string {
  if (n === Number.POSITIVE_INFINITY) return '+Inf';
  if (n === Number.NEGATIVE_INFINITY) return '-Inf';
  return String(n);
}

function series(name: string, key: string, extra?: string): string {
  const all = [key, extra].filter((s) => s !== undefined && s !== '').join(',');
  return all ? `${name}{${all}}` : name;
}

/**
 * Creates an empty metrics registry.
 * @example
 * const m = createMetrics();
 * const requests = m.counter('scim_requests_total', 'SCIM requests');
 * requests.inc({ operation: 'createUser', status: '201' });
 * m.render(); // '# HELP scim_requests_total …'
 */
export function createMetrics(): MetricsRegistry {
  const renderers: Array<() => string> = [];

  return {
    counter(name, help) {
      const values = new Map<string, number>();
      renderers.push(() => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} counter`];
        for (const [key, v] of values) lines.push(`${series(name, key)} ${formatNumber(v)}`);
        return lines.join('\n');
      });
      return {
        inc(labels, by = 1) {
          const key = labelKey(labels);
          values.set(key, (values.get(key) ?? 0) + by);
        },
        get(labels) {
          return values.get(labelKey(labels)) ?? 0;
        },
      };
    },
    gauge(name, help) {
      const values = new Map<string, number>();
      renderers.push(() => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} gauge`];
        for (const [key, v] of values) lines.push(`${series(name, key)} ${formatNumber(v)}`);
        return lines.join('\n');
      });
      return {
        set(value, labels) {
          values.set(labelKey(labels), value);
        },
        get(labels) {
          return values.get(labelKey(labels));
        },
      };
    },
    histogram(name, help, buckets = defaultBuckets) {
      const sorted = [...buckets].sort((a, b) => a - b);
      const data = new Map<string, { counts: number[]; sum: number; count: number }>();
      renderers.push(() => {
        const lines = [`# HELP ${name} ${help}`, `# TYPE ${name} histogram`];
        for (const [key, d] of data) {
          let cumulative = 0;
          sorted.forEach((le, i) => {
            cumulative += d.counts[i] ?? 0;
            lines.push(`${series(`${name}_bucket`, key, `le="${formatNumber(le)}"`)} ${cumulative}`);
          });
          lines.push(`${series(`${name}_bucket`, key, 'le="+Inf"')} ${d.count}`);
          lines.push(`${series(`${name}_sum`, key)} ${formatNumber(d.sum)}`);
          lines.push(`${series(`${name}_count`, key)} ${d.count}`);
        }
        return lines.join('\n');
      });
      return {
        observe(value, labels) {
          const key = labelKey(labels);
          let d = data.get(key);
          if (!d) {
            d = { counts: sorted.map(() => 0), sum: 0, count: 0 };
            data.set(key, d);
          }
          const i = sorted.findIndex((le) => value <= le);
          if (i >= 0) d.counts[i] = (d.counts[i] ?? 0) + 1;
          d.sum += value;
          d.count += 1;
        },
      };
    },
    render() {
      return `${renderers.map((r) => r()).join('\n')}\n`;
    },
  };
}
