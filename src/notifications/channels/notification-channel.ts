import type { DeliveryChannel } from '../../queue/jobs';

export interface DeliverableNotification {
  id: string;
  title: string;
  body: string;
  /**
   * The same on every attempt of this notification on this channel: a receiver that has seen it already can drop
   * a repeat (a worker that dies after sending sends again).
   */
  deliveryId: string;
}

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
}

/** An external way to reach a person; in-app is the stored notification row itself. */
export interface NotificationChannel {
  readonly name: DeliveryChannel;
  deliver(notification: DeliverableNotification, recipient: Recipient): Promise<void>;
}

export function deliveryIdOf(notificationId: string, channel: DeliveryChannel): string {
  return `${notificationId}-${channel}`;
}
