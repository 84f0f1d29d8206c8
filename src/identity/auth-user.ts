import { codesOf } from '../common/closed-vocabulary';

export const ROLE_LABELS = { admin: '管理员', leader: '领导', staff: '工作人员', viewer: '只读用户' };
export const ROLES = codesOf(ROLE_LABELS);
export type Role = (typeof ROLES)[number];

/** The caller, as the auth guard puts it on the request after verifying the access token. */
export interface AuthUser {
  id: string;
  organizationId: string;
  role: Role;
  unitId: string | null;
  username: string;
  displayName: string;
}
