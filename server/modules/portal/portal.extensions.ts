/**
 * What other modules add to a publication's public page, gathered in one place:
 * - the 行政规范性文件 registration block (登记号, 有效性, 施行日期…) from the normative register;
 * - the policy interpretations (政策解读) of the publication.
 * The portal renders both from the neutral shapes below, so its views do not depend on how those
 * modules present their records.
 */
import type { Db } from '../../db/create-db.ts';
import { listInterpretationsOfPublication } from '../interpretations/index.ts';
import { getRegistration } from '../normative/index.ts';
import type { PublicationView } from '../publications/index.ts';

/** The registration block: label/value rows in the register's order. */
export interface RegistrationBlock {
  rows: { label: string; value: string; href?: string }[];
}

export interface InterpretationLink {
  title: string;
  url: string;
  formLabel: string;
  unitName: string;
  publishedOn: string | null;
}

export interface DetailExtras {
  registration: RegistrationBlock | null;
  interpretations: InterpretationLink[];
}

/** The normative register's block (登记号, 制定机关, 有效性, dates, 修改 / 废止 relations) for a registered publication. */
async function registrationOf(db: Db, p: PublicationView): Promise<RegistrationBlock | null> {
  if (p.kind !== 'normative') return null;
  const r = await getRegistration(db, p.id);
  if (!r) return null;
  const rows: RegistrationBlock['rows'] = [
    { label: '登记号', value: r.regNumber },
    { label: '制定机关', value: r.publisher },
    { label: '有效性', value: `${r.validityLabel}${r.validityChangedOn ? `（${r.validityChangedOn}）` : ''}${r.validityNote ? `：${r.validityNote}` : ''}` },
    { label: '施行日期', value: r.effectiveOn ?? '—' },
    { label: '有效期至', value: r.validUntil ?? '—' },
  ];
  const related: [string, typeof r.amends][] = [['本文件修改', r.amends], ['本文件废止', r.repeals], ['被以下文件修改', r.amendedBy], ['被以下文件废止', r.repealedBy]];
  for (const [label, refs] of related) {
    for (const x of refs) rows.push({ label, value: `${x.title}${x.docNumber ? `（${x.docNumber}）` : ''}`, href: x.publicationState === 'published' ? x.url : undefined });
  }
  return { rows };
}

/** The published interpretations (政策解读) of the publication. */
async function interpretationsOf(db: Db, p: PublicationView): Promise<InterpretationLink[]> {
  return (await listInterpretationsOfPublication(db, p.id)).map((i) => ({ title: i.title, url: i.url, formLabel: i.formLabel, unitName: i.unitName, publishedOn: i.publishedOn }));
}

export async function detailExtensions(db: Db, p: PublicationView): Promise<DetailExtras> {
  const [registration, interpretations] = await Promise.all([registrationOf(db, p), interpretationsOf(db, p)]);
  return { registration, interpretations };
}
