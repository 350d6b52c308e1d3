/**
 * The single entry point both transports use: checks the method name, validates the input with the
 * contract's schema, runs the handler and wraps whatever happens in a `Result`.
 */
import { contract, type ApiInput, type ApiOutput } from '../shared/api';
import { isApiMethod, type ApiMethod } from '../shared/api-methods';
import { fail, ok, type Result } from '../shared/result';
import { describeIssues } from '../shared/validation';
import { NotFoundError } from './errors';

export type Handlers = {
  [M in ApiMethod]: (input: ApiInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
};

export async function invokeMethod(handlers: Handlers, method: string, input: unknown): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail('UNKNOWN_METHOD', `Unknown method "${method}".`);
  const parsed = contract[method].input.safeParse(input);
  if (!parsed.success) return fail('INVALID_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}`);
  try {
    const handler = handlers[method] as (input: unknown) => unknown;
    return ok(await handler(parsed.data));
  } catch (error) {
    if (error instanceof NotFoundError) return fail('NOT_FOUND', error.message);
    console.error(`[atlas] ${method} failed:`, error);
    return fail('INTERNAL', `${method} failed: ${(error as Error).message ?? String(error)}`);
  }
}
