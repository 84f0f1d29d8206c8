import { ApiProperty } from '@nestjs/swagger';
import { ITEM_TYPES } from '../item-type';
import { TASK_ACTIONS } from '../task-actions';
import { TASK_STATUSES } from '../task-status';
import { TRAFFIC_LIGHTS } from '../traffic-light';

const uuidOrNull = (description?: string) => ({ type: String, format: 'uuid', nullable: true, description });

export class TaskSourceDto {
  @ApiProperty(uuidOrNull('来源报告')) reportId: string | null;
  @ApiProperty({ type: Number, nullable: true, description: '在报告规范化全文中的起始偏移' }) start:
    number | null;
  @ApiProperty({ type: Number, nullable: true }) end: number | null;
}

/** A task as lists and every change answer show it; the detail adds history, updates, evidence and extensions. */
export class TaskDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty(uuidOrNull('来源报告')) reportId: string | null;
  @ApiProperty(uuidOrNull('来源报告条目')) reportItemId: string | null;
  @ApiProperty({ enum: ['rectification', 'plan'], description: 'rectification 整改任务，plan 计划任务' })
  kind: string;
  @ApiProperty({ type: String, nullable: true, example: 'problem', description: '报告条目类别' })
  itemKind: string | null;
  @ApiProperty({ example: '执法人员业务水平有待提高' }) title: string;
  @ApiProperty({ description: '报告中的原文' }) sourceText: string;
  @ApiProperty({ type: Number, nullable: true, example: 2025 }) planYear: number | null;
  @ApiProperty({ type: [String], example: ['存在的问题'] }) headingPath: string[];
  @ApiProperty(uuidOrNull('责任领导')) leaderId: string | null;
  @ApiProperty(uuidOrNull('责任单位')) unitId: string | null;
  @ApiProperty(uuidOrNull('责任人')) assigneeId: string | null;
  @ApiProperty({
    type: String,
    format: 'date',
    nullable: true,
    example: '2025-12-31',
    description: '完成时限',
  })
  deadline: string | null;
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status: string;
  @ApiProperty({ minimum: 0, maximum: 100, example: 60, description: '进度（%）' }) progress: number;
  @ApiProperty({ type: String, nullable: true, example: '培训执法人员 36 人次', description: '整改成效' })
  outcome: string | null;
  @ApiProperty({ description: '长期坚持的工作' }) longTerm: boolean;
  @ApiProperty({
    type: String,
    nullable: true,
    enum: ['monthly', 'quarterly'],
    description: '长期任务报送佐证的周期',
  })
  evidenceInterval: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) assignedAt: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) completedAt: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true, description: '工作完成的日期' })
  completedOn: string | null;
  @ApiProperty(uuidOrNull('整改措施所对应的整改问题')) problemTaskId: string | null;
  @ApiProperty({ format: 'date-time' }) lastActivityAt: string;
  @ApiProperty({ example: 3, description: '版本号：PATCH /tasks/{id} 时带上，防止覆盖他人的修改' })
  version: number;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
  @ApiProperty({ format: 'date-time' }) updatedAt: string;
  @ApiProperty({ type: Number, nullable: true }) sourceStart: number | null;
  @ApiProperty({ type: Number, nullable: true }) sourceEnd: number | null;
  @ApiProperty({ description: '有待审批的延期申请' }) extensionPending: boolean;
  @ApiProperty({ example: '办理中' }) statusLabel: string;
  @ApiProperty({ enum: ITEM_TYPES, enumName: 'ItemType' }) itemType: string;
  @ApiProperty({ example: '整改问题' }) itemTypeLabel: string;
  @ApiProperty({ enum: TRAFFIC_LIGHTS, enumName: 'TrafficLight', description: '红黄绿灯，已办结为 gray' })
  light: string;
  @ApiProperty() overdue: boolean;
  @ApiProperty({
    type: Number,
    nullable: true,
    example: 12,
    description: '距完成时限的天数（已办结或无时限为 null）',
  })
  daysLeft: number | null;
  @ApiProperty({ example: '正常' }) lightLabel: string;
  @ApiProperty({ type: TaskSourceDto }) source: TaskSourceDto;
}

export class TaskHistoryEntryDto {
  @ApiProperty({ example: '17' }) id: string;
  @ApiProperty(uuidOrNull('操作人')) actorId: string | null;
  @ApiProperty({ example: 'assigned', description: '动作，用语见 GET /meta 的 historyActions' })
  action: string;
  @ApiProperty({
    type: 'object',
    additionalProperties: true,
    example: { deadline: { from: '2025-06-30', to: '2025-12-31' } },
    description: '变化的字段：{字段: {from, to}}',
  })
  changes: Record<string, unknown>;
  @ApiProperty({ type: String, nullable: true }) note: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TaskProgressUpdateDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(uuidOrNull()) authorId: string | null;
  @ApiProperty({ type: String, nullable: true }) statusFrom: string | null;
  @ApiProperty({ type: String, nullable: true }) statusTo: string | null;
  @ApiProperty({ type: Number, nullable: true }) progress: number | null;
  @ApiProperty({ example: '已完成两期培训' }) note: string;
  @ApiProperty({ type: String, nullable: true }) outcome: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class EvidenceFileDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty({ example: '培训签到表.pdf' }) fileName: string;
  @ApiProperty() sizeBytes: number;
  @ApiProperty({ description: 'SHA-256（十六进制）' }) sha256: string;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TaskEvidenceDto extends EvidenceFileDto {
  @ApiProperty(uuidOrNull('关联的进展；未关联为 null')) updateId: string | null;
}

export class ExtensionRequestViewDto {
  @ApiProperty({ format: 'uuid' }) id: string;
  @ApiProperty(uuidOrNull()) requestedBy: string | null;
  @ApiProperty({ type: String, format: 'date', nullable: true }) currentDeadline: string | null;
  @ApiProperty({ format: 'date', example: '2026-03-31' }) requestedDeadline: string;
  @ApiProperty({ example: '需等待上级批复' }) reason: string;
  @ApiProperty({ enum: ['pending', 'approved', 'refused'] }) status: string;
  @ApiProperty(uuidOrNull()) decidedBy: string | null;
  @ApiProperty({ type: String, format: 'date-time', nullable: true }) decidedAt: string | null;
  @ApiProperty({ type: String, nullable: true }) decisionComment: string | null;
  @ApiProperty({ format: 'date-time' }) createdAt: string;
}

export class TaskDetailDto extends TaskDto {
  @ApiProperty({
    enum: TASK_ACTIONS,
    enumName: 'TaskAction',
    isArray: true,
    description: '调用者此刻可对本任务执行的操作',
  })
  allowedActions: string[];
  @ApiProperty({ type: [TaskHistoryEntryDto] }) history: TaskHistoryEntryDto[];
  @ApiProperty({ type: [TaskProgressUpdateDto] }) updates: TaskProgressUpdateDto[];
  @ApiProperty({ type: [TaskEvidenceDto] }) evidence: TaskEvidenceDto[];
  @ApiProperty({ type: [ExtensionRequestViewDto] }) extensionRequests: ExtensionRequestViewDto[];
}

export class ConfirmedTasksDto {
  @ApiProperty({ type: [TaskDto], description: '生成（或已存在）的任务，与请求的条目同序' }) tasks: TaskDto[];
}

export class LightCountsDto {
  @ApiProperty() green: number;
  @ApiProperty() yellow: number;
  @ApiProperty() red: number;
  @ApiProperty() gray: number;
}

export class StatusCountDto {
  @ApiProperty({ enum: TASK_STATUSES, enumName: 'TaskStatus' }) status: string;
  @ApiProperty({ example: '办理中' }) statusLabel: string;
  @ApiProperty() count: number;
}

export class UnitCountDto {
  @ApiProperty(uuidOrNull('责任单位；null 为未指定单位')) unitId: string | null;
  @ApiProperty() count: number;
  @ApiProperty({ type: LightCountsDto }) byLight: LightCountsDto;
}

export class OrganizationCountDto extends LightCountsDto {
  @ApiProperty({ format: 'uuid' }) organizationId: string;
  @ApiProperty({ example: '张良镇人民政府' }) name: string;
  @ApiProperty() total: number;
  @ApiProperty() completed: number;
  @ApiProperty({ example: 66.7, description: '完成率（%，不计已撤销）' }) completionRate: number;
  @ApiProperty({ enum: ['green', 'yellow', 'red'], description: '该单位最差的灯' }) light: string;
}

export class TaskStatsDto {
  @ApiProperty() total: number;
  @ApiProperty({ description: '逾期（红灯）任务数' }) overdue: number;
  @ApiProperty({ example: 33.3, description: '完成率（%，不计已撤销）' }) completionRate: number;
  @ApiProperty({ type: [StatusCountDto] }) byStatus: StatusCountDto[];
  @ApiProperty({ type: LightCountsDto }) byLight: LightCountsDto;
  @ApiProperty({ type: [UnitCountDto] }) byUnit: UnitCountDto[];
  @ApiProperty({ type: [OrganizationCountDto], description: '下级单位的统计（无下级单位时为空）' })
  byOrganization: OrganizationCountDto[];
}
