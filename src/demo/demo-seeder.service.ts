import { readFileSync } from 'node:fs';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { addDays } from '../common/calendar';
import { findProjectFile } from '../config/project-root';
import type { AuthUser, Role } from '../identity/auth-user';
import { UnitsService } from '../identity/units.service';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { UsersService } from '../identity/users.service';
import { ReportsService } from '../reports/reports.service';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { ReportConfirmationService } from '../tasks/report-confirmation.service';
import { StartupSweep } from '../reminders/startup-sweep';
import { TaskProgressService } from '../tasks/task-progress.service';
import { TaskRepository } from '../tasks/task.repository';
import { WorklogService } from '../worklog/worklog.service';
import { DEMO_WORKLOG, demoAssignmentFor, demoOutcome } from './demo-plan';

interface DemoDefinition {
  organization: string;
  password: string;
  units: { name: string; keywords: string[] }[];
  users: { username: string; displayName: string; role: Role; unit: string | null }[];
}

export const DEMO_REPORT_FILE = '示例镇2025年度法治政府建设情况报告.txt';

/** `npm run demo`: on an empty database, a township with users, its imported report and tasks in every state. */
@Injectable()
export class DemoSeederService implements OnApplicationBootstrap {
  private readonly logger = new Logger('Demo');

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly calendar: OrganizationCalendar,
    private readonly directory: UserDirectoryRepository,
    private readonly units: UnitsService,
    private readonly users: UsersService,
    private readonly reports: ReportsService,
    private readonly confirmation: ReportConfirmationService,
    private readonly tasks: TaskRepository,
    private readonly progress: TaskProgressService,
    private readonly startupSweep: StartupSweep,
    private readonly worklog: WorklogService,
  ) {}

  static definition(): DemoDefinition {
    return JSON.parse(readFileSync(findProjectFile('config/demo/demo.json'), 'utf8')) as DemoDefinition;
  }

  async onApplicationBootstrap(): Promise<void> {
    if (!this.runtime.demo) return;
    const definition = DemoSeederService.definition();
    const created = await this.seed(definition);
    // The demo's overdue tasks are reminded on the day they are seeded, not at the next 08:00.
    if (created && this.runtime.config.REMINDER_SWEEP_ON_START) await this.startupSweep.run();
    this.announce(definition, created);
  }

  /** Idempotent: returns false when the demo township already exists. */
  async seed(definition = DemoSeederService.definition()): Promise<boolean> {
    if (await this.directory.usernameExists(definition.users[0].username)) return false;
    const organizationId = await this.directory.findOrCreateRootOrganization(definition.organization);
    const system: AuthUser = {
      id: '00000000-0000-0000-0000-000000000000',
      organizationId,
      role: 'admin',
      unitId: null,
      username: 'demo',
      displayName: '演示',
    };
    const unitIds = new Map<string, string>();
    for (const unit of definition.units) unitIds.set(unit.name, (await this.units.create(system, unit)).id);
    const people = new Map<string, AuthUser>();
    for (const user of definition.users) {
      const unitId = user.unit ? (unitIds.get(user.unit) ?? null) : null;
      const row = await this.users.insert(organizationId, {
        username: user.username,
        password: definition.password,
        displayName: user.displayName,
        role: user.role,
        unitId: unitId ?? undefined,
      });
      people.set(user.username, {
        id: row.id,
        organizationId,
        role: user.role,
        unitId,
        username: user.username,
        displayName: user.displayName,
      });
    }
    const leader = [...people.values()].find((user) => user.role === 'leader') as AuthUser;
    const planYear = await this.importReportAndSpreadTasks(leader, [...people.values()], unitIds);
    if (planYear) await this.logWork(leader, planYear);
    return true;
  }

  /** 工作纪实 of the plan year up to today, put into the report by the leader, so the draft has the year's work. */
  private async logWork(leader: AuthUser, year: number): Promise<void> {
    const today = this.calendar.today();
    for (const entry of DEMO_WORKLOG) {
      const date = `${year}-${entry.day}`;
      if (date > today) continue;
      const created = await this.worklog.create(leader, { date, category: entry.category, text: entry.text });
      await this.worklog.update(leader, created.id, { inReport: true });
    }
  }

  private async importReportAndSpreadTasks(
    leader: AuthUser,
    people: AuthUser[],
    unitIds: Map<string, string>,
  ): Promise<number | null> {
    const buffer = readFileSync(findProjectFile('config/demo/demo-report.txt'));
    const report = await this.reports.upload(leader, { fileName: DEMO_REPORT_FILE, buffer });
    const today = this.calendar.today();
    const items = report.items.filter((item) => item.kind !== 'cause');
    const requests = items.map((item, index) => {
      const plan = demoAssignmentFor(index);
      const unitId = unitIds.get(item.suggestedUnits[0]) ?? [...unitIds.values()][index % unitIds.size];
      const assignee = people.find((user) => user.role === 'staff' && user.unitId === unitId);
      return plan.fate === 'unassigned'
        ? { itemId: item.id }
        : {
            itemId: item.id,
            leaderId: leader.id,
            unitId,
            assigneeId: assignee?.id,
            deadline: addDays(today, plan.deadlineInDays),
          };
    });
    const { tasks } = await this.confirmation.createFromReport(leader, report.id, { items: requests });
    for (const [index, task] of tasks.entries()) {
      const plan = demoAssignmentFor(index);
      if (plan.fate === 'unassigned') continue;
      await this.tasks.backdateAssignment(task.id, plan.assignedDaysAgo);
      const staff = people.find((user) => user.id === task.assigneeId) ?? leader;
      await this.progress.addUpdate(staff, task.id, {
        status: 'in_progress',
        progress: Math.min(plan.progress, 90),
        note: '已制定工作方案，正在推进。',
      });
      if (plan.fate === 'completed' || plan.fate === 'pending_review') {
        await this.progress.addUpdate(staff, task.id, {
          status: 'pending_review',
          progress: 100,
          note: '已完成，申请销号。',
          outcome: demoOutcome(task.title),
        });
      }
      if (plan.fate === 'completed')
        await this.progress.review(leader, task.id, { decision: 'approve', comment: '经核验，同意销号。' });
    }
    return report.planYear;
  }

  private announce(definition: DemoDefinition, created: boolean): void {
    const url = `http://127.0.0.1:${this.runtime.config.PORT}/`;
    const logins = definition.users
      .map((user) => `  ${user.displayName}（${user.role}）：${user.username} / ${definition.password}`)
      .join('\n');
    const state = created ? '已创建演示数据' : '演示数据已存在，保留原有数据';
    process.stderr.write(
      `\n[rectify] 演示模式：${state}（${definition.organization}）\n[rectify] 打开 ${url}\n${logins}\n\n`,
    );
    this.logger.warn('演示模式已开启：数据仅供体验，请勿用于生产');
  }
}
