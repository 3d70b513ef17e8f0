/**
 * Portal module: the public 政府信息公开平台 (/portal) — the four fixed columns, the catalogue
 * trees with counts, unit pages, publication pages with the standard metadata block, search,
 * feeds and the open-data export. It owns no tables and changes nothing: it reads published
 * records through the publications, directory and search modules.
 */
export { portalPages, FEED_SIZE } from './portal.pages.ts';
export { portalPage, notFoundPage, PORTAL_SECTIONS, COLUMN_PATHS, type Crumb, type PortalSection } from './portal.views.ts';
