import { JwtService } from '@nestjs/jwt';
import { DataSource } from 'typeorm';
import { TEST_JWT_SECRET, TestApp } from '../../support/test-app';
import { uniqueSuffix } from '../../support/test-env';

export interface LedgerUser {
  id: string;
  token: string;
}

export interface LedgerOrg {
  orgId: string;
  units: Record<string, string>;
  users: Record<'admin' | 'leader' | 'staff' | 'otherStaff' | 'viewer', LedgerUser>;
}

/** An organization with two units and one user per role, inserted directly, with access tokens the auth guard accepts. */
export async function createLedgerOrg(app: TestApp, name = '鲁山县张良镇人民政府'): Promise<LedgerOrg> {
  const db = app.app.get(DataSource);
  const suffix = uniqueSuffix();
  const [org] = await db.query(`INSERT INTO organizations (name) VALUES ($1) RETURNING id`, [
    `${name}${suffix}`,
  ]);
  const units: Record<string, string> = {};
  for (const unit of ['综合行政执法队', '党政综合办公室']) {
    const [row] = await db.query(`INSERT INTO units (organization_id, name) VALUES ($1, $2) RETURNING id`, [
      org.id,
      unit,
    ]);
    units[unit] = row.id;
  }
  const jwt = new JwtService({ secret: TEST_JWT_SECRET });
  const user = async (role: string, unitId: string | null): Promise<LedgerUser> => {
    const [row] = await db.query(
      `INSERT INTO users (organization_id, unit_id, username, password_hash, display_name, role) VALUES ($1, $2, $3, 'x', $4, $5) RETURNING id`,
      [org.id, unitId, `${role}-${uniqueSuffix()}`, `${role}用户`, role.replace('otherStaff', 'staff')],
    );
    return { id: row.id, token: await jwt.signAsync({ sub: row.id, typ: 'access' }, { expiresIn: 3600 }) };
  };
  return {
    orgId: org.id,
    units,
    users: {
      admin: await user('admin', null),
      leader: await user('leader', null),
      staff: await user('staff', units['综合行政执法队']),
      otherStaff: await user('otherStaff', units['党政综合办公室']),
      viewer: await user('viewer', null),
    },
  };
}

export const SAMPLE_REPORT = `鲁山县张良镇人民政府关于2024年法治政府建设情况的报告

2024年，我镇深入学习贯彻习近平法治思想，法治政府建设取得新成效。

一、存在的问题
一是执法人员业务水平有待提高。目前在我镇执法队伍中，部分人员对法律法规掌握不够全面。
二是普法宣传形式较为单一。宣传多以发放资料为主，群众参与度不高。

二、下一步工作计划
一是加强执法队伍培训，由综合行政执法队负责，2025年12月底前完成。
二是创新普法宣传方式，长期坚持开展以案释法活动。

鲁山县张良镇人民政府
2025年1月10日
`;

/** A multipart body with one `file` field, as browsers send it. */
export function multipart(
  fileName: string,
  content: Buffer | string,
  contentType = 'text/plain',
): { body: Buffer; headers: Record<string, string> } {
  const boundary = `----ledger${uniqueSuffix()}`;
  const head = Buffer.from(
    `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${fileName}"\r\nContent-Type: ${contentType}\r\n\r\n`,
  );
  const tail = Buffer.from(`\r\n--${boundary}--\r\n`);
  return {
    body: Buffer.concat([head, Buffer.from(content), tail]),
    headers: { 'content-type': `multipart/form-data; boundary=${boundary}` },
  };
}
