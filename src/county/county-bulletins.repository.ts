import { Injectable } from '@nestjs/common';
import { DataSource } from 'typeorm';
import type { BulletinContent } from './bulletin-content';

export interface BulletinRow {
  id: string;
  organizationId: string;
  month: string;
  title: string;
  content: BulletinContent;
  createdAt: string;
}

const COLUMNS = `id, organization_id AS "organizationId", month, title, content,
  to_char(created_at AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"') AS "createdAt"`;

/** Every statement on `county_bulletins`. */
@Injectable()
export class CountyBulletinsRepository {
  constructor(private readonly dataSource: DataSource) {}

  /** Stores the month's 通报 unless one exists; null when another call got there first (the unique key decides). */
  async insertOnce(
    bulletin: Omit<BulletinRow, 'id' | 'createdAt'>,
    createdBy: string | null,
  ): Promise<BulletinRow | null> {
    const [row] = await this.dataSource.query(
      `INSERT INTO county_bulletins (organization_id, month, title, content, created_by) VALUES ($1, $2, $3, $4, $5)
       ON CONFLICT (organization_id, month) DO NOTHING RETURNING ${COLUMNS}`,
      [bulletin.organizationId, bulletin.month, bulletin.title, JSON.stringify(bulletin.content), createdBy],
    );
    return row ?? null;
  }

  async findByMonth(organizationId: string, month: string): Promise<BulletinRow | null> {
    const [row] = await this.dataSource.query(
      `SELECT ${COLUMNS} FROM county_bulletins WHERE organization_id = $1 AND month = $2`,
      [organizationId, month],
    );
    return row ?? null;
  }

  async findOne(id: string): Promise<BulletinRow | null> {
    const [row] = await this.dataSource.query(`SELECT ${COLUMNS} FROM county_bulletins WHERE id = $1`, [id]);
    return row ?? null;
  }

  /** The 通报 of these issuing organizations, newest month first. */
  findOfIssuers(organizationIds: string[]): Promise<BulletinRow[]> {
    return this.dataSource.query(
      `SELECT ${COLUMNS} FROM county_bulletins WHERE organization_id = ANY($1::uuid[])
        ORDER BY month DESC, created_at DESC LIMIT 120`,
      [organizationIds],
    );
  }
}
