import { DEMO_WORKLOG } from '../../../src/demo/demo-plan';
import { TestApp } from '../../support/test-app';
import { Fixtures, OrgWithUsers } from '../../support/fixtures';
import { multipart } from '../ledger/ledger-fixtures';
import { sampleReportText } from './rollup-fixtures';

export interface PlayedYear {
  org: OrgWithUsers;
  reportId: string;
  /** Task ids by the title of the report item they were made from. */
  tasks: Map<string, string>;
  /** Report item ids of the previous report's problems. */
  problemItemIds: string[];
  extended: string;
  carried: string;
  overdue: string;
  awaitingReview: string;
  /** The 工作纪实 entries logged, each put into the report. */
  entries: readonly LogEntry[];
}

const CARRIED = '明确责任领导、责任单位、责任人，全面整改，补齐短板';
const OVERDUE = '基层执法人员不稳定';
const EXTENDED = '全面落实政务信息公开';
const AWAITING = '加强对行政执法工作的领导';

/** One 工作纪实 entry as the API takes it. */
export interface LogEntry {
  date: string;
  category: string;
  text: string;
  kind?: 'problem';
  cause?: string;
}

/**
 * What the office did through 2025, in order: the demo's year (so the demo is known to make a good draft), then
 * what the demo never logs, an entry under 其他 and a problem found during the year with its cause.
 */
const ENTRIES: LogEntry[] = [
  ...DEMO_WORKLOG.map(({ day, category, text }) => ({ date: `2025-${day}`, category, text })),
  { date: '2025-11-06', category: 'other', text: '圆满完成县司法局组织的行政执法案卷评查迎检工作' },
  {
    date: '2025-11-20',
    category: 'enforcement',
    kind: 'problem',
    text: '部分村级调解员调解技巧不足，调解协议规范性不高',
    cause: '新任调解员占比高、培训覆盖不够',
  },
];

/** 2025 played out: the 2024 report imported and confirmed, work logged, most of it done, one extended, one carried. */
export async function playYear(app: TestApp): Promise<PlayedYear> {
  const fixtures = Fixtures.of(app);
  const org = await fixtures.organization({ name: '张良镇' });
  const { leader, staff, admin } = org.users;
  const as = (token: string) => ({ token });
  const ok = <T extends { status: number; body: unknown }>(response: T, status: number): T => {
    if (response.status !== status)
      throw new Error(`expected ${status}, got ${response.status}: ${JSON.stringify(response.body)}`);
    return response;
  };

  ok(
    await app.patch(
      '/api/v1/organizations/current/settings',
      { reportAddressee: '县委全面依法治县委员会办公室' },
      as(admin.token),
    ),
    200,
  );
  const { body, headers } = multipart('张良镇2024年法治政府建设情况报告.txt', sampleReportText());
  const report = ok(await app.post('/api/v1/reports', body, { ...as(leader.token), headers }), 201).body;
  const items = report.items as Array<{ id: string; kind: string; title: string }>;
  const confirmed = ok(
    await app.post(
      `/api/v1/reports/${report.id}/tasks`,
      {
        items: items.map((item) => ({
          itemId: item.id,
          leaderId: leader.id,
          unitId: staff.unitId,
          deadline: item.kind === 'plan' ? '2025-11-30' : '2025-10-31',
        })),
      },
      as(leader.token),
    ),
    201,
  ).body;
  const tasks = new Map<string, string>(
    (confirmed.tasks as Array<{ id: string; reportItemId: string }>).map((task) => [
      items.find((item) => item.id === task.reportItemId)!.title,
      task.id,
    ]),
  );
  // The report was confirmed in January; the API stamps today, so its tasks are moved back to then.
  for (const id of tasks.values()) await fixtures.backdate(id, { createdAt: '2025-01-10T09:00:00+08:00' });

  for (const entry of ENTRIES) {
    const created = ok(await app.post('/api/v1/worklog', entry, as(staff.token)), 201).body;
    ok(await app.patch(`/api/v1/worklog/${created.id}`, { inReport: true }, as(leader.token)), 200);
  }

  const extended = tasks.get(EXTENDED)!;
  const extension = ok(
    await app.post(
      `/api/v1/tasks/${extended}/extensions`,
      { requestedDeadline: '2025-12-20', reason: '需等待县级平台升级后统一公开' },
      as(staff.token),
    ),
    201,
  ).body;
  const extensionId = extension.extensionRequests[0].id;
  ok(
    await app.post(
      `/api/v1/tasks/${extended}/extensions/${extensionId}/decision`,
      { decision: 'approve' },
      as(leader.token),
    ),
    201,
  );
  await fixtures.backdateExtensions(extended, '2025-11-25T10:00:00+08:00');

  const skipped = new Set([CARRIED, OVERDUE]);
  let day = 0;
  for (const [title, id] of tasks) {
    if (skipped.has(title)) continue;
    const completedOn =
      id === extended ? '2025-12-10' : `2025-${String(4 + (day++ % 6)).padStart(2, '0')}-15`;
    ok(
      await app.post(
        `/api/v1/tasks/${id}/updates`,
        {
          status: 'pending_review',
          note: '已按要求完成',
          outcome: outcomeFor(title),
          completedOn,
        },
        as(staff.token),
      ),
      201,
    );
    if (title === AWAITING) continue;
    ok(await app.post(`/api/v1/tasks/${id}/review`, { decision: 'approve' }, as(leader.token)), 201);
    await fixtures.backdate(id, { completedAt: `${completedOn}T17:00:00+08:00` });
  }

  ok(
    await app.post(
      `/api/v1/tasks/${tasks.get(CARRIED)!}/carry-over`,
      {
        reason: '责任分工涉及多个站所，人员调整后尚未重新明确',
        nextStep: '由党政办牵头重新明确责任分工，逐项销号',
        deadline: '2026-06-30',
      },
      as(leader.token),
    ),
    200,
  );
  return {
    org,
    reportId: report.id,
    tasks,
    problemItemIds: items.filter((item) => item.kind === 'problem').map((item) => item.id),
    extended,
    carried: tasks.get(CARRIED)!,
    overdue: tasks.get(OVERDUE)!,
    awaitingReview: tasks.get(AWAITING)!,
    entries: ENTRIES,
  };
}

/** A concrete result per item, as staff write them: what was done, with figures. */
function outcomeFor(title: string): string {
  const outcomes: Record<string, string> = {
    执法人员业务水平有待提高: '组织执法人员参加业务培训4期，全员通过执法资格考试',
    领导干部和执法人员的法治意识有待提高: '开展领导干部集中学法6次，旁听庭审1次',
    执法证制度与现实情况有出入: '为6名执法人员办理执法证，做到持证上岗',
    按照乡镇履职清单要求: '对照履职清单明确基本职责63项、配合职责41项',
    加大对执法人员的培训力度: '举办执法培训班3期，培训执法人员45人次',
    深入贯彻习近平法治思想: '党委理论学习中心组专题学习习近平法治思想4次',
    全面普及法律知识: '发放普法资料6000余份，开展“法律进乡村”活动18场',
    全面开展依法行政工作: '重大行政决策全部经合法性审查，无行政败诉案件',
    加强对行政执法工作的领导: '调整充实行政执法工作领导小组，每季度研究执法工作1次',
    全面落实政务信息公开: '依托县级平台主动公开政务信息120条',
  };
  const key = Object.keys(outcomes).find((candidate) => title.startsWith(candidate));
  return key ? outcomes[key] : '已按要求完成整改';
}
