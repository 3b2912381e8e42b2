import { Body, Controller, Get, HttpCode, Post, Put, Query } from '@nestjs/common';
import { ApiOkResponse, ApiTags } from '@nestjs/swagger';
import {
  MarkNotificationsReadRequestSchema,
  MarkNotificationsReadResponseSchema,
  NotificationListQuerySchema,
  NotificationListSchema,
  NotificationSettingsSchema,
  UpdateNotificationSettingsRequestSchema,
  type MarkNotificationsReadResponse,
  type NotificationList,
  type NotificationSettings,
} from '@postplan/contracts';
import { createZodDto } from 'nestjs-zod';
import { type Actor, CurrentActor } from '../../common/auth/actor';
import { NotificationsService } from './notifications.service';

class NotificationListQueryDto extends createZodDto(NotificationListQuerySchema) {}
class NotificationListDto extends createZodDto(NotificationListSchema) {}
class MarkReadDto extends createZodDto(MarkNotificationsReadRequestSchema) {}
class MarkReadResponseDto extends createZodDto(MarkNotificationsReadResponseSchema) {}
class NotificationSettingsDto extends createZodDto(NotificationSettingsSchema) {}
class UpdateNotificationSettingsDto extends createZodDto(UpdateNotificationSettingsRequestSchema) {}

/** The caller's own inbox across all their workspaces; nobody sees anyone else's. */
@ApiTags('notifications')
@Controller('v1/me')
export class NotificationsController {
  constructor(private readonly notifications: NotificationsService) {}

  @Get('notifications')
  @ApiOkResponse({ type: NotificationListDto })
  list(
    @CurrentActor() actor: Actor,
    @Query() query: NotificationListQueryDto,
  ): Promise<NotificationList> {
    return this.notifications.list(actor.userId, query);
  }

  @Post('notifications/read')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkReadResponseDto })
  markRead(
    @CurrentActor() actor: Actor,
    @Body() body: MarkReadDto,
  ): Promise<MarkNotificationsReadResponse> {
    return this.notifications.markRead(actor.userId, body.ids);
  }

  @Post('notifications/read-all')
  @HttpCode(200)
  @ApiOkResponse({ type: MarkReadResponseDto })
  markAllRead(@CurrentActor() actor: Actor): Promise<MarkNotificationsReadResponse> {
    return this.notifications.markAllRead(actor.userId);
  }

  @Get('notification-settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  settings(@CurrentActor() actor: Actor): Promise<NotificationSettings> {
    return this.notifications.settings(actor.userId);
  }

  @Put('notification-settings')
  @ApiOkResponse({ type: NotificationSettingsDto })
  updateSettings(
    @CurrentActor() actor: Actor,
    @Body() body: UpdateNotificationSettingsDto,
  ): Promise<NotificationSettings> {
    return this.notifications.updateSettings(actor.userId, body);
  }
}
