import { ApiBody, ApiOkResponse } from '@nestjs/swagger';

/** 200 with a file of `mediaType` (downloads: Excel, Word, evidence), named in Content-Disposition. */
export function ApiFileResponse(mediaType: string, description: string) {
  return ApiOkResponse({
    description,
    headers: {
      'Content-Disposition': { description: '附件及其原文件名（RFC 5987 编码）', schema: { type: 'string' } },
    },
    content: { [mediaType]: { schema: { type: 'string', format: 'binary' } } },
  });
}

/** The body of an upload route: multipart/form-data with one `file` field. */
export function ApiFileUploadBody(description: string) {
  return ApiBody({
    description,
    required: true,
    schema: {
      type: 'object',
      required: ['file'],
      properties: { file: { type: 'string', format: 'binary', description } },
    },
  });
}
