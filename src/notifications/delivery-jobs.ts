import { AppConfig } from '../config/app-config';
import { EnqueueRequest } from '../queue/job-producer';

export interface NewNotification {
  id: string;
  has_email: boolean;
}

/**
 * The external deliveries of freshly stored notifications (the stored row is the in-app delivery).
 * Job id per notification and channel, so an enqueue repeated after a crash adds nothing.
 */
export function deliveryJobs(
  config: AppConfig,
  notifications: NewNotification[],
): EnqueueRequest<'notifications.deliver'>[] {
  const options = {
    attempts: config.DELIVERY_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS },
    removeOnFail: false,
  };
  return notifications.flatMap((notification) => {
    const channels: ('email' | 'webhook')[] = [];
    if (config.SMTP_URL && notification.has_email) channels.push('email');
    if (config.WEBHOOK_URL) channels.push('webhook');
    return channels.map((channel) => ({
      name: 'notifications.deliver' as const,
      payload: { notificationId: notification.id, channel },
      options: { ...options, jobId: `deliver-${notification.id}-${channel}` },
    }));
  });
}
