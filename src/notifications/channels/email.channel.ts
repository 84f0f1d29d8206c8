import { Inject, Injectable, OnModuleDestroy } from '@nestjs/common';
import { createTransport, Transporter } from 'nodemailer';
import { Runtime, RUNTIME } from '../../runtime/runtime';
import { DeliverableNotification, NotificationChannel, Recipient } from './notification-channel';

@Injectable()
export class EmailChannel implements NotificationChannel, OnModuleDestroy {
  readonly name = 'email' as const;
  private transport: Transporter | undefined;

  constructor(@Inject(RUNTIME) private readonly runtime: Runtime) {}

  async deliver(notification: DeliverableNotification, recipient: Recipient): Promise<void> {
    if (!recipient.email) throw new Error('收件人没有邮箱地址');
    this.transport ??= createTransport(this.runtime.config.SMTP_URL);
    await this.transport.sendMail({
      from: this.runtime.config.SMTP_FROM,
      to: recipient.email,
      subject: notification.title,
      text: `${recipient.displayName}，您好：\n\n${notification.body}\n\n—— Rectify 整改事项跟踪系统`,
      // The same Message-ID on every attempt: mail systems that drop repeats by Message-ID drop a resend.
      messageId: `<${notification.deliveryId}@${senderDomain(this.runtime.config.SMTP_FROM)}>`,
      headers: { 'X-Rectify-Notification': notification.id },
    });
  }

  onModuleDestroy(): void {
    this.transport?.close();
  }
}

/** The domain of the sender's address (`Rectify <rectify@example.gov.cn>` → example.gov.cn). */
function senderDomain(from: string): string {
  return /@([^>\s]+)/.exec(from)?.[1] ?? 'rectify.localhost';
}
