import { Injectable } from '@nestjs/common';
import { addDays } from '../common/calendar';
import { InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { OrganizationRepository } from '../identity/organization.repository';
import { UserDirectoryRepository } from '../identity/user-directory.repository';
import { NotificationsService } from '../notifications/notifications.service';
import { OrganizationCalendar } from '../runtime/organization-calendar';
import { TaskRepository } from '../tasks/task.repository';
import { BulletinContent, boards, bulletinTitle } from './bulletin-content';
import { BulletinRow, CountyBulletinsRepository } from './county-bulletins.repository';
import { CountyService } from './county.service';
import type { SupervisedOrganization } from './county-overview';
import type { BulletinDto } from './dto/county-bulletin.dto';

/** The 月度通报: written once per issuing organization and month, by the scheduler or on demand. */
@Injectable()
export class CountyBulletinsService {
  constructor(
    private readonly county: CountyService,
    private readonly organizations: OrganizationRepository,
    private readonly bulletins: CountyBulletinsRepository,
    private readonly tasks: TaskRepository,
    private readonly directory: UserDirectoryRepository,
    private readonly notifications: NotificationsService,
    private readonly calendar: OrganizationCalendar,
  ) {}

  /** POST /county/bulletins: the caller's organization, a month that has begun. */
  async issueFor(user: AuthUser, month: string): Promise<BulletinDto> {
    if (month > this.calendar.today().slice(0, 7))
      throw new InvalidInputError('BULLETIN_MONTH_IN_FUTURE', '不能为尚未开始的月份印发通报');
    const { bulletin, created } = await this.issue(user.organizationId, month, user.id);
    return present(bulletin, created);
  }

  /**
   * The month's 通报 of the organization, made if missing. Two calls at once both build it, and the unique key
   * keeps the first: the second returns that one and sends no notices.
   */
  async issue(
    organizationId: string,
    month: string,
    createdBy: string | null,
  ): Promise<{ bulletin: BulletinRow; created: boolean }> {
    const existing = await this.bulletins.findByMonth(organizationId, month);
    if (existing) return { bulletin: existing, created: false };
    const today = this.calendar.today();
    const asOf = [today, lastDayOf(month)].sort()[0];
    const year = Number(month.slice(0, 4));
    const { children, organizations, totals } = await this.county.standings(organizationId, year, asOf);
    const lineOf = new Map(children.flatMap((child) => child.memberIds.map((id) => [id, child.id] as const)));
    const overdue = await this.tasks.findOverdueIn([...lineOf.keys()], year, asOf);
    const [issuer] = await this.organizations.findByIds([organizationId]);
    const content: BulletinContent = {
      month,
      asOf,
      issuedOn: today,
      issuer: issuer.name,
      childrenAreCounties: organizations.some((line) => line.hasChildren),
      lines: organizations,
      totals,
      overdue: overdue.map((task) => ({
        lineId: lineOf.get(task.organizationId)!,
        title: task.title,
        deadline: task.deadline,
        daysOverdue: task.daysOverdue,
        unitName: task.unitName,
      })),
      ...boards(organizations),
    };
    const title = bulletinTitle(month);
    const inserted = await this.bulletins.insertOnce({ organizationId, month, title, content }, createdBy);
    if (!inserted)
      return { bulletin: (await this.bulletins.findByMonth(organizationId, month))!, created: false };
    await this.notifyLeaders(inserted, children);
    return { bulletin: inserted, created: true };
  }

  /** The caller's own 通报 and, for a township (or county), those its ancestors issued, cut to its own line. */
  async list(user: AuthUser): Promise<{ items: BulletinDto[] }> {
    const issuers = [user.organizationId, ...(await this.organizations.ancestorIds(user.organizationId))];
    const rows = await this.bulletins.findOfIssuers(issuers);
    const lines = this.ownLines(user, rows);
    return {
      items: rows
        .filter((row) => row.organizationId === user.organizationId || lines.has(row.id))
        .map((row) => present(row, false, lines.get(row.id))),
    };
  }

  /** The bulletin and, for a reader below the issuer, the line it may see (404 when it has none). */
  async readable(user: AuthUser, id: string): Promise<{ bulletin: BulletinRow; onlyLineId?: string }> {
    const bulletin = await this.bulletins.findOne(id);
    if (!bulletin) throw new NotFoundError('通报', 'BULLETIN_NOT_FOUND');
    if (bulletin.organizationId === user.organizationId) return { bulletin };
    const onlyLineId = this.ownLines(user, [bulletin]).get(bulletin.id);
    if (!onlyLineId) throw new NotFoundError('通报', 'BULLETIN_NOT_FOUND');
    return { bulletin, onlyLineId };
  }

  /** For each bulletin issued above the caller, the caller's own line, if the bulletin has one. */
  private ownLines(user: AuthUser, rows: BulletinRow[]): Map<string, string> {
    const lines = new Map<string, string>();
    for (const row of rows) {
      if (row.organizationId === user.organizationId) continue;
      if (row.content.lines.some((line) => line.id === user.organizationId))
        lines.set(row.id, user.organizationId);
    }
    return lines;
  }

  private async notifyLeaders(bulletin: BulletinRow, children: SupervisedOrganization[]): Promise<void> {
    const leaders = await this.directory.findActiveLeaders(children.map((child) => child.id));
    const lines = new Map(bulletin.content.lines.map((line) => [line.id, line]));
    await this.notifications.store(
      leaders.map((leader) => {
        const line = lines.get(leader.organizationId)!;
        return {
          organizationId: leader.organizationId,
          userId: leader.id,
          taskId: null,
          kind: 'county_bulletin',
          title: bulletin.title,
          body: `${bulletin.content.issuer}印发月度通报：本单位排名第${line.rank}位，完成率${line.rate}%，逾期未办结${line.overdue}项。`,
          dedupeKey: `county-bulletin:${bulletin.id}:${leader.id}`,
          hasEmail: leader.email !== null,
        };
      }),
    );
  }
}

function lastDayOf(month: string): string {
  const [year, monthNumber] = month.split('-').map(Number);
  const next =
    monthNumber === 12 ? `${year + 1}-01-01` : `${year}-${String(monthNumber + 1).padStart(2, '0')}-01`;
  return addDays(next, -1);
}

function present(row: BulletinRow, created: boolean, onlyLineId?: string): BulletinDto {
  const lines = row.content.lines
    .filter((line) => !onlyLineId || line.id === onlyLineId)
    .map(({ id, name, rank, planned, completed, onTime, overdue, yellow, rate }) => {
      return { id, name, rank, planned, completed, onTime, overdue, yellow, rate };
    });
  return {
    id: row.id,
    organizationId: row.organizationId,
    month: row.month,
    title: row.title,
    asOf: row.content.asOf,
    createdAt: row.createdAt,
    lines,
    created,
  };
}
