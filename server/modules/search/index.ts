/**
 * Search module: the index other modules feed (indexRecords / unindexRecord inside their
 * transactions) and the one query interface over SQLite FTS5 and PostgreSQL full-text.
 */
export { indexRecords, unindexRecord, rebuildSearchIndex, search, highlight, SEARCH_KINDS, SEARCH_KIND_LABELS, type SearchEntry, type SearchKind, type SearchQuery, type SearchResult } from './search.service.ts';
export { searchRoutes, SearchQuerySchema } from './search.routes.ts';
export { warmUpSegmenter } from './segmenter.ts';
