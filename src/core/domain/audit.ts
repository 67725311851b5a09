/**
 * How an audit record reads to an officer: the action's name and a one-line summary of what changed, in Chinese.
 * Records are stored structured (from/to) so the wording can improve without rewriting history.
 */
import { ROLE_LABELS, ROLES, type Role } from './roles';

export const AUDIT_ACTIONS: Record<string, string> = {
  'union.bootstrap': '建立工会',
  'union.committee': '设置上级工委',
  'member.bind': '实名认证',
  'member.unbind': '解除微信绑定',
  'member.unlock': '解除实名认证锁定',
  'member.create': '新增会员',
  'member.update': '修改会员',
  'member.import': '导入名册',
  'member.export': '导出名册',
  'role.grant': '任命角色',
  'role.revoke': '免去角色',
  'clerk.invite': '邀请蛋糕店店员',
  'clerk.join': '店员加入',
  'policy.save': '修改政策',
  'budget.set': '设置预算',
  'budget.reserve': '发放批次预留预算',
  'budget.settle': '发放批次结算预算',
  'ledger.record': '登记支出',
  'ledger.reverse': '冲正',
  'ledger.export': '导出台账',
  'event.publish': '发布活动',
  'event.update': '修改活动',
  'event.close': '提前截止报名',
  'event.cancel': '取消活动',
  'event.export': '导出报名名单',
  'event.results': '登记结果与奖品',
  'gift.batch.create': '新建节日慰问品批次',
  'gift.batch.update': '修改节日慰问品批次',
  'gift.batch.open': '开放节日慰问品选择',
  'gift.batch.close': '节日慰问品选择截止',
  'gift.batch.export': '导出慰问品发放名单',
  'gift.batch.end': '结束慰问品发放',
  'gift.claim': '选择节日慰问品',
  'gift.default': '默认发放节日慰问品',
  'gift.change': '更换节日慰问品',
  'gift.pickup': '登记慰问品领取',
  'gift.unpicked': '收回未领取的慰问品',
  'care.accept': '受理关爱事项',
  'care.assign': '转派关爱事项',
  'care.reply': '答复关爱事项',
  'care.note': '关爱事项内部备注',
  'care.sendBack': '退回关爱事项',
  'care.close': '办结关爱事项',
  'care.visit': '登记看望慰问',
  'care.read': '查看保密事项',
  'care.reveal': '查看匿名提交人',
  'care.settings': '修改关爱设置',
  'care.overdue': '逾期督办',
  'care.export': '导出关爱事项',
  'gifts.birthdaySettings': '修改生日慰问设置',
  'gifts.voucherRedeem': '核销生日蛋糕券',
  'gifts.statementExport': '导出蛋糕店结算单',
  'hardship.save': '修改帮扶申请草稿',
  'hardship.submit': '提交帮扶申请',
  'hardship.withdraw': '撤回帮扶申请',
  'hardship.supplement': '补充帮扶申请材料',
  'hardship.read': '查看帮扶申请',
  'hardship.check': '帮扶申请初审通过',
  'hardship.more': '要求补充帮扶材料',
  'hardship.reject': '不予帮扶',
  'hardship.visit': '登记入户走访',
  'hardship.propose': '提出帮扶金额',
  'hardship.approve': '复核同意帮扶金额',
  'hardship.sendBack': '复核未同意帮扶金额',
  'hardship.settings': '修改帮扶设置',
  'hardship.object': '对帮扶公示提出异议',
  'hardship.resolve': '处理帮扶公示异议',
  'hardship.pay': '发放帮扶金',
  'hardship.paid': '帮扶公示期满发放',
  'hardship.payRefused': '帮扶金发放未成功',
  'hardship.refer': '推荐大病关爱给工委',
  'hardship.referralRead': '查看大病关爱推荐',
  'hardship.committeePay': '工委发放大病关爱',
  'hardship.committeeApprove': '工委批准大病关爱',
  'hardship.committeeDecline': '工委未批准大病关爱',
  'hardship.fileOpen': '建立困难职工档案',
  'hardship.fileRead': '查看困难职工档案',
  'hardship.fileReview': '困难职工档案年度复核',
  'hardship.fileClose': '困难职工脱困',
  'hardship.fileExport': '导出困难职工档案',
  'hardship.fileDelete': '删除保存期满的档案',
};

const FIELD_LABELS: Record<string, string> = {
  name: '姓名',
  department: '部门',
  gender: '性别',
  birthDate: '出生日期',
  phone: '手机号',
  joinedAt: '入会日期',
  status: '状态',
  duesPaid: '会费',
  amountFen: '金额',
};

function isRecord(v: unknown): v is Record<string, unknown> {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

function rolesText(v: unknown): string {
  if (!Array.isArray(v)) return '';
  const roles = v.filter((r): r is Role => typeof r === 'string' && (ROLES as readonly string[]).includes(r));
  return roles.length ? roles.map((r) => ROLE_LABELS[r]).join('、') : '无';
}

export function describeAudit(action: string, from: unknown, to: unknown): { label: string; summary: string } {
  // Never a raw code on screen: an action this build does not know yet still reads as Chinese.
  const label = AUDIT_ACTIONS[action] ?? '其他操作';
  if (action === 'role.grant' || action === 'role.revoke') {
    return { label, summary: `角色：${rolesText(isRecord(from) ? from.roles : null)} → ${rolesText(isRecord(to) ? to.roles : null)}` };
  }
  if (action === 'member.import' && isRecord(to)) {
    return { label, summary: `共 ${String(to.total)} 人：新增 ${String(to.created)}，更新 ${String(to.updated)}，未变 ${String(to.unchanged)}` };
  }
  if (action === 'member.update' && isRecord(to)) {
    const fields = Object.keys(to).map((k) => FIELD_LABELS[k] ?? k);
    return { label, summary: `修改了${fields.join('、')}` };
  }
  if (isRecord(to) && typeof to.summary === 'string') return { label, summary: to.summary };
  return { label, summary: '' };
}
