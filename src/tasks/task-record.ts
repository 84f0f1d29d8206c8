import {
  Column,
  CreateDateColumn,
  EntityManager,
  EntityTarget,
  FindOptionsOrder,
  FindOptionsSelect,
  FindOptionsWhere,
} from 'typeorm';

/**
 * The columns every record kept about one task has (progress reports, 延期申请, 佐证材料, history
 * lines): the task, its organization and when the record was written. Not a table: each entity extends
 * it and keeps its own key, a uuid or, for history lines, a bigint.
 */
export abstract class TaskRecord {
  @Column('uuid', { name: 'task_id' }) taskId: string;
  @Column('uuid', { name: 'organization_id' }) organizationId: string;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}

/**
 * One task's records of a kind as the task detail shows them: every column but the task's own keys, which the
 * caller already has, and `hidden`: what the detail leaves out (where a file is stored, who uploaded it).
 */
export function findRecordsOfTask<R extends TaskRecord>(
  manager: EntityManager,
  entity: EntityTarget<R>,
  taskId: string,
  order: FindOptionsOrder<R>,
  hidden: Array<keyof R> = [],
): Promise<R[]> {
  const left = new Set<PropertyKey>(['taskId', 'organizationId', ...hidden]);
  const shown = manager.connection
    .getMetadata(entity)
    .columns.map((column) => column.propertyName)
    .filter((name) => !left.has(name));
  return manager.find(entity, {
    select: Object.fromEntries(shown.map((name) => [name, true])) as FindOptionsSelect<R>,
    where: { taskId } as FindOptionsWhere<R>,
    order,
  });
}
