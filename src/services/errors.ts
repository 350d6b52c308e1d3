/** Errors a service throws on purpose; the dispatcher turns them into a Result with their code. */
import type { ErrorCode } from '../shared/result';

export abstract class ServiceError extends Error {
  abstract readonly code: ErrorCode;
}

export class NotFoundError extends ServiceError {
  readonly code = 'NOT_FOUND';
}

/** An edit based on an older revision of a record than the one stored (two windows, say). */
export class ConflictError extends ServiceError {
  readonly code = 'CONFLICT';
}

/** A write to a store file this process must not change (newer version, or no usable file). */
export class ReadOnlyStoreError extends ServiceError {
  readonly code = 'READ_ONLY';
}

/** A file the user gave us (an import) that cannot be used; the message says why. */
export class BadFileError extends ServiceError {
  readonly code = 'INVALID_INPUT';
}
