import { getSchemaPath } from '@nestjs/swagger';

/**
 * Schemas of what Rectify sends out, by name: the features that send them declare them (`@ApiExtraModels` on the
 * robots and notifications controllers), so runtime/ imports no feature.
 */
const GENERIC_ROBOT_PAYLOAD = 'GenericRobotPayloadDto';
const NOTIFICATION_WEBHOOK_PAYLOAD = 'NotificationWebhookPayloadDto';

const signed = (secret: string) => [
  {
    name: 'X-Rectify-Signature',
    in: 'header',
    required: false,
    description: `请求体原样字节的 HMAC-SHA256（十六进制），密钥为 ${secret}；接收方重新计算并比对`,
    schema: { type: 'string', pattern: '^[0-9a-f]{64}$' },
  },
  {
    name: 'X-Rectify-Delivery',
    in: 'header',
    required: true,
    description: '投递编号，与请求体的 deliveryId 相同；重试时不变，接收方据此去重',
    schema: { type: 'string' },
  },
];

const received = {
  '200': { description: '已收到（任何 2xx 均可）；非 2xx 或超时视为失败，按 DELIVERY_ATTEMPTS 退避重试' },
};

/**
 * What Rectify POSTs to other systems (OpenAPI 3.0 has no `webhooks`; `x-webhooks` is the extension ReDoc and
 * Swagger tooling read). 钉钉、企业微信、飞书 robots receive those vendors' own documented formats from the same message.
 */
export function outgoingWebhooks() {
  return {
    genericRobot: {
      post: {
        summary: '通用 Webhook 群机器人：到期提醒、逾期、催办、县级督办',
        description:
          '责任单位配置为 generic 的群机器人收到的消息。text.content 为可直接转发的纯文本，items 为结构化数据。保存了签名密钥时带 X-Rectify-Signature。',
        operationId: 'webhook_genericRobot',
        tags: ['群机器人'],
        parameters: signed('该机器人的签名密钥'),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: getSchemaPath(GENERIC_ROBOT_PAYLOAD) } } },
        },
        responses: received,
      },
    },
    notification: {
      post: {
        summary: '通知渠道 webhook：每条站内通知的副本',
        description: '配置了 WEBHOOK_URL 时，每条提醒和消息也发送到该地址，签名密钥为 WEBHOOK_SECRET。',
        operationId: 'webhook_notification',
        tags: ['通知'],
        parameters: signed('WEBHOOK_SECRET'),
        requestBody: {
          required: true,
          content: { 'application/json': { schema: { $ref: getSchemaPath(NOTIFICATION_WEBHOOK_PAYLOAD) } } },
        },
        responses: received,
      },
    },
  };
}
