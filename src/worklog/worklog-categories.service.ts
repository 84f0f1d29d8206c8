import { randomBytes } from 'node:crypto';
import { Injectable } from '@nestjs/common';
import { ConflictError, InvalidInputError, NotFoundError } from '../common/domain-error';
import type { AuthUser } from '../identity/auth-user';
import { CreateCategoryDto, UpdateCategoryDto } from './dto/worklog.dto';
import { loadConfiguredCategories, resolveCategories, WorklogCategory } from './worklog-categories';
import { WorklogRepository } from './worklog.repository';

export interface CategoryView {
  key: string;
  label: string;
  /** The part of the report the category's entries fill: `leadership` is the 第一责任人 category. */
  part: WorklogCategory['part'];
  active: boolean;
}

/** The 工作纪实 categories of an organization: the configured ones as it renamed or deactivated them, plus its own. */
@Injectable()
export class WorklogCategoriesService {
  private readonly configured = loadConfiguredCategories();

  constructor(private readonly repository: WorklogRepository) {}

  async resolve(organizationId: string): Promise<WorklogCategory[]> {
    return resolveCategories(this.configured, await this.repository.listOverrides(organizationId));
  }

  async list(user: AuthUser, includeInactive = false): Promise<CategoryView[]> {
    const categories = await this.resolve(user.organizationId);
    return categories
      .filter((category) => includeInactive || category.active)
      .map(({ key, label, part, active }) => ({ key, label, part, active }));
  }

  /** An active category of the organization; entries are filed under these only. */
  async requireActive(organizationId: string, key: string): Promise<WorklogCategory> {
    const category = (await this.resolve(organizationId)).find((candidate) => candidate.key === key);
    if (!category?.active)
      throw new InvalidInputError('WORKLOG_CATEGORY_UNKNOWN', `工作纪实类别“${key}”不存在或已停用`);
    return category;
  }

  async create(user: AuthUser, dto: CreateCategoryDto): Promise<CategoryView> {
    const label = dto.label.trim();
    await this.assertLabelFree(user.organizationId, label, null);
    const key = `custom-${randomBytes(4).toString('hex')}`;
    await this.repository.saveOverride(user.organizationId, { key, label, active: true });
    return { key, label, part: 'achievements', active: true };
  }

  async update(user: AuthUser, key: string, dto: UpdateCategoryDto): Promise<CategoryView> {
    const category = (await this.resolve(user.organizationId)).find((candidate) => candidate.key === key);
    if (!category) throw new NotFoundError('工作纪实类别', 'WORKLOG_CATEGORY_NOT_FOUND');
    // The draft fills its 第一责任人 and 其他 parts from these two; without them those parts could never be written.
    if (dto.active === false && category.part !== 'achievements')
      throw new InvalidInputError(
        'WORKLOG_CATEGORY_REQUIRED',
        `“${category.label}”对应年度报告的必备部分，不能停用，可以改名`,
      );
    const label = dto.label?.trim();
    if (label !== undefined) await this.assertLabelFree(user.organizationId, label, key);
    // A default keeps following the configured label until the organization renames it.
    const stored = (await this.repository.listOverrides(user.organizationId)).find((o) => o.key === key);
    const active = dto.active ?? category.active;
    await this.repository.saveOverride(user.organizationId, {
      key,
      label: label ?? stored?.label ?? null,
      active,
    });
    return { key, label: label ?? category.label, part: category.part, active };
  }

  private async assertLabelFree(organizationId: string, label: string, ownKey: string | null): Promise<void> {
    const taken = (await this.resolve(organizationId)).some(
      (category) => category.label === label && category.key !== ownKey,
    );
    if (taken) throw new ConflictError('WORKLOG_CATEGORY_LABEL_TAKEN', `工作纪实类别“${label}”已存在`);
  }
}
