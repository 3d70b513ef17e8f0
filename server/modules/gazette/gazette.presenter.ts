/**
 * Gazette rows → API shapes.
 */
import type { GazetteArticle, GazetteIssue } from '../../db/database.ts';
import { articleUrl, GAZETTE_STATES, issueLabel, issueUrl, type GazetteState } from './gazette.categories.ts';

export interface IssueView {
  id: number;
  year: number;
  number: number;
  totalNumber: number | null;
  /** 2020年第3期（总第315期） */
  label: string;
  publishedOn: string | null;
  state: string;
  stateLabel: string;
  articleCount: number;
  /** the public table of contents */
  url: string;
  createdAt: string;
  updatedAt: string;
}

export interface ArticleSummary {
  id: number;
  issueId: number;
  year: number;
  number: number;
  issueLabel: string;
  seq: number;
  title: string;
  docNumber: string | null;
  issuingBody: string;
  unitId: number | null;
  category: string;
  topic: string | null;
  publicationId: number | null;
  publishedOn: string | null;
  url: string;
}

export interface ArticleDetail extends ArticleSummary {
  issueState: string;
  bodyText: string;
  createdAt: string;
}

export interface IssueDetail extends IssueView {
  articles: ArticleSummary[];
}

type IssueFacts = Pick<GazetteIssue, 'year' | 'number' | 'totalNumber' | 'publishedOn'>;

export function presentIssue(i: GazetteIssue, articleCount: number): IssueView {
  return {
    id: i.id, year: i.year, number: i.number, totalNumber: i.totalNumber, label: issueLabel(i), publishedOn: i.publishedOn,
    state: i.state, stateLabel: GAZETTE_STATES[i.state as GazetteState] ?? i.state, articleCount, url: issueUrl(i),
    createdAt: i.createdAt, updatedAt: i.updatedAt,
  };
}

export function presentArticle(a: GazetteArticle, issue: IssueFacts): ArticleSummary {
  return {
    id: a.id, issueId: a.issueId, year: issue.year, number: issue.number, issueLabel: issueLabel(issue), seq: a.seq, title: a.title,
    docNumber: a.docNumber, issuingBody: a.issuingBody, unitId: a.unitId, category: a.category, topic: a.topic, publicationId: a.publicationId,
    publishedOn: issue.publishedOn, url: articleUrl(a.id),
  };
}

export function presentArticleDetail(a: GazetteArticle, issue: IssueFacts & { state: string }): ArticleDetail {
  return { ...presentArticle(a, issue), issueState: issue.state, bodyText: a.bodyText, createdAt: a.createdAt };
}
