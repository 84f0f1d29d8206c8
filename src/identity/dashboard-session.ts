import type { FastifyRequest } from 'fastify';

/** Where the queue dashboard (Bull Board) is served; its session cookie is sent to this path only. */
export const DASHBOARD_PATH = '/admin/queues';
export const DASHBOARD_SESSION_COOKIE = 'rectify_dashboard';

/**
 * The Set-Cookie of a dashboard session: unreadable by scripts, never sent from another site, only to the
 * dashboard, gone with the token's lifetime, and only over TLS when the request came over TLS (Fastify reads
 * X-Forwarded-Proto from trusted proxies only).
 */
export function dashboardSessionCookie(
  token: string,
  maxAgeSeconds: number,
  request: FastifyRequest,
): string {
  const secure = request.protocol === 'https' ? '; Secure' : '';
  return `${DASHBOARD_SESSION_COOKIE}=${token}; Path=${DASHBOARD_PATH}; Max-Age=${maxAgeSeconds}; HttpOnly; SameSite=Strict${secure}`;
}

/** The dashboard session token a request carries, if any. */
export function dashboardSessionOf(cookieHeader: string | undefined): string | undefined {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [name, ...value] = part.trim().split('=');
    if (name === DASHBOARD_SESSION_COOKIE) return value.join('=');
  }
  return undefined;
}
