import { extname } from 'node:path';
import { contentDisposition } from '../common/content-disposition';

/** Types a browser shows in place (the task page previews them); everything else downloads. */
const INLINE_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
};

const DOWNLOAD_TYPES: Record<string, string> = {
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.doc': 'application/msword',
  '.xls': 'application/vnd.ms-excel',
  '.txt': 'text/plain; charset=utf-8',
  '.zip': 'application/zip',
};

export interface EvidenceContent {
  contentType: string;
  contentDisposition: string;
}

/**
 * How an evidence file is served: its type by its name (uploads are stored as bytes, and a browser guessing from
 * content is what nosniff forbids), inline for images and PDF, and its original Chinese name as RFC 5987
 * `filename*` with an ASCII fallback for old clients.
 */
export function evidenceContent(fileName: string): EvidenceContent {
  const extension = extname(fileName).toLowerCase();
  const inline = INLINE_TYPES[extension];
  const contentType = inline ?? DOWNLOAD_TYPES[extension] ?? 'application/octet-stream';
  return {
    contentType,
    contentDisposition: contentDisposition(inline ? 'inline' : 'attachment', fileName),
  };
}

/** Whether the task page can show the file as text (.docx) or a table (.xlsx) through `?preview=1`. */
export function previewKind(fileName: string): 'text' | 'table' | null {
  const extension = extname(fileName).toLowerCase();
  if (extension === '.docx') return 'text';
  if (extension === '.xlsx') return 'table';
  return null;
}
