import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn } from 'typeorm';

/** A responsible unit (责任单位) of an organization; its keywords feed the parser's unit suggestions. */
@Entity('units')
export class Unit {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column() name: string;
  @Column({ type: 'text', array: true, default: () => "'{}'" }) keywords: string[];
  @Column({ default: true }) active: boolean;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
}
