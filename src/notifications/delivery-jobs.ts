import { AppConfig } from '../config/app-config';
import { EnqueueRequest } from '../queue/job-producer';
import { DELIVERY_JOB, DeliveryChannel } from '../queue/jobs';

/**
 * The external deliveries of stored notifications (the stored row is the in-app delivery), one job per channel on
 * that channel's queue, plus `deliveries.robot` for notices that may go to group robots. Job id per notification
 * and channel, so an enqueue repeated after a crash adds nothing.
 */
export function deliveryJobs(
  config: AppConfig,
  notifications: Array<{ id: string; hasEmail: boolean; robots?: boolean }>,
): EnqueueRequest<(typeof DELIVERY_JOB)[DeliveryChannel] | 'deliveries.robot'>[] {
  const options = {
    attempts: config.DELIVERY_ATTEMPTS,
    backoff: { type: 'exponential', delay: config.DELIVERY_BACKOFF_MS },
    removeOnFail: false,
  };
  return notifications.flatMap((notification) => {
    const channels: DeliveryChannel[] = [];
    if (config.SMTP_URL && notification.hasEmail) channels.push('email');
    if (config.WEBHOOK_URL) channels.push('webhook');
    // The webhook job stands down for a notice its unit's robots carry (see RobotDeliveries), so both are queued;
    // it is told whether a robot job was, so that without one it never looks for robots.
    const jobs: EnqueueRequest<(typeof DELIVERY_JOB)[DeliveryChannel] | 'deliveries.robot'>[] = channels.map(
      (channel) => ({
        name: DELIVERY_JOB[channel],
        payload:
          channel === 'webhook'
            ? { notificationId: notification.id, robotsQueued: notification.robots === true }
            : { notificationId: notification.id },
        options: { ...options, jobId: `deliver-${notification.id}-${channel}` },
      }),
    );
    if (notification.robots)
      jobs.push({
        name: 'deliveries.robot',
        payload: { notificationId: notification.id },
        options: { ...options, jobId: `deliver-${notification.id}-robot` },
      });
    return jobs;
  });
}
