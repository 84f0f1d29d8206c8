import { Controller, Get, HttpCode, Param, Post, Query } from '@nestjs/common';
import { ApiBearerAuth, ApiTags, ApiExtraModels } from '@nestjs/swagger';
import { ApiRoute } from '../common/api-decorators';
import { ParseUuidPipe } from '../common/parse-uuid.pipe';
import { CurrentUser } from '../identity/current-user.decorator';
import type { AuthUser } from '../identity/auth-user';
import { ListNotificationsQuery } from './dto/list-notifications.dto';
import { NotificationsService } from './notifications.service';
import { ApiPagedResponse } from '../common/openapi/api-paged-response';
import { MarkedReadDto, NotificationDto } from './dto/notification-responses.dto';
import { NotificationWebhookPayloadDto } from './dto/webhook-payload.dto';

/** Also declares what the webhook channel receives (x-webhooks.notification of the document). */
@ApiExtraModels(NotificationWebhookPayloadDto)
@ApiTags('通知')
@ApiBearerAuth()
@Controller('notifications')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get()
  @ApiRoute({
    summary: '我的提醒和消息（unread=true 只看未读，分页）',
    description: '返回 {items, total, unread, page, pageSize}，新的在前；unread 为未读总数。',
    errors: [400, 401],
  })
  @ApiPagedResponse(NotificationDto, {
    description: '一页通知（新的在前）',
    extra: { unread: { type: 'integer', description: '未读总数' } },
  })
  list(@CurrentUser() user: AuthUser, @Query() query: ListNotificationsQuery) {
    return this.notifications.list(user, query);
  }

  @Post('read-all')
  @HttpCode(200)
  @ApiRoute({
    summary: '全部标记为已读',
    description: '返回本次标记的条数。',
    ok: MarkedReadDto,
    errors: [401],
  })
  markAllRead(@CurrentUser() user: AuthUser) {
    return this.notifications.markAllRead(user);
  }

  @Post(':id/read')
  @HttpCode(200)
  @ApiRoute({
    summary: '标记一条通知为已读',
    description: '只能标记本人的通知（否则 404 NOTIFICATION_NOT_FOUND）；已读的通知再次标记不改变阅读时间。',
    ok: { type: NotificationDto, description: '已读的通知' },
    errors: [400, 401, 'NOTIFICATION_NOT_FOUND'],
  })
  markRead(@CurrentUser() user: AuthUser, @Param('id', ParseUuidPipe) id: string) {
    return this.notifications.markRead(user, id);
  }
}
