/**
 * The kinds of unit a list can assign work to, with their Chinese labels.
 */
export const UNIT_KINDS = {
  office: '政府办公室',
  department: '政府部门',
  partyDepartment: '党委部门',
  countyGovernment: '县级政府',
  townGovernment: '乡镇（街道）',
  zone: '开发区（园区）',
  enterprise: '国有企业',
  verticalBranch: '垂直管理单位',
  massOrganisation: '群团组织',
  institution: '事业单位',
  internal: '内设机构',
  unknown: '待确认单位',
} as const;

export type UnitKind = keyof typeof UNIT_KINDS;

export function isUnitKind(kind: string): kind is UnitKind {
  return Object.hasOwn(UNIT_KINDS, kind);
}
