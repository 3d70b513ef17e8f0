/**
 * The reply outcomes (codes, group and row labels of table 三 of the annual report), as the server's
 * server/modules/requests/domain/outcomes.ts REPLY_OUTCOMES lists them — keep in step.
 */
export interface OutcomeOption {
  code: string;
  group: string;
  label: string;
}

export const REPLY_OUTCOMES: readonly OutcomeOption[] = [
  { code: 'disclosed', group: '（一）予以公开', label: '（一）予以公开' },
  { code: 'partlyDisclosed', group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）' },
  { code: 'withheld.stateSecret', group: '（三）不予公开', label: '1.属于国家秘密' },
  { code: 'withheld.prohibitedByLaw', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开' },
  { code: 'withheld.securityStability', group: '（三）不予公开', label: '3.危及“三安全一稳定”' },
  { code: 'withheld.thirdPartyRights', group: '（三）不予公开', label: '4.保护第三方合法权益' },
  { code: 'withheld.internalAffairs', group: '（三）不予公开', label: '5.属于三类内部事务信息' },
  { code: 'withheld.processInformation', group: '（三）不予公开', label: '6.属于四类过程性信息' },
  { code: 'withheld.enforcementFiles', group: '（三）不予公开', label: '7.属于行政执法案卷' },
  { code: 'withheld.administrativeQuery', group: '（三）不予公开', label: '8.属于行政查询事项' },
  { code: 'unable.notHeld', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息' },
  { code: 'unable.needsCreation', group: '（四）无法提供', label: '2.没有现成信息需要另行制作' },
  { code: 'unable.unclearAfterCorrection', group: '（四）无法提供', label: '3.补正后申请内容仍不明确' },
  { code: 'noAction.petition', group: '（五）不予处理', label: '1.信访举报投诉类申请' },
  { code: 'noAction.repeated', group: '（五）不予处理', label: '2.重复申请' },
  { code: 'noAction.publication', group: '（五）不予处理', label: '3.要求提供公开出版物' },
  { code: 'noAction.excessive', group: '（五）不予处理', label: '4.无正当理由大量反复申请' },
  { code: 'noAction.confirmation', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息' },
  { code: 'other.noCorrection', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请' },
  { code: 'other.feeNotPaid', group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请' },
  { code: 'other.other', group: '（六）其他处理', label: '3.其他' },
];

/** The group a code belongs to, e.g. （三）不予公开. */
export function outcomeGroup(code: string): string {
  return REPLY_OUTCOMES.find((o) => o.code === code)?.group ?? code;
}

/** Groups in table order, with their outcomes. */
export function outcomeGroups(): { group: string; items: OutcomeOption[] }[] {
  const groups: { group: string; items: OutcomeOption[] }[] = [];
  for (const o of REPLY_OUTCOMES) {
    const g = groups.find((x) => x.group === o.group);
    if (g) g.items.push(o);
    else groups.push({ group: o.group, items: [o] });
  }
  return groups;
}
