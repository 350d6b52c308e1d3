/**
 * Export of everything the user has, and import that validates the whole file first and then
 * merges without duplicates (see shared/user-data.ts). A bad file changes nothing and says why.
 */
import type { Annotation } from '../shared/annotations';
import { describeIssues } from '../shared/validation';
import { EXPORT_FORMAT, EXPORT_VERSION, UserDataExportSchema, type ImportCounts, type ImportPlan, type UserDataExport } from '../shared/user-data';
import type { Bookmark, Progress } from '../shared/study';
import type { AnnotationsService } from './annotations-service';
import { BadFileError as ImportError } from './errors';
import type { BookmarksService } from './bookmarks-service';
import type { ProgressService } from './progress-service';
import type { SettingsService } from './settings-service';

type Decision = 'add' | 'skip' | 'newer';

function decide<T extends { updatedAt: string }>(incoming: T, existing: T | undefined): Decision {
  if (!existing) return 'add';
  return incoming.updatedAt > existing.updatedAt ? 'newer' : 'skip';
}

function count(decisions: readonly Decision[]): ImportCounts {
  return {
    add: decisions.filter((d) => d === 'add').length,
    skip: decisions.filter((d) => d === 'skip').length,
    newer: decisions.filter((d) => d === 'newer').length,
  };
}

export class UserDataService {
  constructor(
    private readonly services: { settings: SettingsService; bookmarks: BookmarksService; progress: ProgressService; annotations: AnnotationsService },
    private readonly appVersion: string,
    private readonly now: () => Date = () => new Date(),
  ) {}

  export(): UserDataExport {
    return {
      format: EXPORT_FORMAT,
      version: EXPORT_VERSION,
      exportedAt: this.now().toISOString(),
      appVersion: this.appVersion,
      settings: this.services.settings.get(),
      bookmarks: this.services.bookmarks.all(),
      progress: Object.values(this.services.progress.overview().notes),
      annotations: this.services.annotations.all(),
    };
  }

  /** Parses and checks a file; throws an ImportError that says what is wrong. */
  parse(content: string): UserDataExport {
    let data: unknown;
    try {
      data = JSON.parse(content.replace(/^\uFEFF/, ''));
    } catch (error) {
      throw new ImportError(`The file is not valid JSON (${(error as Error).message}); nothing was imported.`);
    }
    if (typeof data === 'object' && data !== null && (data as { format?: unknown }).format !== EXPORT_FORMAT) {
      throw new ImportError('This is not a Cloud Native Atlas export (its "format" is missing or different); nothing was imported.');
    }
    const version = (data as { version?: unknown } | null)?.version;
    if (typeof version === 'number' && version > EXPORT_VERSION) {
      throw new ImportError(`The file was exported by a newer version of the app (format version ${version}); update the app to import it; nothing was imported.`);
    }
    const parsed = UserDataExportSchema.safeParse(data);
    if (!parsed.success) throw new ImportError(`The file does not have the expected content (${describeIssues(parsed.error).slice(0, 300)}); nothing was imported.`);
    return parsed.data;
  }

  private plan(file: UserDataExport) {
    const bookmarks = new Map(this.services.bookmarks.all().map((b) => [b.id, b]));
    const progress = this.services.progress.overview().notes;
    const annotations = new Map(this.services.annotations.all().map((a) => [a.id, a]));
    const bookmarkDecisions = file.bookmarks.map((b) => ({ record: b, decision: decide(b, bookmarks.get(b.id) ?? this.services.bookmarks.findByTarget(b.target)) }));
    const progressDecisions = file.progress.map((p) => ({ record: p, decision: decide(p, Object.hasOwn(progress, p.noteId) ? progress[p.noteId] : undefined) }));
    const annotationDecisions = file.annotations.map((a) => ({ record: a, decision: decide(a, annotations.get(a.id)) }));
    const settings = file.settings.updatedAt !== null && (this.services.settings.get().updatedAt ?? '') < file.settings.updatedAt;
    return { bookmarkDecisions, progressDecisions, annotationDecisions, settings };
  }

  private summary(plan: ReturnType<UserDataService['plan']>): ImportPlan {
    return {
      bookmarks: count(plan.bookmarkDecisions.map((d) => d.decision)),
      progress: count(plan.progressDecisions.map((d) => d.decision)),
      annotations: count(plan.annotationDecisions.map((d) => d.decision)),
      settings: plan.settings,
    };
  }

  preview(content: string): ImportPlan {
    return this.summary(this.plan(this.parse(content)));
  }

  import(content: string): ImportPlan {
    const file = this.parse(content);
    const plan = this.plan(file);
    const pick = <T>(decisions: { record: T; decision: Decision }[]): T[] => decisions.filter((d) => d.decision !== 'skip').map((d) => d.record);
    this.services.bookmarks.merge(pick<Bookmark>(plan.bookmarkDecisions));
    this.services.progress.merge(pick<Progress>(plan.progressDecisions));
    this.services.annotations.merge(pick<Annotation>(plan.annotationDecisions));
    if (plan.settings) this.services.settings.replace(file.settings);
    return this.summary(plan);
  }
}
