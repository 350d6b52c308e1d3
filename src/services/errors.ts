/** Errors a service throws on purpose; the dispatcher turns them into a Result with their code. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}
