/**
 * W3C Web Annotation selectors over a note's canonical text (see canonical-text.ts): a
 * TextQuoteSelector (the exact words, with some context before and after) and a
 * TextPositionSelector (character offsets). Together they let a highlight find its place again
 * after the note's text changes (anchor.ts).
 */
import { z } from 'zod';

/** How much context to keep on each side of the quote. */
export const CONTEXT_LENGTH = 32;
export const MAX_QUOTE_LENGTH = 4000;

export const TextQuoteSelectorSchema = z.strictObject({
  type: z.literal('TextQuoteSelector'),
  exact: z.string().min(1).max(MAX_QUOTE_LENGTH),
  prefix: z.string().max(CONTEXT_LENGTH),
  suffix: z.string().max(CONTEXT_LENGTH),
});
export type TextQuoteSelector = z.infer<typeof TextQuoteSelectorSchema>;

export const TextPositionSelectorSchema = z
  .strictObject({
    type: z.literal('TextPositionSelector'),
    start: z.number().int().nonnegative(),
    end: z.number().int().positive(),
  })
  .refine((selector) => selector.end > selector.start, { message: 'end must be after start' });
export type TextPositionSelector = z.infer<typeof TextPositionSelectorSchema>;

export const TextSelectorsSchema = z.strictObject({ quote: TextQuoteSelectorSchema, position: TextPositionSelectorSchema });
export type TextSelectors = z.infer<typeof TextSelectorsSchema>;

/** The selectors for the characters [start, end) of `text`. */
export function describeRange(text: string, start: number, end: number): TextSelectors {
  if (start < 0 || end > text.length || end <= start) throw new RangeError(`no text at [${start}, ${end}) of ${text.length} characters`);
  return {
    quote: {
      type: 'TextQuoteSelector',
      exact: text.slice(start, end),
      prefix: text.slice(Math.max(0, start - CONTEXT_LENGTH), start),
      suffix: text.slice(end, end + CONTEXT_LENGTH),
    },
    position: { type: 'TextPositionSelector', start, end },
  };
}
