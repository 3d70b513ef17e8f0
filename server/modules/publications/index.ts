/**
 * Publications module (主动公开): catalogue trees, publications and their workflow, attachments,
 * evidence links to assignments; its public pages live in the portal.
 */
export { findPublishedPublication, type PublishedPublicationRef } from './publications.repository.ts';
