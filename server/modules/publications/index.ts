/**
 * Publications module (主动公开): catalogue trees, publications and their workflow, attachments,
 * evidence links to assignments. Its public pages live in the portal module.
 */
import { registerUnitMergeHandler } from '../directory/index.ts';
import { movePublicationsToUnit } from './publications.service.ts';

export { findPublishedPublication, findTimelinessFacts, type PublishedPublicationRef } from './publications.repository.ts';
export {
  PLATFORM_COLUMNS, PUBLICATION_KINDS, PUBLICATION_STATES, PUBLISH_WITHIN_WORKING_DAYS, createPublication, getPublication, listPublishedPublications,
  indexPublication, publicationsForAssignments, registerPublicationHook, requestReview, reviewPublication, withdrawPublication,
  type PlatformColumn, type PublicationHook, type PublicationInput, type PublicationKind,
} from './publications.service.ts';
export { CATALOGUE_KINDS, getCatalogue, seedDefaultCatalogues, type CatalogueKind, type CatalogueTreeNode } from './catalogue.service.ts';
export { timelinessOf, type PublicationView, type Timeliness } from './publications.presenter.ts';
export { publicationsRoutes } from './publications.routes.ts';
export { seedDemoPublications } from './publications.seed.ts';

// Publications follow their unit when the office merges a placeholder unit into the real one.
registerUnitMergeHandler(movePublicationsToUnit);
