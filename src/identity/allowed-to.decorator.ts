import { PERMISSIONS, type Action } from './permissions';
import { Roles } from './roles.decorator';

/**
 * Restricts a route to the roles the permission table allows `action`: `@AllowedTo('unit.manage')`.
 * Only the role check; the ownership rule of the action is the service's (assertCan), which knows the resource.
 */
export const AllowedTo = (action: Action): MethodDecorator & ClassDecorator =>
  Roles(...PERMISSIONS[action].roles);
