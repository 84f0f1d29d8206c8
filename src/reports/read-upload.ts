import { HttpStatus } from '@nestjs/common';
import type { FastifyRequest } from 'fastify';
import { hasControlCharacters } from '../common/control-characters';
import { DomainError, InvalidInputError } from '../common/domain-error';
import type { UploadedReport } from './reports.service';

/**
 * The single multipart `file` field, fully buffered; oversize → 413 FILE_TOO_LARGE, a file name holding a control
 * character (NUL…) → 400 INVALID_FILE_NAME before the file is read.
 */
export async function readUpload(request: FastifyRequest): Promise<UploadedReport> {
  if (!request.isMultipart())
    throw new InvalidInputError('FILE_REQUIRED', '请以 multipart/form-data 上传文件（字段名 file）');
  const part = await request.file().catch(rethrowTooLarge);
  if (!part || part.fieldname !== 'file')
    throw new InvalidInputError('FILE_REQUIRED', '缺少上传文件（字段名 file）');
  if (hasControlCharacters(part.filename ?? '')) {
    part.file.resume();
    throw new InvalidInputError(
      'INVALID_FILE_NAME',
      '文件名含有不允许的控制字符（如 NUL），请改名后重新上传',
    );
  }
  const buffer = await part.toBuffer().catch(rethrowTooLarge);
  return { fileName: part.filename || 'upload', buffer };
}

function rethrowTooLarge(error: unknown): never {
  if ((error as { code?: string }).code === 'FST_REQ_FILE_TOO_LARGE') {
    throw new DomainError('FILE_TOO_LARGE', '文件超过大小限制', HttpStatus.PAYLOAD_TOO_LARGE);
  }
  throw error;
}
