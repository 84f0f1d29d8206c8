import { Column, CreateDateColumn, Entity, PrimaryGeneratedColumn, UpdateDateColumn } from 'typeorm';
import type { Role } from './auth-user';

@Entity('users')
export class User {
  @PrimaryGeneratedColumn('uuid') id: string;
  @Column({ name: 'organization_id', type: 'uuid' }) organizationId: string;
  @Column({ name: 'unit_id', type: 'uuid', nullable: true }) unitId: string | null;
  @Column() username: string;
  /** Never serialized: responses go through toUserView. */
  @Column({ name: 'password_hash', select: false }) passwordHash: string;
  @Column({ name: 'display_name' }) displayName: string;
  @Column({ type: 'varchar' }) role: Role;
  @Column({ type: 'varchar', nullable: true }) phone: string | null;
  @Column({ type: 'varchar', nullable: true }) email: string | null;
  @Column({ default: true }) active: boolean;
  /** Moves whenever every token issued so far must stop working (see migration UserSessionGeneration). */
  @Column({ name: 'session_generation', default: 0 }) sessionGeneration: number;
  @CreateDateColumn({ name: 'created_at', type: 'timestamptz' }) createdAt: Date;
  @UpdateDateColumn({ name: 'updated_at', type: 'timestamptz' }) updatedAt: Date;
}

export interface UserView {
  id: string;
  organizationId: string;
  unitId: string | null;
  username: string;
  displayName: string;
  role: Role;
  phone: string | null;
  email: string | null;
  active: boolean;
  createdAt: Date;
}

/** The only shape a user leaves the service in: no password hash, ever. */
export function toUserView(user: User): UserView {
  return {
    id: user.id,
    organizationId: user.organizationId,
    unitId: user.unitId,
    username: user.username,
    displayName: user.displayName,
    role: user.role,
    phone: user.phone,
    email: user.email,
    active: user.active,
    createdAt: user.createdAt,
  };
}
