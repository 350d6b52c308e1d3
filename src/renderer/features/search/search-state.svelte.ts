/** One search box's state: the query, filters, results and the active result for the keyboard. */
import type { ResultKind, SearchOptions, SearchResult } from '../../../shared/search/engine';
import type { Language } from '../../../shared/settings';
import { groupResults } from './search-groups';
import type { SearchAnswer } from './search-protocol';

const RESULT_LIMIT = 30;

export class SearchState {
  query = $state('');
  kinds = $state<ResultKind[]>([]);
  category = $state('');
  results = $state<SearchResult[]>([]);
  /** The query the shown results answer. */
  answered = $state('');
  activeIndex = $state(0);
  /** "Did you mean …" for the answered query, when it found nothing. */
  suggestion = $state<string | null>(null);

  groups = $derived(groupResults(this.results));
  /** Results in display order, for keyboard movement. */
  ordered = $derived(this.groups.flatMap((group) => group.results));
  active = $derived(this.ordered[this.activeIndex] ?? null);
  filtered = $derived(this.kinds.length > 0 || this.category !== '');

  constructor(
    private readonly searcher: { search(query: string, options: SearchOptions): Promise<SearchAnswer | null> },
    private readonly language: () => Language,
  ) {}

  async run(): Promise<void> {
    const query = this.query;
    if (query.trim() === '') {
      this.results = [];
      this.answered = '';
      this.suggestion = null;
      return;
    }
    const answer = await this.searcher.search(query, {
      limit: RESULT_LIMIT,
      kinds: this.kinds,
      categories: this.category ? [this.category] : [],
      language: this.language(),
    });
    if (answer === null) return;
    this.results = answer.results;
    this.suggestion = answer.suggestion;
    this.answered = query;
    this.activeIndex = 0;
  }

  setQuery(query: string): void {
    this.query = query;
    void this.run();
  }

  toggleKind(kind: ResultKind): void {
    this.kinds = this.kinds.includes(kind) ? this.kinds.filter((k) => k !== kind) : [...this.kinds, kind];
    void this.run();
  }

  setCategory(category: string): void {
    this.category = category;
    void this.run();
  }

  clearFilters(): void {
    this.kinds = [];
    this.category = '';
    void this.run();
  }

  move(delta: number): void {
    const count = this.ordered.length;
    if (count === 0) return;
    this.activeIndex = (this.activeIndex + delta + count) % count;
  }

  moveTo(index: number): void {
    if (this.ordered.length > 0) this.activeIndex = Math.max(0, Math.min(index, this.ordered.length - 1));
  }
}
