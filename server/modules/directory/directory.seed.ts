/**
 * Demo data: the Jiaxing unit directory (市政府办公室, the 61 units of the 2020 notice's annex, the
 * seven county-level governments) and its two unit groups.
 */
import fs from 'node:fs';
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { importDirectoryCsv } from './directory.service.ts';

const dataDir = new URL('./data/', import.meta.url);

/** Imports the Jiaxing directory CSV files shipped with the project. */
export async function seedJiaxingDirectory(db: Db, actor: Actor): Promise<{ created: number; updated: number; groups: number }> {
  const units = fs.readFileSync(new URL('jiaxing-units.csv', dataDir), 'utf8');
  const groups = fs.readFileSync(new URL('jiaxing-groups.csv', dataDir), 'utf8');
  return importDirectoryCsv(db, actor, units, groups);
}
