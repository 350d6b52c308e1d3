/** English UI text. The keys of this dictionary are the keys every language must have. */
export const en = {
  'app.name': 'Cloud Native Atlas',
  /** The app's name in the other language, shown under the name. */
  'app.altName': '云原生图鉴',
  'app.loading': 'Loading…',
  'app.loadFailed': 'The app could not reach its services: {message}',
  'app.retry': 'Try again',
  'app.skipToContent': 'Skip to content',

  'nav.label': 'Main',
  'nav.library': 'Library',
  'nav.search': 'Search',
  'nav.bookmarks': 'Bookmarks',
  'nav.annotations': 'Annotations',
  'nav.settings': 'Settings',

  'library.empty.title': 'Your library is on its way',
  'library.empty.body':
    'Notes on the CNCF, service meshes, Kubernetes, Prometheus and the other projects will appear here, grouped by category, with your reading progress.',

  'search.empty.title': 'Search everything',
  'search.empty.body': 'Search across notes, sections, links and the glossary, in Chinese or English, as you type.',

  'bookmarks.empty.title': 'No bookmarks yet',
  'bookmarks.empty.body': 'Bookmark a note, a section or a link while you read, and it will be listed here.',

  'annotations.empty.title': 'No annotations yet',
  'annotations.empty.body': 'Highlight a passage in a note and add a comment: your annotations will be collected here.',

  'settings.intro': 'Changes apply at once and are kept on this computer.',
  'settings.language.legend': 'Interface language',
  'settings.language.system': 'Follow the system ({language})',
  'settings.language.zh': '中文',
  'settings.language.en': 'English',
  'settings.theme.legend': 'Theme',
  'settings.theme.light': 'Light',
  'settings.theme.dark': 'Dark',
  'settings.theme.system': 'Follow the system',
  'settings.docs.legend': 'Open official documentation',
  'settings.docs.embedded': 'Inside the app',
  'settings.docs.embedded.hint': 'In a browser pane next to your notes (a new tab in browser mode).',
  'settings.docs.external': 'In the system browser',
  'settings.docs.external.hint': 'In your default web browser.',
  'settings.saved': 'Saved',
  'settings.saveFailed': 'Could not save the setting: {message}',
  'settings.about.legend': 'About',
  'settings.about.version': 'Version',
  'settings.about.mode': 'Running as',
  'settings.about.mode.electron': 'Desktop app',
  'settings.about.mode.web': 'Browser mode',
  'settings.about.dataDir': 'Data folder',

  'notice.storeRecovered':
    'Your {store} file could not be read, so the app started with defaults. The old file was kept as {movedTo}.',
  'notice.dismiss': 'Dismiss',
  'notice.label': 'Notices',
} as const;

export type MessageKey = keyof typeof en;
