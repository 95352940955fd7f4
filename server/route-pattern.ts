/**
 * How logs and metrics name a request: by its route's pattern (`/api/secrets/:id/reveal`),
 * never its URL, which holds a secret's id.
 */
export function routePattern(request: { routeOptions?: { url?: string } }): string {
  return request.routeOptions?.url ?? '(unmatched)';
}
