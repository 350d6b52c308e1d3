/**
 * Tags and comments as bookmarks and annotations share them: trimmed, short, at most 20 tags and
 * no tag twice; lists report every tag in use with its count.
 */
import { z } from 'zod';

export const TagSchema = z.string().trim().min(1, 'must not be empty').max(40);

export const TagsSchema = z
  .array(TagSchema)
  .max(20)
  .transform((tags) => [...new Set(tags)]);

export const CommentSchema = z.string().max(4000);

/** Every tag in use, with how many records carry it, most used first. */
export const TagCountsSchema = z.array(
  z.strictObject({ tag: z.string(), count: z.number().int().positive() }),
);
