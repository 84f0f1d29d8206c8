import { InvalidInputError } from '../common/domain-error';
import type { Role } from '../identity/auth-user';
import type { OrganizationSettings } from '../identity/organization-settings';

/** The roles that carry out tasks: viewers only read, admins administer; neither can report progress on one. */
const ASSIGNABLE_ROLES: readonly Role[] = ['staff', 'leader'];

export interface AssigneeCandidate {
  role: Role;
  unitId: string | null;
  active: boolean;
}

/**
 * An assignee must be able to do the work: an active staff member or leader, in the task's unit when the task has
 * one (a leader without a unit may take any task). Otherwise the assignment would be accepted and fail later with 403.
 */
export function assertAssignable(candidate: AssigneeCandidate | null, taskUnitId: string | null): void {
  if (!candidate || !candidate.active)
    throw new InvalidInputError('ASSIGNEE_INACTIVE', '责任人须为本单位在职的工作人员或领导');
  if (!ASSIGNABLE_ROLES.includes(candidate.role))
    throw new InvalidInputError('ASSIGNEE_ROLE', '责任人须为工作人员或领导，查看人员和管理员不能承办任务');
  const unitOk =
    !taskUnitId ||
    candidate.unitId === taskUnitId ||
    (candidate.role === 'leader' && candidate.unitId === null);
  if (!unitOk) throw new InvalidInputError('ASSIGNEE_NOT_IN_UNIT', '责任人须属于该任务的责任单位');
}

export interface ReviewSubmission {
  outcome: string | null | undefined;
  evidenceCount: number;
}

/** 申请销号 needs the 整改成效 written out, and a 佐证材料 where the organization asks for one. */
export function assertReadyForReview(
  submission: ReviewSubmission,
  settings: Pick<OrganizationSettings, 'requireEvidenceForReview'>,
): void {
  if (!submission.outcome?.trim()) throw new InvalidInputError('OUTCOME_REQUIRED', '申请销号须填写整改成效');
  if (settings.requireEvidenceForReview && submission.evidenceCount === 0)
    throw new InvalidInputError('EVIDENCE_REQUIRED', '本单位要求申请销号时上传佐证材料，请先上传');
}
