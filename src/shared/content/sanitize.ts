/**
 * The app's one HTML sanitizer (sanitize-html with an allow-list), in two configurations: notes
 * rendered from Markdown at build time, and web pages saved for offline reading at run time. Both
 * drop scripts, event handlers, styles and every URL that is not http(s); nothing a page or a
 * note says can run in the app.
 */
import sanitizeHtml from 'sanitize-html';

const NOTE_OPTIONS: sanitizeHtml.IOptions = {
  allowedTags: [
    'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'strong', 'em', 'del', 's',
    'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'details', 'summary', 'div',
  ],
  allowedAttributes: {
    a: ['href', 'rel', 'data-external', 'data-note'],
    h2: ['id'],
    h3: ['id'],
    h4: ['id'],
    h5: ['id'],
    h6: ['id'],
    code: ['class'],
    th: ['style'],
    td: ['style'],
    ol: ['start'],
  },
  allowedClasses: { code: [/^language-[\w-]+$/], details: ['check-question'], div: ['check-answer'] },
  allowedStyles: { '*': { 'text-align': [/^(left|right|center)$/] } },
  allowedSchemes: ['http', 'https'],
  allowProtocolRelative: false,
};

export function sanitizeNoteHtml(html: string): string {
  return sanitizeHtml(html, NOTE_OPTIONS);
}

const PAGE_TAGS = [
  'h1', 'h2', 'h3', 'h4', 'h5', 'h6', 'p', 'ul', 'ol', 'li', 'a', 'code', 'pre', 'strong', 'em', 'b', 'i', 'del', 's', 'sub', 'sup',
  'blockquote', 'hr', 'br', 'table', 'thead', 'tbody', 'tr', 'th', 'td', 'figure', 'figcaption', 'dl', 'dt', 'dd', 'span', 'div',
];

/**
 * A saved web page's article: structure and text only. Links keep absolute http(s) targets and
 * open outside the page; images are not fetched or kept (an offline copy would show broken ones,
 * and a remote image is a request to a third party) — their alt text stays as text.
 */
export function sanitizeSavedPageHtml(html: string, baseUrl: string): string {
  return sanitizeHtml(html, {
    allowedTags: PAGE_TAGS,
    allowedAttributes: { a: ['href', 'rel', 'data-external'], th: ['colspan', 'rowspan'], td: ['colspan', 'rowspan'], ol: ['start'] },
    allowedSchemes: ['http', 'https'],
    allowProtocolRelative: false,
    disallowedTagsMode: 'discard',
    transformTags: {
      a: (tagName, attribs): sanitizeHtml.Tag => {
        let href = '';
        try {
          const resolved = new URL(attribs['href'] ?? '', baseUrl);
          if (resolved.protocol === 'http:' || resolved.protocol === 'https:') href = resolved.href;
        } catch {
          /* not a URL: the link becomes plain text */
        }
        const kept: sanitizeHtml.Attributes = { href, rel: 'noopener noreferrer', 'data-external': '' };
        return href ? { tagName, attribs: kept } : { tagName: 'span', attribs: {} };
      },
      img: (_tagName, attribs): sanitizeHtml.Tag => ({ tagName: 'span', attribs: {}, text: attribs['alt'] ? `[${attribs['alt']}]` : '' }),
    },
  });
}
