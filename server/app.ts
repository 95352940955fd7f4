/**
 * Builds the Fastify app from a typed config. `main.ts` listens with it; the tests
 * build the same app and talk to it with `inject` or over a socket.
 */
import Fastify, { LogController, type FastifyInstance, type FastifyServerOptions } from 'fastify';
import { loadBrand } from './brand.js';
import type { Config } from './config.js';
import alerts from './plugins/alerts.js';
import apiTokens from './plugins/api-tokens.js';
import audit from './plugins/audit.js';
import byteBudget from './plugins/byte-budget.js';
import clientKey from './plugins/client-key.js';
import createAuth from './plugins/create-auth.js';
import oidcSession from './plugins/oidc-session.js';
import proxyHeaderAuth from './plugins/proxy-header-auth.js';
import drain from './plugins/drain.js';
import errorHandler, { answerClientError, answerFrameworkError } from './plugins/error-handler.js';
import metrics from './plugins/metrics.js';
import openapi from './plugins/openapi.js';
import rateLimit from './plugins/rate-limit.js';
import redis from './plugins/redis.js';
import securityHeaders from './plugins/security-headers.js';
import staticPage from './plugins/static.js';
import store from './plugins/store.js';
import uploadCap from './plugins/upload-cap.js';
import authRoutes from './routes/auth.routes.js';
import healthRoutes from './routes/health.routes.js';
import limitsRoutes from './routes/limits.routes.js';
import requestsRoutes from './routes/requests.routes.js';
import secretsRoutes from './routes/secrets.routes.js';
import { lazySchemaCompilers } from './lazy-schemas.js';
import { routePattern } from './route-pattern.js';
import type { RequestStore } from './store/request-store.js';
import type { SecretStore } from './store/secret-store.js';

export interface AppOptions {
  /** A ready store to use instead of the one the config names (whose Redis, if any, still counts the limits). */
  store?: SecretStore;
  /** A ready request store to use instead of the one the config names. */
  requests?: RequestStore;
  /** Where log lines go (default stdout); tests capture them here. */
  logStream?: NodeJS.WritableStream;
  /** Where AUDIT_LOG=stdout writes (default stdout); tests capture it here. */
  auditStream?: NodeJS.WritableStream;
  /** This app is one of WORKERS processes: the cluster's primary serves its metrics (workers.ts). */
  clusterWorker?: boolean;
}

/**
 * Log lines carry the route pattern, never the URL: URLs hold secret ids, and ids,
 * tokens and ciphertext must not reach a log.
 */
const logSerializers = {
  req: (request: { method: string; routeOptions?: { url?: string } }) => ({
    method: request.method,
    route: routePattern(request),
  }),
  res: (reply: { statusCode: number }) => ({ statusCode: reply.statusCode }),
};

/** Builds the burnlink server app. */
export async function buildApp(config: Config, options: AppOptions = {}): Promise<FastifyInstance> {
  // First: a logo that cannot be used stops the start before anything connects.
  const brand = loadBrand(config);
  const logger: FastifyServerOptions['logger'] =
    config.logLevel === 'silent'
      ? false
      : {
          level: config.logLevel,
          serializers: logSerializers,
          ...(options.logStream && { stream: options.logStream }),
        };
  const app = Fastify({
    logger,
    // One line per request (the onResponse hook below) instead of Fastify's two.
    logController: new LogController({ disableRequestLogging: true }),
    trustProxy: config.trustProxy,
    // Slow-body and header bounds so a trickling client cannot hold a socket forever.
    // Node checks them every 30 s by default, which would let a client overstay by that
    // much; checking every second keeps the bounds close to what is configured.
    http: {
      headersTimeout: config.headersTimeoutMs,
      requestTimeout: config.requestTimeoutMs,
      connectionsCheckingInterval: 1000,
    },
    requestTimeout: config.requestTimeoutMs,
    connectionTimeout: 60_000,
    keepAliveTimeout: 10_000,
    frameworkErrors: answerFrameworkError,
    clientErrorHandler: answerClientError,
    bodyLimit: 16 * 1024,
    // While closing, requests that still arrive on open connections are served (the store
    // closes only after them) with Connection: close, rather than Fastify's bare 503.
    return503OnClosing: false,
    routerOptions: { maxParamLength: 100 },
    // Strict JSON: no type coercion, and unknown fields are refused rather than dropped.
    ajv: { customOptions: { coerceTypes: false, removeAdditional: false, allErrors: false } },
    schemaController: { compilersFactory: lazySchemaCompilers() },
  });

  // The API takes JSON only. Fastify also parses text/plain by default, which would turn
  // a wrong content type into a confusing schema error instead of a 415.
  app.removeContentTypeParser('text/plain');

  // Only when info is logged: at warn, or silent, the hook would run on every answer for nothing.
  if (logger && ['info', 'debug', 'trace'].includes(config.logLevel)) {
    app.addHook('onResponse', (request, reply, done) => {
      request.log.info({ req: request, res: reply, responseTime: reply.elapsedTime }, 'request completed');
      done();
    });
  }

  await app.register(drain);
  await app.register(securityHeaders);
  await app.register(errorHandler);
  // Before any route: it records them as they are registered.
  await app.register(openapi);
  await app.register(redis, { config });
  await app.register(store, { config, store: options.store, requests: options.requests });
  await app.register(metrics, { config, clusterWorker: options.clusterWorker ?? false });
  await app.register(clientKey, { config });
  await app.register(rateLimit);
  await app.register(createAuth, { config });
  await app.register(apiTokens, { config });
  await app.register(proxyHeaderAuth, { config });
  await app.register(oidcSession, { config });
  await app.register(byteBudget, { config });
  await app.register(uploadCap, { config });
  await app.register(alerts, { config });
  await app.register(audit, { config, stdout: options.auditStream });
  await app.register(healthRoutes);
  await app.register(limitsRoutes, { config, brand: brand.public });
  await app.register(secretsRoutes, { config });
  await app.register(requestsRoutes, { config });
  await app.register(authRoutes, { config });
  await app.register(staticPage, { webRoot: config.webRoot, brand });
  return app;
}
