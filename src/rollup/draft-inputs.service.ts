import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { OrganizationSettingsService } from '../identity/organization-settings.service';
import { Organization } from '../identity/organization.entity';
import { WorklogCategoriesService } from '../worklog/worklog-categories.service';
import { WorklogRepository } from '../worklog/worklog.repository';
import { DraftCategory, ReportEntry } from './draft-types';

export interface DraftExtras {
  registeredName: string | null;
  /** 主送机关 from the organization's settings; null takes the template's. */
  addressee: string | null;
  entries: ReportEntry[];
  categories: DraftCategory[];
}

/** What a draft is built from besides the ledger: the organization's registered name and its 工作纪实. */
@Injectable()
export class DraftInputsService {
  constructor(
    private readonly worklog: WorklogRepository,
    private readonly categories: WorklogCategoriesService,
    @InjectRepository(Organization) private readonly organizations: Repository<Organization>,
    private readonly settings: OrganizationSettingsService,
  ) {}

  /** What was recorded by `asOf`: entries dated later are not yet in the draft. */
  async load(organizationId: string, year: number, asOf: string): Promise<DraftExtras> {
    const [organization, entries, categories, settings] = await Promise.all([
      this.organizations.findOneBy({ id: organizationId }),
      this.worklog.findReportEntries(organizationId, year),
      this.categories.resolve(organizationId),
      // A draft of an organization without a settings row (only in tests) takes the defaults.
      this.settings.of(organizationId).catch(() => null),
    ]);
    return {
      registeredName: organization?.name ?? null,
      addressee: settings?.reportAddressee ? `${settings.reportAddressee}：` : null,
      entries: entries.filter((entry) => entry.date <= asOf),
      categories: categories.map(({ key, label, part, keywords }) => ({ key, label, part, keywords })),
    };
  }
}
