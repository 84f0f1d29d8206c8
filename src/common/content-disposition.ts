/**
 * A Content-Disposition naming the file in Chinese: RFC 5987 `filename*` (UTF-8) for browsers, and `filename` in
 * ASCII for clients that only read that one (by default the name with every other character replaced).
 */
export function contentDisposition(
  disposition: 'inline' | 'attachment',
  fileName: string,
  asciiFallback = fileName.replace(/[^\x20-\x7e]/g, '_'),
): string {
  const fallback = asciiFallback.replace(/["\\]/g, '_');
  return `${disposition}; filename="${fallback}"; filename*=UTF-8''${encodeRfc5987(fileName)}`;
}

function encodeRfc5987(value: string): string {
  return encodeURIComponent(value).replace(
    /['()*]/g,
    (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`,
  );
}
