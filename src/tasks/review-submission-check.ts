import { Injectable } from '@nestjs/common';
import { EntityManager } from 'typeorm';
import { OrganizationSettingsService } from '../identity/organization-settings.service';
import { TaskHistoryRepository } from './task-history.repository';
import { assertReadyForReview } from './task-rules';

/** Checks a 申请销号 against the organization's settings, inside the update's transaction (after evidence is attached). */
@Injectable()
export class ReviewSubmissionCheck {
  constructor(
    private readonly settings: OrganizationSettingsService,
    private readonly history: TaskHistoryRepository,
  ) {}

  async assertReady(
    manager: EntityManager,
    task: { id: string; organizationId: string; outcome: string | null },
    outcome: string | undefined,
  ): Promise<void> {
    const settings = await this.settings.of(task.organizationId);
    const evidenceCount = settings.requireEvidenceForReview
      ? await this.history.countEvidence(manager, task.id)
      : 0;
    assertReadyForReview({ outcome: outcome ?? task.outcome, evidenceCount }, settings);
  }
}
