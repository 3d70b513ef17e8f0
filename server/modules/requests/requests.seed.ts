/**
 * Demo data for a newcomer: a year of disclosure requests handled through the real workflow (2020,
 * the seed list's year) and two open ones of today, so the register, the clock, the statistics and
 * the tracking page show a living system. Made-up applicants with valid-form, invented numbers.
 */
import type { Db } from '../../db/create-db.ts';
import type { Actor } from '../../platform/actor.ts';
import { today } from '../../platform/clock.ts';
import { loadResolver } from '../directory/index.ts';
import { creditCodeCheckCharacter, idNumberCheckCharacter } from './domain/identity-numbers.ts';
import * as svc from './requests.service.ts';

const id = (first17: string) => first17 + idNumberCheckCharacter(first17);
const code = (first17: string) => first17 + creditCodeCheckCharacter(first17);

function daysBefore(date: string, n: number): string {
  const d = new Date(`${date}T00:00:00Z`);
  d.setUTCDate(d.getUTCDate() - n);
  return d.toISOString().slice(0, 10);
}

/** Seeds demo requests; returns how many. */
export async function seedDemoRequests(db: Db, actor: Actor): Promise<number> {
  const r = await loadResolver(db);
  const unit = (name: string) => r.findUnit(name)!;
  const person = (name: string, first17: string, phone: string) => ({
    applicantKind: 'person', applicantName: name, idType: 'idCard', idNumber: id(first17), phone, email: null, address: '浙江省嘉兴市南湖区',
    formWanted: 'electronic', deliveryWanted: 'email',
  });
  let n = 0;

  // 1. online, confirmed next day, land bureau, partly disclosed
  let a = await svc.registerRequest(db, actor, { ...person('陈某某', '33040219850312001', '13905730001'), description: '2020年南湖区七星街道征地补偿安置方案及其批复文件', channel: 'online', arrivedOn: '2020-03-16', receiptConfirmedOn: '2020-03-17' });
  await svc.assignRequest(db, actor, a.id, { unitId: unit('市自然资源和规划局') });
  await svc.draftReply(db, actor, a.id, { outcome: 'partlyDisclosed', text: '现提供征地补偿安置方案全文；批复文件中涉及被征收户个人信息的部分依法不予公开。' });
  await svc.approveReply(db, actor, a.id, { approve: true });
  await svc.deliverReply(db, actor, a.id, { onDate: '2020-04-08', method: 'email' });
  await svc.archiveRequest(db, actor, a.id);
  n++;

  // 2. a company by registered mail, market regulation, disclosed
  a = await svc.registerRequest(db, actor, {
    applicantKind: 'commercial', applicantName: '嘉兴某某食品有限公司', creditCode: code('91330402MA28A1B2C'), legalRepresentative: '王某', contactPerson: '李某',
    phone: '0573-82000001', email: null, address: '嘉兴市秀洲区某路8号', description: '2020年第一季度食品安全监督抽检结果（本公司产品部分）', formWanted: 'paper', deliveryWanted: 'post',
    channel: 'registeredMail', arrivedOn: '2020-05-11',
  });
  await svc.assignRequest(db, actor, a.id, { unitId: unit('市市场监管局') });
  await svc.draftReply(db, actor, a.id, { outcome: 'disclosed', text: '您申请的抽检结果已在本局门户网站“双随机、一公开”专栏主动公开，现将纸质件邮寄给您。' });
  await svc.approveReply(db, actor, a.id, { approve: true });
  await svc.deliverReply(db, actor, a.id, { onDate: '2020-05-28', method: 'post' });
  n++;

  // 3. an ordinary letter, correction asked, never corrected
  a = await svc.registerRequest(db, actor, { ...person('周某', '33048119700905002', '13905730003'), description: '有关部门的文件', channel: 'ordinaryMail', arrivedOn: '2020-07-06', receiptConfirmedOn: '2020-07-06' });
  await svc.assignRequest(db, actor, a.id, { unitId: unit('市建设局') });
  await svc.requestCorrection(db, actor, a.id, { onDate: '2020-07-09', items: '请写明所需文件的名称、文号或者其他特征性描述，以及所属的具体部门。', correctionDueOn: '2020-07-24' });
  await svc.closeForNoCorrection(db, actor, a.id, { onDate: '2020-07-27' });
  n++;

  // 4. a complaint sent as an information request
  a = await svc.registerRequest(db, actor, { ...person('吴某某', '33042119920214003', '13905730004'), description: '反映小区物业乱收费问题，要求查处并答复处理结果', channel: 'inPerson', arrivedOn: '2020-09-14' });
  await svc.assignRequest(db, actor, a.id, { unitId: unit('市建设局') });
  await svc.draftReply(db, actor, a.id, { outcome: 'noAction.petition', text: '您反映的问题属于投诉举报，不属于政府信息公开申请，请通过12345政务服务热线或信访渠道反映。' });
  await svc.approveReply(db, actor, a.id, { approve: true });
  await svc.deliverReply(db, actor, a.id, { onDate: '2020-09-18', method: 'inPerson' });
  n++;

  // 5. a law firm; third-party consultation over National Day; withheld; reconsideration maintained
  a = await svc.registerRequest(db, actor, {
    applicantKind: 'legalService', applicantName: '浙江某某律师事务所', creditCode: code('31330000MD0123456'), legalRepresentative: '赵某', contactPerson: '钱律师',
    phone: '0573-82000005', email: null, address: '嘉兴市南湖区某大厦', description: '某企业2019年环境影响评价报告全本', formWanted: 'electronic', deliveryWanted: 'email',
    channel: 'fax', arrivedOn: '2020-09-21', receiptConfirmedOn: '2020-09-21',
  });
  await svc.assignRequest(db, actor, a.id, { unitId: unit('市生态环境局') });
  await svc.startConsultation(db, actor, a.id, { onDate: '2020-09-24', party: '嘉兴某某化工有限公司', kind: 'thirdParty' });
  await svc.endConsultation(db, actor, a.id, { onDate: '2020-10-16', result: '第三方书面不同意公开，理由为涉及商业秘密' });
  await svc.draftReply(db, actor, a.id, { outcome: 'withheld.thirdPartyRights', text: '经征求第三方意见，该报告全本涉及第三方商业秘密，第三方不同意公开，依法不予公开；报告简本已主动公开。' });
  await svc.approveReply(db, actor, a.id, { approve: true });
  await svc.deliverReply(db, actor, a.id, { onDate: '2020-10-30', method: 'email' });
  const appeal = await svc.addAppeal(db, actor, a.id, { kind: 'reconsideration', filedOn: '2020-11-20' });
  await svc.updateAppeal(db, actor, appeal.id, { outcome: 'maintained', decidedOn: '2021-01-15' });
  n++;

  // 6–7. open now: one awaiting confirmation, one being handled
  const now = today();
  await svc.submitOnlineApplication(db, { ...person('孙某', '33041119880808004', '13905730006'), description: '本市2020年度政府信息公开工作年度报告中依申请公开的统计数据来源', formWanted: 'electronic', deliveryWanted: 'online' }, {});
  a = await svc.registerRequest(db, actor, { ...person('郑某某', '33040219900101005', '13905730007'), description: '本区义务教育阶段学校招生范围划分方案', channel: 'inPerson', arrivedOn: daysBefore(now, 3) });
  await svc.assignRequest(db, actor, a.id, { unitId: unit('市教育局') });
  n += 2;
  return n;
}
