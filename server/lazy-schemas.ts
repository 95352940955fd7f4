/**
 * Route schemas compiled when a route first needs them, not while the server starts.
 * Fastify builds every route's validator (Ajv) and serializer (fast-json-stringify) as it
 * starts, generating and compiling code for some 20 routes: about a quarter of the
 * start-up (docs/BENCHMARKS.md, "Start-up"). These factories hand Fastify the very same
 * compilers, deferred: a route's code is built at its first request (a few milliseconds,
 * once per process), and a schema Ajv would refuse still fails that route's first request,
 * which every route's tests make. The Ajv instance itself (its formats and keywords) is
 * made at the first compile too, not when Fastify asks for the compiler at start-up.
 */
import AjvCompiler from '@fastify/ajv-compiler';
import SerializerSelector from '@fastify/fast-json-stringify-compiler';
import type { FastifyServerOptions } from 'fastify';

type CompilersFactory = NonNullable<NonNullable<FastifyServerOptions['schemaController']>['compilersFactory']>;

/** Fastify's default compilers, each compiling a route's schema on the route's first use. */
export function lazySchemaCompilers(): Required<CompilersFactory> {
  const validators = AjvCompiler();
  const serializers = SerializerSelector();
  type Validate = ReturnType<ReturnType<typeof validators>>;
  type Serialize = ReturnType<ReturnType<typeof serializers>>;
  return {
    buildValidator: (externalSchemas, options) => {
      let compile: ReturnType<typeof validators> | undefined;
      return (route) => {
        let validate: Validate | undefined;
        // Fastify reads a failed validation's errors from the function it was given.
        const deferred = Object.assign(
          (data: unknown) => {
            validate ??= (compile ??= validators(externalSchemas, options))(route);
            const valid = validate(data);
            deferred.errors = validate.errors;
            return valid;
          },
          { errors: undefined as Validate['errors'] },
        );
        return deferred as unknown as Validate;
      };
    },
    buildSerializer: (externalSchemas, options) => {
      let compile: ReturnType<typeof serializers> | undefined;
      return (route) => {
        let serialize: Serialize | undefined;
        return (document) => (serialize ??= (compile ??= serializers(externalSchemas, options))(route))(document);
      };
    },
  };
}
