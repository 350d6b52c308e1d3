/**
 * The storage seam. Services read and write whole records through `StoreFile`, which electron-store
 * (Electron) and conf (browser mode, tests) both satisfy. `openStoreFile` checks a file before the
 * backend sees it: a file that does not parse or validate is moved aside and reported, never reset.
 */
import { existsSync, readFileSync, renameSync } from 'node:fs';
import { join } from 'node:path';
import type { z } from 'zod';
import type { StoreNotice } from '../shared/api';
import { describeIssues } from '../shared/validation';

/** The part of the conf / electron-store API the services use. */
export interface StoreFile<T> {
  readonly path: string;
  store: T;
}

export interface StoreBackendOptions<T> {
  /** File name without `.json`. */
  name: string;
  /** The folder the file lives in. */
  cwd: string;
  defaults: T;
}

/** Creates the backend for one file: `new ElectronStore(...)` or `new Conf(...)`. */
export type StoreBackendFactory = <T extends Record<string, unknown>>(options: StoreBackendOptions<T>) => StoreFile<T>;

export interface OpenStoreOptions<T extends Record<string, unknown>> {
  name: string;
  dataDir: string;
  schema: z.ZodType<T>;
  defaults: T;
  backend: StoreBackendFactory;
  /** Called when a file had to be moved aside. */
  onNotice: (notice: StoreNotice) => void;
  now?: () => Date;
}

/** `2026-11-24T10:20:30.456Z` → `2026-11-24T10-20-30-456Z`, safe in file names on every OS. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

type Inspection<T> = { ok: true; data: T | null } | { ok: false; problem: string };

/** Reads and checks a store file: its valid content (null when absent or empty), or what is wrong. */
function inspectStoreFile<T>(path: string, schema: z.ZodType<T>): Inspection<T> {
  if (!existsSync(path)) return { ok: true, data: null };
  const text = readFileSync(path, 'utf8');
  if (text.trim() === '') return { ok: true, data: null };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { ok: false, problem: `not valid JSON (${(error as Error).message})` };
  }
  const parsed = schema.safeParse(data);
  return parsed.success ? { ok: true, data: parsed.data } : { ok: false, problem: `unexpected content (${describeIssues(parsed.error)})` };
}

/** Why a store file cannot be used as it is, or null when it is fine (or absent). */
export function diagnoseStoreFile<T>(path: string, schema: z.ZodType<T>): string | null {
  const inspection = inspectStoreFile(path, schema);
  return inspection.ok ? null : inspection.problem;
}

/**
 * Opens a store file through the backend, after moving a damaged one aside. Also returns the
 * checked content, so a service that keeps its records in memory need not read and check them again.
 */
export function loadStoreFile<T extends Record<string, unknown>>(options: OpenStoreOptions<T>): { file: StoreFile<T>; data: T } {
  const now = options.now ?? (() => new Date());
  const path = join(options.dataDir, `${options.name}.json`);
  const inspection = inspectStoreFile(path, options.schema);
  if (!inspection.ok) {
    const at = now();
    const movedTo = join(options.dataDir, `${options.name}.corrupt-${fileTimestamp(at)}.json`);
    renameSync(path, movedTo);
    options.onNotice({ store: options.name, movedTo, reason: inspection.problem, at: at.toISOString() });
  }
  const file = options.backend({ name: options.name, cwd: options.dataDir, defaults: options.defaults });
  return { file, data: (inspection.ok ? inspection.data : null) ?? options.defaults };
}

export function openStoreFile<T extends Record<string, unknown>>(options: OpenStoreOptions<T>): StoreFile<T> {
  return loadStoreFile(options).file;
}
