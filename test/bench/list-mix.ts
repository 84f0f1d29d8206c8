import { Pool } from 'pg';
import { TASK_SORTS } from '../../src/tasks/task-filters';
import { isoDate, SeededOrganization, seedOrganization, seedTasks } from './seed';

export const MIX_ORGANIZATIONS = 20;
export const MIX_TASKS_PER_ORGANIZATION = 5_000;
const STATUSES = ['new', 'assigned', 'in_progress', 'pending_review', 'completed', 'cancelled'];
/** Words a county's staff search the ledger for; each is in some task titles and not in others. */
export const SEARCH_TERMS = [
  '执法',
  '公示',
  '培训',
  '普法',
  '复议',
  '诉讼',
  '合同',
  '备案',
  '听证',
  '规范性文件',
  '权责清单',
  '裁量',
  '信息公开',
  '应诉',
  '调解',
  '审查',
  '监督',
  '考核',
  '档案',
  '安全生产',
  '营商环境',
  '依法决策',
];
const TOPICS = [
  '完善行政执法公示制度',
  '加强执法人员培训',
  '创新普法宣传方式',
  '规范行政复议程序',
  '提高行政诉讼应诉能力',
  '落实合同合法性审查',
  '规范性文件备案审查',
  '重大决策听证',
  '编制权责清单',
  '细化行政裁量基准',
  '推进政务信息公开',
  '健全人民调解组织',
  '强化执法监督',
  '完善法治建设考核',
  '执法案卷档案管理',
  '安全生产执法检查',
  '优化营商环境',
  '依法决策机制建设',
];

/** A small deterministic generator (mulberry32), so every run seeds and asks for exactly the same things. */
export function seededRandom(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/**
 * 20 organizations of 5,000 tasks each: 10 units with one staff member each, three leaders, six statuses,
 * deadlines over ±1 year around today, two plan years, a fifth of the tasks annual plans, titles from 18 topics.
 */
export async function seedMix(pool: Pool, today: string): Promise<SeededOrganization[]> {
  const organizations: SeededOrganization[] = [];
  for (let o = 0; o < MIX_ORGANIZATIONS; o++) {
    const org = await seedOrganization(pool, 10, `基准测试第${o + 1}乡镇人民政府`);
    const random = seededRandom(1000 + o);
    const rows = Array.from({ length: MIX_TASKS_PER_ORGANIZATION }, () => ({
      status: STATUSES[Math.floor(random() * STATUSES.length)],
      deadline: isoDate(today, Math.floor(random() * 730) - 365),
      topic: TOPICS[Math.floor(random() * TOPICS.length)],
      leader: Math.floor(random() * 3),
      plan: random() < 0.2,
      year: random() < 0.5 ? 2025 : 2026,
    }));
    const leaders = [org.leaderId, ...org.deputyLeaderIds];
    await seedTasks(
      pool,
      org,
      rows.length,
      {
        status: (i) => rows[i].status,
        deadline: (i) => rows[i].deadline,
        title: (i) => `${rows[i].topic}（第${i}项）`,
        leaderId: (i) => leaders[rows[i].leader],
        kind: (i) => (rows[i].plan ? 'plan' : 'rectification'),
        year: (i) => rows[i].year,
      },
      5_000,
      false,
    );
    organizations.push(org);
  }
  await pool.query('VACUUM ANALYZE tasks');
  return organizations;
}

/** One request of the mix: the query string of GET /api/v1/tasks and whose token sends it. */
export interface MixRequest {
  organization: number;
  query: string;
  user: string;
}

/**
 * The ledger views people open, per organization: every status tab (and all) under each of the 8 sorts, first
 * three pages; each unit's own view (all, in progress, awaiting review) as its staff opens it; each assignee's open
 * tasks; each leader's tasks and what awaits their review; overdue and on time under every sort for five pages;
 * each light; the 22 search terms alone and within 整改中; and deep pages of the whole ledger.
 */
export function mixRequests(organizations: SeededOrganization[]): MixRequest[] {
  const sorts = Object.keys(TASK_SORTS);
  const requests: MixRequest[] = [];
  organizations.forEach((org, organization) => {
    const add = (query: Record<string, string | number>, user: string) =>
      requests.push({ organization, query: new URLSearchParams(toStrings(query)).toString(), user });
    const leaders = [org.leaderId, ...org.deputyLeaderIds];
    for (const status of ['', ...STATUSES])
      for (const sort of sorts)
        for (const page of [1, 2, 3])
          add({ ...(status && { status }), sort, page, pageSize: 20 }, org.viewerId);
    org.unitIds.forEach((unitId, u) => {
      for (const status of ['', 'in_progress', 'pending_review'])
        for (const sort of ['deadline', '-createdAt'])
          for (const page of [1, 2])
            add({ unitId, ...(status && { status }), sort, page, pageSize: 20 }, org.staffIds[u]);
      for (const page of [1, 2]) add({ assigneeId: org.staffIds[u], open: 'true', page }, org.staffIds[u]);
      add({ assigneeId: org.staffIds[u], page: 1, pageSize: 50 }, org.staffIds[u]);
    });
    for (const leaderId of leaders)
      for (const status of ['', 'pending_review'])
        for (const page of [1, 2]) add({ leaderId, ...(status && { status }), page }, leaderId);
    for (const overdue of ['true', 'false'])
      for (const sort of sorts)
        for (const page of [1, 2, 3, 4, 5]) add({ overdue, sort, page, pageSize: 20 }, org.leaderId);
    for (const light of ['green', 'yellow', 'red', 'gray'])
      for (const sort of ['deadline', '-progress'])
        for (const page of [1, 2, 3]) add({ light, sort, page }, org.adminId);
    for (const q of SEARCH_TERMS)
      for (const status of ['', 'in_progress'])
        for (const page of [1, 2]) add({ q, ...(status && { status }), page }, org.adminId);
    for (const sort of sorts)
      for (const page of [10, 20, 30, 40]) add({ sort, page, pageSize: 20 }, org.adminId);
  });
  return requests;
}

function toStrings(query: Record<string, string | number>): Record<string, string> {
  return Object.fromEntries(Object.entries(query).map(([key, value]) => [key, String(value)]));
}
