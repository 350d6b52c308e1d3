/**
 * The storage seam and the one way a store file is opened:
 *
 *   read → (BOM stripped) → parse → migrate step by step → validate → hand to the backend
 *
 * electron-store (Electron) and conf (browser mode, tests) satisfy `StoreFile`. A file that cannot
 * be used is never silently reset: an empty, unparseable or invalid file is moved aside and
 * reported; a file written by a newer version is left untouched and opened read-only; a folder where
 * the file should be is reported and the store runs read-only on its defaults. Every case becomes a
 * `StoreNotice` the user sees until they dismiss it.
 */
import { copyFileSync, existsSync, readdirSync, readFileSync, renameSync, statSync, unlinkSync, writeFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import type { z } from 'zod';
import type { StoreNotice, StoreNoticeReason } from '../shared/notices';
import { describeIssues } from '../shared/validation';
import { ReadOnlyStoreError } from './errors';

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

/** One step of a store's history: turns a file of version `from` into one of version `from + 1`. */
export interface Migration {
  from: number;
  migrate: (data: Record<string, unknown>) => Record<string, unknown>;
}

/** Everything the opener needs to know about one kind of store file. */
export interface StoreSpec<T extends Record<string, unknown>> {
  /** File name without `.json`. */
  name: string;
  /** The `schemaVersion` this build writes. */
  version: number;
  /** Validates a file of the current version. */
  schema: z.ZodType<T>;
  defaults: T;
  /** One step per version, from 1 up to `version - 1`, in order. */
  migrations: readonly Migration[];
}

export interface OpenStoreOptions<T extends Record<string, unknown>> {
  spec: StoreSpec<T>;
  dataDir: string;
  backend: StoreBackendFactory;
  /** Called for every problem found while opening. */
  onNotice: (notice: StoreNotice) => void;
  now?: () => Date;
}

export interface OpenedStore<T> {
  file: StoreFile<T>;
  /** The checked (and, if needed, migrated) content. */
  data: T;
  /** False when the file must not be written (newer version, or no usable file). */
  writable: boolean;
}

/** `2026-11-24T10:20:30.456Z` → `2026-11-24T10-20-30-456Z`, safe in file names on every OS. */
export function fileTimestamp(date: Date): string {
  return date.toISOString().replace(/[:.]/g, '-');
}

const BOM = '\uFEFF';

type Reading =
  | { kind: 'absent' }
  | { kind: 'ok'; data: Record<string, unknown>; version: number; hadBom: boolean }
  | { kind: 'newer'; version: number }
  | { kind: 'unusable'; reason: StoreNoticeReason; detail: string }
  | { kind: 'damaged'; reason: StoreNoticeReason; detail: string };

/**
 * Runs the migrations from `version` up to the spec's version. Pure: the input is not changed.
 * Throws when a step is missing or fails, naming the step.
 */
export function migrateStoreData(spec: Pick<StoreSpec<Record<string, unknown>>, 'name' | 'version' | 'migrations'>, data: Record<string, unknown>, version: number): Record<string, unknown> {
  let current = structuredClone(data);
  for (let from = version; from < spec.version; from++) {
    const step = spec.migrations.find((migration) => migration.from === from);
    if (!step) throw new Error(`${spec.name}: no migration from version ${from}`);
    current = { ...step.migrate(current), schemaVersion: from + 1 };
  }
  return current;
}

function readStoreFile(path: string, currentVersion: number): Reading {
  if (!existsSync(path)) return { kind: 'absent' };
  let text: string;
  try {
    if (!statSync(path).isFile()) return { kind: 'unusable', reason: 'not-a-file', detail: `${path} is a folder or device, not a file` };
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { kind: 'unusable', reason: 'unreadable', detail: (error as Error).message };
  }
  const hadBom = text.startsWith(BOM);
  if (hadBom) text = text.slice(1);
  if (text.trim() === '') return { kind: 'damaged', reason: 'empty', detail: 'the file is empty' };
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (error) {
    return { kind: 'damaged', reason: 'not-json', detail: (error as Error).message };
  }
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { kind: 'damaged', reason: 'invalid', detail: 'the file does not hold a JSON object' };
  }
  const version = (data as { schemaVersion?: unknown }).schemaVersion;
  if (typeof version !== 'number' || !Number.isSafeInteger(version) || version < 1) {
    return { kind: 'damaged', reason: 'invalid', detail: 'schemaVersion is missing or not a positive whole number' };
  }
  if (version > currentVersion) return { kind: 'newer', version };
  return { kind: 'ok', data: data as Record<string, unknown>, version, hadBom };
}

/** A store that lives in memory only and refuses writes, for files this build must not touch. */
class ReadOnlyStoreFile<T> implements StoreFile<T> {
  constructor(
    readonly path: string,
    private readonly data: T,
    private readonly why: string,
  ) {}

  get store(): T {
    return this.data;
  }

  set store(_value: T) {
    throw new ReadOnlyStoreError(this.why);
  }
}

/** Writes `text` to `path` through a temporary file and a rename, so a crash leaves old or new. */
function writeAtomically(path: string, text: string): void {
  const temp = `${path}.atlas-tmp`;
  writeFileSync(temp, text);
  renameSync(temp, path);
}

/**
 * Opens one store file (see the header of this file for the steps). Returns the backend-backed file
 * and its checked content, so services that keep records in memory need not read them again.
 */
export function openStore<T extends Record<string, unknown>>(options: OpenStoreOptions<T>): OpenedStore<T> {
  const { spec, dataDir } = options;
  const now = options.now ?? (() => new Date());
  const path = join(dataDir, `${spec.name}.json`);
  const notice = (fields: Omit<StoreNotice, 'id' | 'store' | 'file' | 'at'>): void => {
    const at = now().toISOString();
    options.onNotice({ id: `${spec.name}:${fields.reason}:${at}`, store: spec.name, file: path, at, ...fields });
  };
  const moveAside = (reason: StoreNoticeReason, detail: string): void => {
    const movedTo = join(dataDir, `${spec.name}.corrupt-${fileTimestamp(now())}.json`);
    renameSync(path, movedTo);
    notice({ kind: 'moved-aside', reason, detail, movedTo, foundVersion: null });
  };

  const reading = readStoreFile(path, spec.version);
  switch (reading.kind) {
    case 'newer':
      notice({ kind: 'newer-version', reason: 'newer', detail: `schemaVersion ${reading.version}, this build reads up to ${spec.version}`, movedTo: null, foundVersion: reading.version });
      return { file: new ReadOnlyStoreFile(path, spec.defaults, `${basename(path)} was written by a newer version of the app, so this version does not change it.`), data: spec.defaults, writable: false };
    case 'unusable':
      notice({ kind: 'unusable', reason: reading.reason, detail: reading.detail, movedTo: null, foundVersion: null });
      return { file: new ReadOnlyStoreFile(path, spec.defaults, `${path} cannot be used (${reading.detail}), so nothing can be saved there.`), data: spec.defaults, writable: false };
    case 'damaged':
      moveAside(reading.reason, reading.detail);
      break;
    case 'ok': {
      let migrated: Record<string, unknown>;
      try {
        migrated = migrateStoreData(spec, reading.data, reading.version);
      } catch (error) {
        moveAside('migration-failed', (error as Error).message);
        break;
      }
      const parsed = spec.schema.safeParse(migrated);
      if (!parsed.success) {
        moveAside(reading.version === spec.version ? 'invalid' : 'migration-failed', describeIssues(parsed.error));
        break;
      }
      if (reading.version !== spec.version) {
        // Keep the file as the previous release wrote it, next to the upgraded one.
        const backup = join(dataDir, `${spec.name}.v${reading.version}.json`);
        if (!existsSync(backup)) copyFileSync(path, backup);
      }
      if (reading.version !== spec.version || reading.hadBom) writeAtomically(path, `${JSON.stringify(parsed.data, null, '\t')}\n`);
      const file = options.backend({ name: spec.name, cwd: dataDir, defaults: spec.defaults });
      return { file, data: parsed.data, writable: true };
    }
    case 'absent':
      break;
  }
  const file = options.backend({ name: spec.name, cwd: dataDir, defaults: spec.defaults });
  return { file, data: spec.defaults, writable: true };
}

/**
 * Temporary files a crash can leave behind: atomically's `<file>.tmp-<10 digits><6 hex>` (conf and
 * electron-store) and our own `<file>.atlas-tmp`, in the data folder and in its `pages/` folder
 * (saved pages' article files). Removed at start, once this process holds the data folder's lock,
 * so no other writer can be using them. Returns the paths removed, relative to the data folder.
 */
export function removeStaleTempFiles(dataDir: string): string[] {
  const stale = /\.json\.(?:tmp-\d{10}[a-f0-9]{6}|atlas-tmp)$/;
  const removed: string[] = [];
  for (const folder of ['', 'pages']) {
    const dir = join(dataDir, folder);
    for (const name of existsSync(dir) ? readdirSync(dir) : []) {
      if (!stale.test(name)) continue;
      try {
        unlinkSync(join(dir, name));
        removed.push(folder ? `${folder}/${name}` : name);
      } catch {
        /* a folder or a file we may not delete: leave it */
      }
    }
  }
  return removed;
}
