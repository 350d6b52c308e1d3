/** The icon of each view, shared by the sidebar and the views' empty states. */
import BookMarked from '@lucide/svelte/icons/book-marked';
import CloudDownload from '@lucide/svelte/icons/cloud-download';
import Highlighter from '@lucide/svelte/icons/highlighter';
import LibraryBig from '@lucide/svelte/icons/library-big';
import Search from '@lucide/svelte/icons/search';
import Settings from '@lucide/svelte/icons/settings';
import type { Component } from 'svelte';
import type { ViewId } from './views';

export const VIEW_ICONS: Record<ViewId, Component> = {
  library: LibraryBig,
  search: Search,
  bookmarks: BookMarked,
  annotations: Highlighter,
  saved: CloudDownload,
  settings: Settings,
};
