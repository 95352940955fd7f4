/**
 * Turns every failure into the JSON error shape `{error, message}` with the right
 * status. Nothing a client sends may produce a 500: unknown errors are logged and
 * answered with a generic sentence that leaks nothing.
 */
import type { FastifyError, FastifyInstance } from 'fastify';
import fp from 'fastify-plugin';
import { HttpError } from '../errors.js';
import { StoreUnavailableError } from '../store/secret-store.js';

/** Codes for Fastify's own client errors; their messages can echo request bytes, so ours replace them. */
const CLIENT_ERRORS: Record<number, [string, string]> = {
  400: ['invalid_request', 'The request is not valid.'],
  404: ['not_found', 'There is nothing here.'],
  405: ['method_not_allowed', 'This method is not allowed here.'],
  408: ['timeout', 'The request took too long to arrive.'],
  413: ['too_large', 'The request body is larger than this server accepts.'],
  415: ['unsupported_media_type', 'Send the request body as application/json.'],
  429: ['rate_limited', 'Too many requests: wait a minute and try again.'],
};

const FASTIFY_MESSAGES: Record<string, string> = {
  FST_ERR_CTP_EMPTY_JSON_BODY: 'The request body is empty; it must be a JSON object.',
  FST_ERR_CTP_INVALID_JSON_BODY: 'The request body is not valid JSON.',
  FST_ERR_CTP_INVALID_CONTENT_LENGTH: 'The Content-Length header does not match the body.',
};

function validationMessage(error: FastifyError): string {
  const first = error.validation?.[0];
  const where = error.validationContext ?? 'request';
  if (!first) return `The ${where} is not valid.`;
  const field = first.instancePath ? first.instancePath.slice(1).replaceAll('/', '.') : '';
  const missing = (first.params as { missingProperty?: string }).missingProperty;
  const extra = (first.params as { additionalProperty?: string }).additionalProperty;
  if (missing) return `The ${where} lacks the field "${missing}".`;
  if (extra) return `The ${where} has an unknown field "${extra}".`;
  return field ? `The field "${field}" in the ${where} ${first.message ?? 'is not valid'}.` : `The ${where} ${first.message ?? 'is not valid'}.`;
}

async function errorHandler(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof HttpError) {
      return reply.code(error.statusCode).send({ error: error.code, message: error.message, ...error.extra });
    }
    if (error instanceof StoreUnavailableError) {
      request.log.warn({ reason: error.reason }, 'secret store unavailable');
      return reply.code(503).send({
        error: 'store_unavailable',
        message:
          error.reason === 'full'
            ? 'The server has no room for new secrets right now. Try again later.'
            : 'The server cannot reach its storage right now. Try again in a moment.',
      });
    }
    if (error.validation) {
      return reply.code(400).send({ error: 'invalid_request', message: validationMessage(error) });
    }
    const status = error.statusCode ?? 500;
    if (status >= 400 && status < 500) {
      const [code, message] = CLIENT_ERRORS[status] ?? ['invalid_request', 'The request is not valid.'];
      request.log.info({ code: error.code ?? code, statusCode: status }, 'request refused');
      return reply.code(status).send({ error: code, message: FASTIFY_MESSAGES[error.code] ?? message });
    }
    request.log.error({ err: error }, 'unexpected error');
    return reply.code(500).send({ error: 'internal', message: 'Something went wrong on the server.' });
  });

  app.setNotFoundHandler((_request, reply) => {
    reply.code(404).send({ error: 'not_found', message: 'There is nothing here.' });
  });
}

export default fp(errorHandler, { name: 'error-handler', fastify: '5.x' });
