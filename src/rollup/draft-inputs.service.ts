import { Injectable } from '@nestjs/common';
import { InjectRepository } from '@nestjs/typeorm';
import { Repository } from 'typeorm';
import { Organization } from '../identity/organization.entity';
import { WorklogCategoriesService } from '../worklog/worklog-categories.service';
import { WorklogRepository } from '../worklog/worklog.repository';
import { DraftCategory, ReportEntry } from './draft-types';

export interface DraftExtras {
  registeredName: string | null;
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
  ) {}

  async load(organizationId: string, year: number): Promise<DraftExtras> {
    const [organization, entries, categories] = await Promise.all([
      this.organizations.findOneBy({ id: organizationId }),
      this.worklog.findReportEntries(organizationId, year),
      this.categories.resolve(organizationId),
    ]);
    return {
      registeredName: organization?.name ?? null,
      entries,
      categories: categories.map(({ key, label, part, keywords }) => ({ key, label, part, keywords })),
    };
  }
}
