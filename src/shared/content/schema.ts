/**
 * The bundled knowledge base: the schemas of the data files (links, relations, glossary, note front
 * matter) and the shape of the content bundle the build produces for the reader and for search.
 */
import { z } from 'zod';
import { IdSchema } from '../rules/ids';
import { HttpUrlSchema } from '../rules/urls';
import { LanguageSchema, type Language } from '../settings';

export const CATEGORIES = ['foundation', 'service-mesh', 'orchestration', 'observability', 'runtime', 'networking', 'rpc'] as const;
export const CNCF_STATUSES = ['sandbox', 'incubating', 'graduated', 'archived', 'not-cncf', 'foundation'] as const;
export const LINK_KINDS = ['official', 'docs', 'repo', 'org', 'docs-zh', 'community', 'article', 'registry', 'comparison'] as const;
export const LINK_STATUSES = ['active', 'moved', 'retired', 'archived', 'unknown'] as const;
export const RELATION_TYPES = [
  'member-of',
  'built-on',
  'based-on',
  'spun-out-of',
  'alternative-to',
  'succeeded-by',
  'uses',
  'implements',
  'integrates-with',
  'complements',
  'hosted-by',
] as const;

/** Every note has these `##` sections, with these ids, in this order, in both languages. */
export const REQUIRED_SECTIONS = [
  'overview',
  'concepts',
  'architecture',
  'relations',
  'status',
  'when-to-use',
  'glossary',
  'check',
  'resources',
] as const;

const Id = IdSchema;
const Text = z.string().trim().min(1, 'must not be empty');
export const LocalizedSchema = z.strictObject({ zh: Text, en: Text });
export type Localized = z.infer<typeof LocalizedSchema>;
const HttpUrl = HttpUrlSchema;

export const NoteFrontMatterSchema = z.strictObject({
  id: Id,
  lang: LanguageSchema,
  title: Text,
  summary: Text,
  category: z.enum(CATEGORIES),
  cncfStatus: z.enum(CNCF_STATUSES),
  related: z.array(Id).default([]),
  tags: z.array(z.union([Text, z.number().transform(String)])).default([]),
  /** Other names people search for (普罗米修斯, K8s, OTel): found like the title. */
  aliases: z.array(Text).default([]),
});
export type NoteFrontMatter = z.infer<typeof NoteFrontMatterSchema>;

/**
 * Where a project went after it ended: another note (by id) or another project's site (by URL),
 * with a short bilingual note. This is a different project, not the same page at a new address
 * (that is `replacedBy`).
 */
export const LinkSuccessorSchema = z.strictObject({
  to: z.array(z.union([HttpUrl, Id], { error: 'must be a note id or an http(s) URL' })).min(1, 'must name at least one note id or URL'),
  note: LocalizedSchema,
});
export type LinkSuccessor = z.infer<typeof LinkSuccessorSchema>;

export const LinkSchema = z
  .strictObject({
    url: HttpUrl,
    source: z.enum(['seed', 'addition']),
    kind: z.enum(LINK_KINDS),
    projects: z.array(Id).min(1, 'must name at least one note id'),
    lang: z.enum(['en', 'zh', 'multi']),
    title: LocalizedSchema,
    description: LocalizedSchema,
    status: z.enum(LINK_STATUSES),
    statusNote: LocalizedSchema.optional(),
    /** The same content at a new address (must itself be a link in the library). */
    replacedBy: HttpUrl.optional(),
    successor: LinkSuccessorSchema.optional(),
  })
  // "unknown" only says the page was not checked, so it needs no explanation of its own.
  .refine((link) => link.status === 'active' || link.status === 'unknown' || link.statusNote !== undefined, {
    message: 'a link whose status is not "active" needs a statusNote',
    path: ['statusNote'],
  });
export type Link = z.infer<typeof LinkSchema>;
export const LinksFileSchema = z.array(LinkSchema);

export const ExternalNodeSchema = z.strictObject({ id: Id, name: LocalizedSchema, url: HttpUrl.optional() });
export type ExternalNode = z.infer<typeof ExternalNodeSchema>;
export const RelationEdgeSchema = z.strictObject({
  from: Id,
  to: Id,
  type: z.enum(RELATION_TYPES),
  description: LocalizedSchema,
});
export type RelationEdge = z.infer<typeof RelationEdgeSchema>;
export const RelationsFileSchema = z.strictObject({
  externals: z.array(ExternalNodeSchema),
  edges: z.array(RelationEdgeSchema),
});
export type Relations = z.infer<typeof RelationsFileSchema>;

export const GlossaryTermSchema = z.strictObject({
  id: Id,
  zh: Text,
  en: Text,
  aliases: z.array(Text).default([]),
  definition: LocalizedSchema,
  notes: z.array(Id).min(1, 'must point at least at one note'),
});
export type GlossaryTerm = z.infer<typeof GlossaryTermSchema>;
export const GlossaryFileSchema = z.array(GlossaryTermSchema);

/** A guided walk across notes: each step is a section that answers one question (data/paths.yaml). */
export const LearningPathSchema = z.strictObject({
  id: Id,
  title: LocalizedSchema,
  description: LocalizedSchema,
  steps: z
    .array(z.strictObject({ note: Id, section: Id, title: LocalizedSchema }))
    .min(2, 'a path has at least two steps'),
});
export type LearningPath = z.infer<typeof LearningPathSchema>;
export const PathsFileSchema = z.array(LearningPathSchema);

/** One heading of a note with the plain text of its own paragraphs (not of its sub-sections). */
export interface NoteSection {
  id: string;
  level: 2 | 3;
  title: string;
  parentId: string | null;
  text: string;
}

/** A note in one language: sanitized HTML plus what search and anchoring need. */
export interface NoteText {
  title: string;
  summary: string;
  tags: string[];
  aliases: string[];
  html: string;
  /**
   * The canonical text of `html` (anchoring/canonical-text.ts): what annotations' offsets and
   * quotes refer to, the same string the reader computes from the DOM.
   */
  plain: string;
  sections: NoteSection[];
}

export interface Note {
  id: string;
  category: NoteFrontMatter['category'];
  cncfStatus: NoteFrontMatter['cncfStatus'];
  related: string[];
  text: Record<Language, NoteText>;
}

export const CONTENT_BUNDLE_VERSION = 1;

export interface ContentBundle {
  version: typeof CONTENT_BUNDLE_VERSION;
  notes: Note[];
  links: Link[];
  relations: Relations;
  glossary: GlossaryTerm[];
  paths: LearningPath[];
}
