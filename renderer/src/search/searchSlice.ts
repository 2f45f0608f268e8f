import type { SearchFilters, SearchHit } from '../../../shared/search/types';
import type { Slice } from '../store/types';

export interface SearchSlice {
  searchQuery: string;
  searchFilters: SearchFilters;
  searchHits: SearchHit[];
  searching: boolean;
  runSearch: (query: string, filters: SearchFilters) => Promise<void>;
  openHit: (hit: SearchHit) => Promise<void>;
}

export const searchSlice: Slice<SearchSlice> = (deps) => (set, get) => {
  // Typing fires a search per key; only the newest answer may land.
  let latest = 0;
  return {
    searchQuery: '',
    searchFilters: {},
    searchHits: [],
    searching: false,

    async runSearch(query, filters) {
      const ticket = ++latest;
      set({ searchQuery: query, searchFilters: filters, searching: true });
      const hits = query.trim() === '' ? [] : await deps.search.search(query, filters, 50);
      if (ticket === latest) set({ searchHits: hits, searching: false });
    },

    async openHit(hit) {
      await get().navigate({ name: 'case', caseId: hit.caseId });
      get().openViewer(hit.evidenceId);
    },
  };
};
