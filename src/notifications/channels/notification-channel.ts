export interface DeliverableNotification {
  id: string;
  title: string;
  body: string;
}

export interface Recipient {
  id: string;
  displayName: string;
  email: string | null;
}

/** An external way to reach a person; in-app is the stored notification row itself. */
export interface NotificationChannel {
  readonly name: 'email' | 'webhook';
  deliver(notification: DeliverableNotification, recipient: Recipient): Promise<void>;
}
