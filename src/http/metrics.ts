import type { RequestHandler } from 'express';
import { Counter, Gauge, Histogram, Registry, collectDefaultMetrics } from 'prom-client';
import type { ProjectionEngine } from '../read/projection-engine';
import type { EventStore } from '../store/port';
import type { SseHub } from './sse';

/** Prometheus metrics: requests per route, appends, projection lag, subscribers, and the process. */
export class Metrics {
  readonly registry = new Registry();
  private readonly requests = new Counter({
    name: 'http_requests_total',
    help: 'HTTP requests answered',
    labelNames: ['method', 'route', 'status'],
    registers: [this.registry],
  });
  private readonly duration = new Histogram({
    name: 'http_request_duration_seconds',
    help: 'Time to answer HTTP requests',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [this.registry],
  });
  readonly appended = new Counter({
    name: 'events_appended_total',
    help: 'Events appended through this process',
    registers: [this.registry],
  });

  constructor(store: EventStore, engine: ProjectionEngine, sse: SseHub) {
    collectDefaultMetrics({ register: this.registry });
    new Gauge({
      name: 'projection_lag_events',
      help: 'Events in the log not yet folded into the read models',
      registers: [this.registry],
      async collect() {
        // While the store cannot say, the lag is unknown (NaN), not none.
        this.set(await store.countAfter(engine.currentPosition).catch(() => NaN));
      },
    });
    new Gauge({
      name: 'projection_lag_seconds',
      help: 'How long the oldest event not yet folded has been in the log',
      registers: [this.registry],
      async collect() {
        const read = await store.readAll({ after: engine.currentPosition, limit: 1 }).catch(() => null);
        const next = read?.[0];
        this.set(read === null ? NaN : next ? Math.max(0, (Date.now() - Date.parse(next.recordedAt)) / 1000) : 0);
      },
    });
    new Gauge({
      name: 'projection_position',
      help: 'The log position the read models reflect',
      registers: [this.registry],
      collect() {
        this.set(engine.currentPosition);
      },
    });
    new Gauge({
      name: 'sse_subscribers',
      help: 'Open event streams',
      registers: [this.registry],
      collect() {
        this.set(sse.size);
      },
    });
  }

  /** Counts and times each request by its route pattern (not its URL, to keep label sets small). */
  readonly middleware: RequestHandler = (req, res, next) => {
    const end = this.duration.startTimer();
    res.on('finish', () => {
      // Express types the matched route as any; only its path pattern is read.
      const pattern = (req.route as { path?: unknown } | undefined)?.path;
      const route = typeof pattern === 'string' ? `${req.baseUrl}${pattern}` : 'unmatched';
      this.requests.inc({ method: req.method, route, status: String(res.statusCode) });
      end({ method: req.method, route });
    });
    next();
  };
}
