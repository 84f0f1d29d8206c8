import { randomBytes } from 'node:crypto';
import { Inject, Injectable, Logger, OnApplicationBootstrap } from '@nestjs/common';
import { ConfigError } from '../config/load-config';
import { Runtime, RUNTIME } from '../runtime/runtime';
import { OrganizationsService } from './organizations.service';
import { passwordWeakness } from './password-policy';
import { UserRepository } from './user.repository';

/**
 * Creates the default organization and the first administrator when no user exists yet.
 * Without ADMIN_PASSWORD, development and demo print a generated one; production refuses to start, and so does
 * every mode when ADMIN_PASSWORD is too weak to be a password at all.
 */
@Injectable()
export class AdminBootstrap implements OnApplicationBootstrap {
  private readonly logger = new Logger(AdminBootstrap.name);

  constructor(
    @Inject(RUNTIME) private readonly runtime: Runtime,
    private readonly userRows: UserRepository,
    private readonly organizations: OrganizationsService,
  ) {}

  async onApplicationBootstrap(): Promise<void> {
    const { config } = this.runtime;
    if (config.NODE_ENV === 'test') return;
    if (await this.userRows.any()) return;
    const username = config.ADMIN_USERNAME ?? 'admin';
    const password = config.ADMIN_PASSWORD ?? this.generatedPassword();
    const weakness = passwordWeakness(password, [username]);
    if (weakness) {
      throw new ConfigError(
        `配置项 ADMIN_PASSWORD 不能用作首个管理员的密码：${weakness}。请换一个更强的密码（如三个以上单词加数字组成的短语）后再启动。`,
      );
    }
    await this.organizations.createWithAdministrator(
      { name: config.ORG_NAME, parentId: null },
      { username, password, displayName: '系统管理员' },
    );
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
