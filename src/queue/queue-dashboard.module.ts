import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { BullBoardModule } from '@bull-board/nestjs';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import { JwtService } from '@nestjs/jwt';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { DataSource } from 'typeorm';
import { PERMISSIONS } from '../identity/permissions';
import type { Role } from '../identity/auth-user';
import { QueueName } from './jobs';

export const DASHBOARD_ROUTE = '/admin/queues';
export const DASHBOARD_TOKEN_COOKIE = 'rectify_token';

/** The dashboard is opened in a browser, so the token may also come as a cookie or `?token=`. */
function tokenOf(request: FastifyRequest): string | undefined {
  const bearer = /^Bearer (.+)$/i.exec(request.headers.authorization ?? '')?.[1];
  const cookie = /(?:^|;\s*)rectify_token=([^;]+)/.exec(request.headers.cookie ?? '')?.[1];
  const query = (request.query as Record<string, unknown> | undefined)?.token;
  return (
    bearer ??
    (cookie ? decodeURIComponent(cookie) : undefined) ??
    (typeof query === 'string' ? query : undefined)
  );
}

function deny(reply: FastifyReply, statusCode: 401 | 403): FastifyReply {
  const body =
    statusCode === 401
      ? { statusCode, code: 'UNAUTHENTICATED', message: '请先登录' }
      : { statusCode, code: 'FORBIDDEN', message: '只有管理员可以查看队列面板' };
  return reply.status(statusCode).header('content-type', 'application/json; charset=utf-8').send(body);
}

/** Bull Board at /admin/queues (no API prefix), admins only: a valid access token of an active admin. */
@Module({
  imports: [
    BullBoardModule.forRoot({
      route: DASHBOARD_ROUTE,
      adapter: FastifyAdapter,
      boardOptions: { uiConfig: { boardTitle: 'Rectify 队列' } },
    }),
    ...Object.values(QueueName).map((name) => BullBoardModule.forFeature({ name, adapter: BullMQAdapter })),
  ],
})
export class QueueDashboardModule implements OnModuleInit {
  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly dataSource: DataSource,
    private readonly moduleRef: ModuleRef,
  ) {}

  onModuleInit(): void {
    // The identity module's JwtService, so tokens verify with exactly the secret that signed them.
    const jwt = this.moduleRef.get(JwtService, { strict: false });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    fastify.addHook('onRequest', async (request, reply) => {
      if (
        request.url !== DASHBOARD_ROUTE &&
        !request.url.startsWith(`${DASHBOARD_ROUTE}/`) &&
        !request.url.startsWith(`${DASHBOARD_ROUTE}?`)
      )
        return;
      const token = tokenOf(request);
      if (!token) return deny(reply, 401);
      let userId: string;
      try {
        const claims = await jwt.verifyAsync<{ sub: string; typ?: string }>(token);
        if (claims.typ !== 'access') return deny(reply, 401);
        userId = claims.sub;
      } catch {
        return deny(reply, 401);
      }
      // The role is read from the database, so a demoted or deactivated admin loses access at once.
      const [user] = await this.dataSource.query(`SELECT role FROM users WHERE id::text = $1 AND active`, [
        userId,
      ]);
      if (!user) return deny(reply, 401);
      if (!(PERMISSIONS['queue.dashboard'].roles as readonly Role[]).includes(user.role))
        return deny(reply, 403);
    });
  }
}
