/**
 * Reply outcomes of a disclosure request, one per leaf row of table 三 of the annual report
 * (国办公开办函〔2021〕30号; the 2019 template has （六）其他处理 as one row), so the report is
 * counted from case data. Labels are the template's, character for character. Legal basis per
 * 《中华人民共和国政府信息公开条例》(国务院令第711号).
 */
export interface ReplyOutcome {
  code: string;
  /** the group label of table 三, e.g. （三）不予公开 */
  group: string;
  /** the row label of table 三 */
  label: string;
  /** the article(s) the reply cites */
  basis: string;
  /** the reply letter template family */
  letter: 'disclose' | 'partial' | 'withhold' | 'unable' | 'noAction' | 'other';
}

export const REPLY_OUTCOMES: readonly ReplyOutcome[] = [
  { code: 'disclosed', group: '（一）予以公开', label: '（一）予以公开', basis: '《条例》第三十六条第（一）项、第（二）项', letter: 'disclose' },
  { code: 'partlyDisclosed', group: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', label: '（二）部分公开（区分处理的，只计这一情形，不计其他情形）', basis: '《条例》第三十七条', letter: 'partial' },
  { code: 'withheld.stateSecret', group: '（三）不予公开', label: '1.属于国家秘密', basis: '《条例》第十四条', letter: 'withhold' },
  { code: 'withheld.prohibitedByLaw', group: '（三）不予公开', label: '2.其他法律行政法规禁止公开', basis: '《条例》第十四条', letter: 'withhold' },
  { code: 'withheld.securityStability', group: '（三）不予公开', label: '3.危及“三安全一稳定”', basis: '《条例》第十四条', letter: 'withhold' },
  { code: 'withheld.thirdPartyRights', group: '（三）不予公开', label: '4.保护第三方合法权益', basis: '《条例》第十五条、第三十二条', letter: 'withhold' },
  { code: 'withheld.internalAffairs', group: '（三）不予公开', label: '5.属于三类内部事务信息', basis: '《条例》第十六条第一款', letter: 'withhold' },
  { code: 'withheld.processInformation', group: '（三）不予公开', label: '6.属于四类过程性信息', basis: '《条例》第十六条第二款', letter: 'withhold' },
  { code: 'withheld.enforcementFiles', group: '（三）不予公开', label: '7.属于行政执法案卷', basis: '《条例》第十六条第二款', letter: 'withhold' },
  { code: 'withheld.administrativeQuery', group: '（三）不予公开', label: '8.属于行政查询事项', basis: '《条例》第三十六条第（七）项', letter: 'withhold' },
  { code: 'unable.notHeld', group: '（四）无法提供', label: '1.本机关不掌握相关政府信息', basis: '《条例》第三十六条第（四）项、第（五）项', letter: 'unable' },
  { code: 'unable.needsCreation', group: '（四）无法提供', label: '2.没有现成信息需要另行制作', basis: '《条例》第三十八条', letter: 'unable' },
  { code: 'unable.unclearAfterCorrection', group: '（四）无法提供', label: '3.补正后申请内容仍不明确', basis: '《条例》第三十条', letter: 'unable' },
  { code: 'noAction.petition', group: '（五）不予处理', label: '1.信访举报投诉类申请', basis: '《条例》第三十九条第一款', letter: 'noAction' },
  { code: 'noAction.repeated', group: '（五）不予处理', label: '2.重复申请', basis: '《条例》第三十六条第（六）项', letter: 'noAction' },
  { code: 'noAction.publication', group: '（五）不予处理', label: '3.要求提供公开出版物', basis: '《条例》第三十九条第二款', letter: 'noAction' },
  { code: 'noAction.excessive', group: '（五）不予处理', label: '4.无正当理由大量反复申请', basis: '《条例》第三十五条', letter: 'noAction' },
  { code: 'noAction.confirmation', group: '（五）不予处理', label: '5.要求行政机关确认或重新出具已获取信息', basis: '《条例》第三十六条第（六）项', letter: 'noAction' },
  { code: 'other.noCorrection', group: '（六）其他处理', label: '1.申请人无正当理由逾期不补正、行政机关不再处理其政府信息公开申请', basis: '《条例》第三十条', letter: 'other' },
  { code: 'other.feeNotPaid', group: '（六）其他处理', label: '2.申请人逾期未按收费通知要求缴纳费用、行政机关不再处理其政府信息公开申请', basis: '《政府信息公开信息处理费管理办法》（国办函〔2020〕109号）', letter: 'other' },
  { code: 'other.other', group: '（六）其他处理', label: '3.其他', basis: '《条例》', letter: 'other' },
];

export const OUTCOME_BY_CODE: ReadonlyMap<string, ReplyOutcome> = new Map(REPLY_OUTCOMES.map((o) => [o.code, o]));

/** Applicant kinds, in the order of the annual report's seven value columns (without 总计). */
export const APPLICANT_KINDS = {
  person: '自然人',
  commercial: '商业企业',
  research: '科研机构',
  publicInterest: '社会公益组织',
  legalService: '法律服务机构',
  otherOrganisation: '其他',
} as const;
export type ApplicantKind = keyof typeof APPLICANT_KINDS;

/** Channels of receipt and which date starts the clock (《条例》第三十一条). */
export const CHANNELS = {
  inPerson: { label: '当面提交', receipt: 'arrival' },
  oral: { label: '口头提出（代为填写）', receipt: 'arrival' },
  registeredMail: { label: '挂号信、快递等需签收的邮寄', receipt: 'arrival' },
  ordinaryMail: { label: '平常信函等无需签收的邮寄', receipt: 'confirmation' },
  online: { label: '互联网渠道（在线申请）', receipt: 'confirmation' },
  email: { label: '电子邮件', receipt: 'confirmation' },
  fax: { label: '传真', receipt: 'confirmation' },
} as const;
export type Channel = keyof typeof CHANNELS;

/** Appeal outcomes as table 四 counts them. */
export const APPEAL_OUTCOMES = { maintained: '结果维持', corrected: '结果纠正', other: '其他结果', pending: '尚未审结' } as const;
export type AppealOutcome = keyof typeof APPEAL_OUTCOMES;
