/** Errors a service throws on purpose; the dispatcher turns them into a Result with their code. */
export class NotFoundError extends Error {
  readonly code = 'NOT_FOUND';
}

/** An edit based on an older revision of a record than the one stored (two windows, say). */
export class ConflictError extends Error {
  readonly code = 'CONFLICT';
}

/** A write to a store file this process must not change (newer version, or no usable file). */
export class ReadOnlyStoreError extends Error {
  readonly code = 'READ_ONLY';
}
