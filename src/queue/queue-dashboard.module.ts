import { createBullBoard } from '@bull-board/api';
import { BullMQAdapter } from '@bull-board/api/bullMQAdapter';
import { FastifyAdapter } from '@bull-board/fastify';
import { getQueueToken } from '@nestjs/bullmq';
import { Module, OnModuleInit } from '@nestjs/common';
import { HttpAdapterHost, ModuleRef } from '@nestjs/core';
import type { Queue } from 'bullmq';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { ForbiddenError } from '../common/domain-error';
import { HttpExceptionFilter } from '../common/http-exception.filter';
import { Authenticator } from '../identity/authenticator';
import { DASHBOARD_PATH } from '../identity/dashboard-session';
import { AuthenticationModule } from '../identity/identity.module';
import { can } from '../identity/permissions';
import { QueueName } from './jobs';

/**
 * Bull Board at /admin/queues (no API prefix), admins only. The browser opens it with the session cookie that
 * POST /api/v1/auth/dashboard-session sets (never a token in the URL).
 *
 * The check is a hook of the Fastify plugin the board's routes live in, so it runs for every request the router
 * hands to one of those routes, whatever spelling of the path got it there (`/admin/%71ueues/…`); a check on
 * the raw URL was bypassed by percent-encoding, which the router decodes.
 */
@Module({ imports: [AuthenticationModule] })
export class QueueDashboardModule implements OnModuleInit {
  private readonly errors = new HttpExceptionFilter();

  constructor(
    private readonly adapterHost: HttpAdapterHost,
    private readonly moduleRef: ModuleRef,
    private readonly authenticator: Authenticator,
  ) {}

  async onModuleInit(): Promise<void> {
    const board = new FastifyAdapter().setBasePath(DASHBOARD_PATH);
    createBullBoard({
      queues: Object.values(QueueName).map(
        (name) => new BullMQAdapter(this.moduleRef.get<Queue>(getQueueToken(name), { strict: false })),
      ),
      serverAdapter: board,
      options: { uiConfig: { boardTitle: 'Rectify 队列' } },
    });
    const fastify = this.adapterHost.httpAdapter.getInstance<FastifyInstance>();
    await fastify.register(
      async (scope) => {
        scope.addHook('onRequest', (request, reply) => this.admitAdmins(request, reply));
        await scope.register(board.registerPlugin());
      },
      { prefix: DASHBOARD_PATH },
    );
  }

  /** Answers 401/403 itself: the board's own error handler would turn a thrown error into a 500. */
  private async admitAdmins(request: FastifyRequest, reply: FastifyReply): Promise<FastifyReply | undefined> {
    try {
      const { user } = await this.authenticator.authenticate(request, 'dashboard');
      if (!can(user, 'queue.dashboard')) throw new ForbiddenError('只有管理员可以查看队列面板');
      return undefined;
    } catch (error) {
      this.errors.send(error, request, reply);
      return reply;
    }
  }
}
