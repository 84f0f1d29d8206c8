import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { DataSource } from 'typeorm';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { Organization } from './organization.entity';
import { User } from './user.entity';
import { UsersService } from './users.service';

/**
 * Creates the default organization and the first administrator when no user exists yet.
 * Without ADMIN_PASSWORD, development and demo print a generated one; production refuses to start.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger('AdminBootstrap');

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly dataSource: DataSource,
    private readonly users: UsersService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config } = this.runtime;
    if (config.NODE_ENV === 'test') return;
    if (await this.dataSource.getRepository(User).exists()) return;
    const password = config.ADMIN_PASSWORD ?? this.generatedPassword();
    const username = config.ADMIN_USERNAME ?? 'admin';
    await this.dataSource.transaction(async (manager) => {
      const organization = await manager.save(
        manager.create(Organization, { name: config.ORG_NAME, parentId: null }),
      );
      await this.users.insert(
        organization.id,
        { username, password, displayName: '系统管理员', role: 'admin' },
        manager,
      );
    });
    this.logger.log(`已创建首个管理员账号“${username}”（单位：${config.ORG_NAME}）`);
  }

  private generatedPassword(): string {
    if (this.runtime.config.NODE_ENV === 'production' && !this.runtime.demo) {
      throw new Error(
        '尚无任何用户且未配置 ADMIN_PASSWORD：请设置 ADMIN_USERNAME / ADMIN_PASSWORD（至少 8 位）后再启动，以创建首个管理员',
      );
    }
    const password = randomBytes(12).toString('base64url');
    // Printed once, straight to stderr and not through the logger, so it never lands in log storage.
    process.stderr.write(
      `\n【首次启动】未配置 ADMIN_PASSWORD，已生成管理员初始密码：${password}（请登录后立即修改，此密码不会再次显示）\n\n`,
    );
    return password;
  }
}
