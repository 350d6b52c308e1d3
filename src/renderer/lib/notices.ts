/** One readable sentence per notice, in the user's language, from its kind, reason and paths. */
import { translate, type MessageKey } from '../../shared/i18n';
import type { StoreNotice } from '../../shared/notices';
import type { Language } from '../../shared/settings';

const STORE_KEYS: Record<string, MessageKey> = {
  settings: 'notice.store.settings',
  bookmarks: 'notice.store.bookmarks',
  progress: 'notice.store.progress',
  notices: 'notice.store.notices',
};

export function noticeSentence(language: Language, notice: StoreNotice): string {
  const storeKey = Object.hasOwn(STORE_KEYS, notice.store) ? STORE_KEYS[notice.store] : undefined;
  return translate(language, `notice.${notice.kind}`, {
    file: notice.file,
    movedTo: notice.movedTo ?? '',
    store: storeKey ? translate(language, storeKey) : notice.store,
    reason: translate(language, `notice.reason.${notice.reason}`),
  });
}
