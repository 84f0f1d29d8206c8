// Thin fetch wrapper: bearer token in sessionStorage, one silent refresh on an expired token, Chinese errors only.
const KEY = 'rectify.session';

/** @returns {{accessToken:string, refreshToken:string, user:any}|null} */
export function session() {
  try {
    return JSON.parse(sessionStorage.getItem(KEY) || 'null');
  } catch {
    return null;
  }
}
export function saveSession(value) {
  if (value) sessionStorage.setItem(KEY, JSON.stringify(value));
  else sessionStorage.removeItem(KEY);
}

export class ApiError extends Error {
  constructor(status, code, message) {
    super(message);
    this.status = status;
    this.code = code;
  }
}

const FALLBACK = {
  400: '请求内容不正确',
  401: '请先登录',
  403: '没有权限执行此操作',
  404: '找不到要访问的内容',
  409: '数据已被他人修改，请刷新后重试',
  413: '文件太大',
  429: '操作太频繁，请稍后再试',
};

/** Never shows raw server text: only the Chinese `message` of the error body, or a generic Chinese sentence. */
async function toError(response) {
  let body = null;
  try {
    body = await response.json();
  } catch {
    /* not JSON */
  }
  const message =
    body && typeof body.message === 'string' && /[\u4e00-\u9fa5]/.test(body.message)
      ? body.message
      : FALLBACK[response.status] || '服务暂时不可用，请稍后再试';
  return new ApiError(response.status, body?.code, message);
}

async function refresh() {
  const current = session();
  if (!current?.refreshToken) return false;
  const response = await fetch('/api/v1/auth/refresh', {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ refreshToken: current.refreshToken }),
  });
  if (!response.ok) return false;
  const tokens = await response.json();
  saveSession({ ...current, ...tokens });
  return true;
}

/**
 * @param {string} method
 * @param {string} path under /api/v1
 * @param {{body?:any, form?:FormData, raw?:boolean}} [options]
 */
export async function api(method, path, options = {}, retried = false) {
  const headers = {};
  const token = session()?.accessToken;
  if (token) headers.authorization = `Bearer ${token}`;
  let body;
  if (options.form) body = options.form;
  else if (options.body !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(options.body);
  }
  let response;
  try {
    response = await fetch(`/api/v1${path}`, { method, headers, body });
  } catch {
    throw new ApiError(0, 'NETWORK', '网络连接失败，请检查网络后重试');
  }
  if (response.status === 401 && !retried && token && (await refresh()))
    return api(method, path, options, true);
  if (response.status === 401 && token) {
    saveSession(null);
    location.hash = '#/login';
  }
  if (!response.ok) throw await toError(response);
  if (options.raw) return response;
  const type = response.headers.get('content-type') || '';
  if (type.includes('json')) return response.json();
  return response.text();
}

/**
 * Downloads a file through the authenticated API (the browser can't add the bearer header to a plain link), under
 * `fileName` or else the name the server gives it (a blob URL has no Content-Disposition of its own).
 */
export async function download(path, fileName) {
  const response = await api('GET', path, { raw: true });
  const url = URL.createObjectURL(await response.blob());
  const name = fileName ?? attachmentName(response.headers.get('content-disposition') || '');
  const link = Object.assign(document.createElement('a'), { href: url, download: name });
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}

/** The file name of a Content-Disposition: RFC 5987 `filename*` (the Chinese one), else `filename`. */
function attachmentName(disposition) {
  const encoded = disposition.match(/filename\*=UTF-8''([^;]+)/i);
  if (encoded) return decodeURIComponent(encoded[1]);
  return disposition.match(/filename="([^"]*)"/i)?.[1] ?? '';
}
