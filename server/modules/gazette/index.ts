/**
 * Gazette module (政府公报): issues and their documents, publishing into the search index, the
 * gazette database's exact and classified queries, and the public gazette pages.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { moveArticlesToUnit } from './gazette.service.ts';

export {
  listIssues, getIssue, findIssueByNumber, createIssue, updateIssue, deleteIssue, publishIssue, unpublishIssue, addArticle, getArticle,
  updateArticle, deleteArticle, queryArticles, classifiedCounts, articlesOfPublication, normaliseDocNumber, UNCLASSIFIED_TOPIC,
  type ArticleInput, type IssueInput, type GazetteQuery, type GazetteClasses,
} from './gazette.service.ts';
export type { ArticleDetail, ArticleSummary, IssueDetail, IssueView } from './gazette.presenter.ts';
export { GAZETTE_CATEGORIES, GAZETTE_TOPIC_SUGGESTIONS, type GazetteCategory } from './gazette.categories.ts';
export { gazetteRoutes } from './gazette.routes.ts';
export { gazettePages } from './gazette.pages.ts';
export { seedDemoGazette } from './gazette.seed.ts';

// Documents follow their unit when the office merges a placeholder unit into the real one.
registerUnitMergeHandler(moveArticlesToUnit);
