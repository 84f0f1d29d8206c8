export const ROLES = ['admin', 'leader', 'staff', 'viewer'] as const;
export type Role = (typeof ROLES)[number];

export const ROLE_LABELS: Record<Role, string> = {
  admin: '管理员',
  leader: '领导',
  staff: '工作人员',
  viewer: '只读用户',
};

/** The caller, as the auth guard puts it on the request after verifying the access token. */
export interface AuthUser {
  id: string;
  organizationId: string;
  role: Role;
  unitId: string | null;
  username: string;
  displayName: string;
}
