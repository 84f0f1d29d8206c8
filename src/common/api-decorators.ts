import { applyDecorators, Type } from '@nestjs/common';
import {
  ApiAcceptedResponse,
  ApiConsumes,
  ApiCreatedResponse,
  ApiNoContentResponse,
  ApiOkResponse,
  ApiOperation,
  type ApiResponseOptions,
} from '@nestjs/swagger';
import { ApiErrorResponses, type ErrorAnswer } from './openapi/api-error-responses';
import { ApiFileUploadBody } from './openapi/api-file';

/** A success answer: its DTO, `[Dto]` for an array of them, or the full options when it needs a description. */
export type SuccessAnswer = Type<unknown> | [Type<unknown>] | ApiResponseOptions;

/** What one route is documented as: its operation, its success answer(s) and the errors it can give. */
export interface RouteDoc {
  summary: string;
  description?: string;
  ok?: SuccessAnswer;
  created?: SuccessAnswer;
  /** 202, beside `ok` where a route answers either (the reminder sweep when the queue is down). */
  accepted?: SuccessAnswer;
  /** 204: the description of the empty answer. */
  noContent?: string;
  errors?: ErrorAnswer[];
}

/**
 * A route's whole OpenAPI entry in one decorator, so a controller reads as route, roles, doc and handler:
 * `@ApiRoute({ summary, description, ok: TaskDetailDto, errors: [400, 401, 'TASK_NOT_FOUND'] })`.
 * Answers with a content of their own (files, pages) keep their own decorators beside it.
 */
export function ApiRoute(doc: RouteDoc): MethodDecorator {
  const { summary, description } = doc;
  return applyDecorators(
    ...(doc.errors ? [ApiErrorResponses(...doc.errors)] : []),
    ...(doc.noContent ? [ApiNoContentResponse({ description: doc.noContent })] : []),
    ...(doc.accepted ? [ApiAcceptedResponse(responseOptions(doc.accepted))] : []),
    ...(doc.created ? [ApiCreatedResponse(responseOptions(doc.created))] : []),
    ...(doc.ok ? [ApiOkResponse(responseOptions(doc.ok))] : []),
    ApiOperation(description === undefined ? { summary } : { summary, description }),
  );
}

function responseOptions(answer: SuccessAnswer): ApiResponseOptions {
  return typeof answer === 'function' || Array.isArray(answer) ? { type: answer } : answer;
}

/**
 * The upload of one evidence file (佐证材料, field `file`, any format) to the record `:id` names: its limits and upload
 * errors are the same for every record; `ownerErrors` are the record's own (not found, closed), answered with 401, 403.
 */
export function ApiEvidenceUpload(summary: string, created: Type<unknown>, ...ownerErrors: ErrorAnswer[]) {
  return applyDecorators(
    ApiFileUploadBody('佐证材料（任意格式）'),
    ApiRoute({
      summary,
      description: 'multipart/form-data，单个文件不超过 UPLOAD_MAX_BYTES（否则 413 FILE_TOO_LARGE）。',
      created,
      errors: [
        'FILE_REQUIRED',
        'EMPTY_FILE',
        'INVALID_FILE_NAME',
        401,
        403,
        ...ownerErrors,
        'FILE_TOO_LARGE',
      ],
    }),
    ApiConsumes('multipart/form-data'),
  );
}
