/**
 * The single entry point both transports use: checks the method name, validates the input with the
 * contract's schema, runs the handler, optionally checks the output against the contract (tests and
 * development builds), and wraps whatever happens in a `Result`.
 */
import {
  contract,
  isApiMethod,
  type ApiMethod,
  type ApiOutput,
  type ApiParsedInput,
  type ServiceMethod,
  type ShellMethod,
} from '../shared/api';
import { fail, ok, type Result } from '../shared/result';
import { describeIssues } from '../shared/validation';
import { ServiceError } from './errors';

type HandlerOf<M extends ApiMethod> = (input: ApiParsedInput<M>) => ApiOutput<M> | Promise<ApiOutput<M>>;
export type ServiceHandlers = { [M in ServiceMethod]: HandlerOf<M> };
export type ShellHandlers = { [M in ShellMethod]: HandlerOf<M> };
export type Handlers = ServiceHandlers & ShellHandlers;
/** What tests may pass: the services alone (a shell method then answers UNKNOWN_METHOD). */
export type AnyHandlers = ServiceHandlers & Partial<ShellHandlers>;

export interface InvokeOptions {
  /** Validate every answer against the contract's output schema (tests, development builds). */
  checkOutputs?: boolean;
}

/** Whether this process checks outputs: on in development and tests, or with ATLAS_CHECK_OUTPUTS=1. */
export function outputChecksWanted(env: NodeJS.ProcessEnv): boolean {
  return env['ATLAS_CHECK_OUTPUTS'] === '1' || env['NODE_ENV'] === 'development' || env['NODE_ENV'] === 'test' || !!env['VITEST'];
}

export async function invokeMethod(handlers: AnyHandlers, method: string, input: unknown, options: InvokeOptions = {}): Promise<Result<unknown>> {
  if (!isApiMethod(method)) return fail('UNKNOWN_METHOD', `Unknown method "${method.slice(0, 100)}".`);
  const spec = contract[method];
  const handler = (handlers as Partial<Handlers>)[method] as ((input: unknown) => unknown) | undefined;
  if (!handler) return fail('UNKNOWN_METHOD', `${method} is not available here.`);
  const parsed = spec.input.safeParse(input);
  if (!parsed.success) return fail('INVALID_INPUT', `Invalid input for ${method}: ${describeIssues(parsed.error)}`);
  let value: unknown;
  try {
    value = await handler(parsed.data);
  } catch (error) {
    if (error instanceof ServiceError) return fail(error.code, error.message);
    console.error(`[atlas] ${method} failed:`, error);
    return fail('INTERNAL', `${method} failed: ${error instanceof Error ? error.message : String(error)}`);
  }
  if (options.checkOutputs) {
    const checked = spec.output.safeParse(value);
    if (!checked.success) {
      console.error(`[atlas] ${method} answered outside the contract:`, checked.error);
      return fail('INTERNAL', `${method} answered outside the contract: ${describeIssues(checked.error)}`);
    }
  }
  return ok(value);
}
