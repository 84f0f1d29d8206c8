import { INestApplication } from '@nestjs/common';
import { DocumentBuilder, OpenAPIObject, SwaggerModule } from '@nestjs/swagger';
import { readFileSync } from 'node:fs';
import { findProjectFile } from '../config/project-root';
import { outgoingWebhooks } from './openapi-webhooks';

/** Where the document is served (no prefix, no login): ../shared/CONTRACT.md section 6. */
export const OPENAPI_UI_PATH = 'api/docs';
export const OPENAPI_JSON_PATH = 'api/docs/openapi.json';

/** Every tag an operation uses, declared with what it covers; Spectral's operation-tag-defined holds us to it. */
export const API_TAGS: Record<string, string> = {
  auth: '登录、刷新令牌、退出、修改本人密码、当前用户',
  users: '本单位用户的新建、修改、停用（管理员）',
  units: '责任单位及其群机器人（管理员维护，所有角色可读）',
  organizations: '单位与下级单位、本单位的设置',
  directory: '通讯录：本单位人员与责任单位的名称，所有角色可读',
  年度报告: '上传法治政府建设年度报告、查看解析出的条目，确认条目生成任务',
  年度报告草稿: '按任务台账和工作纪实生成的下一年度报告草稿（JSON、Word、Markdown）及人工修改',
  整改任务: '整改任务的列表、统计、整改台账及其导出导入、进展报送、销号核验、延期、佐证材料与年度结转',
  工作纪实: '日常工作纪实及其类别、佐证材料，领导确定写入年度报告',
  通知: '站内提醒和消息',
  上级督导:
    '县、市查看下级单位的整改完成情况与排名，印发和下载月度通报（下级单位的任务与通讯录见 organizationId 参数）',
  督办: '我的待办队列、催办与县级督办及其答复（办理情况）',
  提醒: '到期提醒扫描（管理员手动触发）',
  群机器人:
    '钉钉、企业微信、飞书和通用 Webhook 群机器人：领导班子群的机器人配置与测试消息（责任单位的见 PATCH /units/{id}）',
  meta: '服务信息与界面用语（状态、事项类型、红黄绿灯等代码值的中文）',
  health: '健康检查（PostgreSQL 与 Redis）',
};

/** package.json's version, read once: the document's and GET /meta's. */
let version: string | undefined;
export function packageVersion(): string {
  version ??= (JSON.parse(readFileSync(findProjectFile('package.json'), 'utf8')) as { version: string })
    .version;
  return version;
}

/** The OpenAPI 3 document of every route the app registered; the same for the served page and `npm run lint:api`. */
export function buildOpenApiDocument(app: INestApplication): OpenAPIObject {
  const builder = new DocumentBuilder()
    .setTitle('Rectify 整改事项跟踪 API')
    .setDescription(
      '法治政府建设年度报告的问题、整改措施与工作计划的导入、分派、跟踪、提醒和年度报告汇总。' +
        '除登录、刷新令牌、服务信息和健康检查外，所有接口都需在 Authorization 头中携带 Bearer 访问令牌（POST /api/v1/auth/login 获得）。' +
        '错误统一返回 ErrorResponse {statusCode, code, message}：code 为稳定的错误代码（见 ErrorCode），message 为中文说明；' +
        '数据库暂时无法连接时返回 503 DATABASE_UNAVAILABLE，Redis 不可用时返回 503 QUEUE_UNAVAILABLE，可稍后重试。',
    )
    .setVersion(packageVersion())
    .addServer('/', '当前服务器（与本文档同源）')
    .addBearerAuth(
      {
        type: 'http',
        scheme: 'bearer',
        bearerFormat: 'JWT',
        description: '访问令牌，有效期见 ACCESS_TOKEN_TTL',
      },
      'bearer',
    );
  for (const [name, description] of Object.entries(API_TAGS)) builder.addTag(name, description);
  const document = SwaggerModule.createDocument(app, builder.build(), {
    operationIdFactory: (controllerKey, methodKey) =>
      `${controllerKey.replace(/Controller$/, '')}_${methodKey}`,
  });
  return Object.assign(document, { 'x-webhooks': outgoingWebhooks() });
}

/** Serves the document at /api/docs (UI) and /api/docs/openapi.json. */
export function serveOpenApiDocument(app: INestApplication): void {
  SwaggerModule.setup(OPENAPI_UI_PATH, app, buildOpenApiDocument(app), {
    jsonDocumentUrl: OPENAPI_JSON_PATH,
  });
}
