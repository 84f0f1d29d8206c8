import { SetMetadata } from '@nestjs/common';
import { PERMISSIONS, type Action } from './permissions';

/** Where AllowedTo leaves a route's roles for AuthGuard. */
export const ROLES_KEY = 'rectify:roles';

/**
 * Restricts a route to the roles the permission table allows `action`: `@AllowedTo('unit.manage')`. Routes without
 * it are open to every signed-in role. Only the role check; the ownership rule of the action is the service's
 * (assertCan), which knows the resource.
 */
export const AllowedTo = (action: Action): MethodDecorator & ClassDecorator =>
  SetMetadata(ROLES_KEY, PERMISSIONS[action].roles);
